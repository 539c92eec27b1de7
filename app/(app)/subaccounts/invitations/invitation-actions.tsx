"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { useAnnounced } from "@/app/_components/row-announcer";
import { INVITATION_TTL_DAYS } from "@/lib/invitations/constants";
import { cancelInvitation, resendInvitation } from "./[id]/actions";

/**
 * An invitation's Resend and Cancel, where the invitation allows them: small
 * buttons on a row of Manage invitations, whose answers are shown above the
 * list (RowAnnouncer: the row may move or leave); on the details page full
 * buttons with the answers above them.
 */
export function InvitationActions({
  id,
  email,
  offers,
  place,
}: {
  id: string;
  email: string;
  /** Which of the two the invitation allows (lib/invitations/rules.ts, invitationActions). */
  offers: { resend: boolean; cancel: boolean };
  place: "row" | "details";
}) {
  const t = useTranslations("invitation");
  // Outside a list's RowAnnouncer (the details page) nothing else hears the answers.
  const resend = useActionForm(useAnnounced(resendInvitation));
  const cancel = useActionForm(useAnnounced(cancelInvitation));
  const inRow = place === "row";
  const answered = !inRow && (resend.state || cancel.state);
  if (!offers.resend && !offers.cancel && !answered) return null;
  const resendForm = offers.resend ? (
    <ActionForm
      form={resend}
      feedback={false}
      className={inRow ? undefined : "flex flex-col gap-1"}
    >
      <input type="hidden" name="id" value={id} />
      {inRow ? (
        <SubmitButton aria-label={t("resendTo", { email })} className="btn-small">
          {t("resendShort")}
        </SubmitButton>
      ) : (
        <>
          <div>
            <SubmitButton>{t("resend")}</SubmitButton>
          </div>
          <p className="text-xs text-slate-600">{t("resendHint", { days: INVITATION_TTL_DAYS })}</p>
        </>
      )}
    </ActionForm>
  ) : null;
  const cancelForm = offers.cancel ? (
    <ConfirmForm
      form={cancel}
      fields={{ id }}
      trigger={inRow ? t("cancelShort") : t("cancel")}
      triggerLabel={inRow ? t("cancelTo", { email }) : undefined}
      question={t("cancelConfirm", { email })}
      confirm={t("cancelYes")}
      keep={t("cancelNo")}
      size={inRow ? "small" : "normal"}
    />
  ) : null;
  if (inRow)
    return (
      <div className="flex flex-wrap items-start gap-2">
        {resendForm}
        {cancelForm}
      </div>
    );
  return (
    <section
      aria-label={t("resend")}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <FormMessage state={resend.state} />
      <FormMessage state={cancel.state} />
      {resendForm}
      {cancelForm}
    </section>
  );
}
