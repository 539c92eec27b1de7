"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { PasswordFields } from "@/app/_components/password-fields";
import { setPasswordAction } from "./actions";
import { BrowserTimeZone } from "@/app/_components/browser-time-zone";

export function SetPasswordForm({ token, username }: { token: string; username: string }) {
  const t = useTranslations("setPassword");
  const form = useActionForm(setPasswordAction);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <BrowserTimeZone />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right username. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <PasswordFields />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
