"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { FormMessage, SubmitButton } from "@/app/_components/form";
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
  const [resendState, resendAction] = useActionState(resendInvitation, undefined);
  const [cancelState, cancelAction] = useActionState(cancelInvitation, undefined);
  if (!canResend && !canCancel && !resendState && !cancelState) return null;
  return (
    <section
      aria-label={t("resend")}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <FormMessage state={resendState} />
      <FormMessage state={cancelState} />
      {canResend ? (
        <form action={resendAction} className="flex flex-col gap-1">
          <input type="hidden" name="id" value={id} />
          <div>
            <SubmitButton>{t("resend")}</SubmitButton>
          </div>
          <p className="text-xs text-slate-600">{t("resendHint")}</p>
        </form>
      ) : null}
      {canCancel ? (
        <ConfirmForm
          action={cancelAction}
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
