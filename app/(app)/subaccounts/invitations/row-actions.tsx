"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { useAnnounced } from "@/app/_components/row-announcer";
import { cancelInvitation, resendInvitation } from "./[id]/actions";

/** Resend and Cancel on a row of Manage invitations, where the invitation allows them. */
export function InvitationRowActions({
  id,
  email,
  canResend,
  canCancel,
}: {
  id: string;
  email: string;
  canResend: boolean;
  canCancel: boolean;
}) {
  const t = useTranslations("invitation");
  // Their answers are shown above the list (RowAnnouncer): the row may move or leave.
  const resend = useActionForm(useAnnounced(resendInvitation));
  const cancel = useActionForm(useAnnounced(cancelInvitation));
  if (!canResend && !canCancel) return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {canResend ? (
        <ActionForm form={resend} feedback={false}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton
            aria-label={t("resendTo", { email })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {t("resendShort")}
          </SubmitButton>
        </ActionForm>
      ) : null}
      {canCancel ? (
        <ConfirmForm
          form={cancel}
          fields={{ id }}
          trigger={t("cancelShort")}
          triggerLabel={t("cancelTo", { email })}
          question={t("cancelConfirm", { email })}
          confirm={t("cancelYes")}
          keep={t("cancelNo")}
          size="small"
        />
      ) : null}
    </div>
  );
}
