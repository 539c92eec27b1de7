"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { Field, UsernameField } from "@/app/_components/form/text-field";
import { signInAction } from "./actions";
import { BrowserTimeZone } from "@/app/_components/browser-time-zone";

export function SignInForm({ returnTo }: { returnTo?: string }) {
  const t = useTranslations("signIn");
  const form = useActionForm(signInAction);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <BrowserTimeZone />
      <input type="hidden" name="returnTo" value={returnTo ?? "/"} />
      <UsernameField label={t("username")} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
