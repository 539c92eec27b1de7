"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { useAnnounced } from "@/app/_components/row-announcer";
import {
  EXTEND_DAYS,
  INVITATION_MAX_LIFETIME_DAYS,
  INVITATION_TTL_DAYS,
} from "@/lib/invitations/constants";
import {
  cancelInvitation,
  extendInvitation,
  resendInvitation,
  sendInvitationAgain,
} from "./[id]/actions";

/** Which of its actions an invitation offers (lib/invitations/rules.ts, invitationActions). */
export type InvitationOffers = {
  resend: boolean;
  cancel: boolean;
  extend: boolean;
  sendAgain: boolean;
};

/**
 * An invitation's Resend, Extend, Send again and Cancel, where the invitation
 * allows them: small buttons on a row of Manage invitations, whose answers are
 * shown above the list (RowAnnouncer: the row may move or leave); on the
 * details page full buttons with the answers above them. Send again goes to
 * the new invitation's page.
 */
export function InvitationActions({
  id,
  email,
  offers,
  place,
}: {
  id: string;
  email: string;
  offers: InvitationOffers;
  place: "row" | "details";
}) {
  const t = useTranslations("invitationActions");
  // Outside a list's RowAnnouncer (the details page) nothing else hears the answers.
  const resend = useActionForm(useAnnounced(resendInvitation));
  const cancel = useActionForm(useAnnounced(cancelInvitation));
  const extend = useActionForm(useAnnounced(extendInvitation));
  const sendAgain = useActionForm(useAnnounced(sendInvitationAgain));
  const inRow = place === "row";
  const answered = !inRow && (resend.state || cancel.state || extend.state || sendAgain.state);
  if (!offers.resend && !offers.cancel && !offers.extend && !offers.sendAgain && !answered)
    return null;

  /** One button's form: small with a full name in a row, with its hint on the details page. */
  function simple(
    form: typeof resend,
    texts: { full: string; short: string; label: string; hint: string },
  ) {
    return (
      <ActionForm
        form={form}
        feedback={false}
        className={inRow ? undefined : "flex flex-col gap-1"}
      >
        <input type="hidden" name="id" value={id} />
        {inRow ? (
          <SubmitButton aria-label={texts.label} className="btn-small">
            {texts.short}
          </SubmitButton>
        ) : (
          <>
            <div>
              <SubmitButton>{texts.full}</SubmitButton>
            </div>
            <p className="text-xs text-slate-600">{texts.hint}</p>
          </>
        )}
      </ActionForm>
    );
  }

  const resendForm = offers.resend
    ? simple(resend, {
        full: t("resend"),
        short: t("resendShort"),
        label: t("resendTo", { email }),
        hint: t("resendHint", { days: INVITATION_TTL_DAYS }),
      })
    : null;
  const extendForm = offers.extend
    ? simple(extend, {
        full: t("extend", { days: EXTEND_DAYS }),
        short: t("extendShort"),
        label: t("extendTo", { email, days: EXTEND_DAYS }),
        hint: t("extendHint", { days: EXTEND_DAYS, max: INVITATION_MAX_LIFETIME_DAYS }),
      })
    : null;
  const sendAgainForm = offers.sendAgain
    ? simple(sendAgain, {
        full: t("sendAgain"),
        short: t("sendAgainShort"),
        label: t("sendAgainTo", { email }),
        hint: t("sendAgainHint"),
      })
    : null;
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
      <div className="flex flex-col items-start gap-2">
        {resendForm}
        {extendForm}
        {sendAgainForm}
        {cancelForm}
      </div>
    );
  return (
    <section
      aria-label={t("resend")}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <FormMessage state={resend.state} />
      <FormMessage state={extend.state} />
      <FormMessage state={sendAgain.state} />
      <FormMessage state={cancel.state} />
      {resendForm}
      {extendForm}
      {sendAgainForm}
      {cancelForm}
    </section>
  );
}
