"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
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
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
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
        confirming ? (
          <form
            action={cancelAction}
            onSubmit={() => setConfirming(false)}
            role="group"
            aria-label={t("cancel")}
            className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3"
          >
            <input type="hidden" name="id" value={id} />
            <p className="text-sm text-red-900">{t("cancelConfirm", { email })}</p>
            <div className="flex flex-wrap gap-2">
              <SubmitButton className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60">
                {t("cancelYes")}
              </SubmitButton>
              <button
                ref={keep}
                type="button"
                onClick={() => setConfirming(false)}
                className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm"
              >
                {t("cancelNo")}
              </button>
            </div>
          </form>
        ) : (
          <div>
            <button
              type="button"
              onClick={() => setConfirming(true)}
              className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50"
            >
              {t("cancel")}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}
