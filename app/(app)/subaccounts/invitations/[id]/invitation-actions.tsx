"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { INVITATION_TTL_DAYS } from "@/lib/invitations/constants";
import { cancelInvitation, resendInvitation } from "./actions";

export function InvitationActions({
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
  const resend = useActionForm(resendInvitation);
  const cancel = useActionForm(cancelInvitation);
  const resendState = resend.state;
  const cancelState = cancel.state;
  if (!canResend && !canCancel && !resendState && !cancelState) return null;
  return (
    <section
      aria-label={t("resend")}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <FormMessage state={resendState} />
      <FormMessage state={cancelState} />
      {canResend ? (
        <ActionForm form={resend} feedback={false} className="flex flex-col gap-1">
          <input type="hidden" name="id" value={id} />
          <div>
            <SubmitButton>{t("resend")}</SubmitButton>
          </div>
          <p className="text-xs text-slate-600">{t("resendHint", { days: INVITATION_TTL_DAYS })}</p>
        </ActionForm>
      ) : null}
      {canCancel ? (
        <ConfirmForm
          form={cancel}
          fields={{ id }}
          trigger={t("cancel")}
          question={t("cancelConfirm", { email })}
          confirm={t("cancelYes")}
          keep={t("cancelNo")}
        />
      ) : null}
    </section>
  );
}
