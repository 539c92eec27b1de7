"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form";
import { PasswordFields } from "@/app/_components/password-fields";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token, username }: { token: string; username: string }) {
  const t = useTranslations("setPassword");
  const [state, formAction] = useActionState(setPasswordAction, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right username. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <PasswordFields
        state={state}
        labels={{ password: t("password"), confirm: t("confirmPassword"), hint: t("passwordHint") }}
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
