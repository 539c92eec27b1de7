"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { Field, UsernameField } from "@/app/_components/form/text-field";
import { PasswordFields } from "@/app/_components/password-fields";
import { setupAction } from "./actions";
import { BrowserTimeZone } from "@/app/_components/browser-time-zone";

export function SetupForm({ codeRequired }: { codeRequired: boolean }) {
  const t = useTranslations("setup");
  const locale = useLocale();
  const form = useActionForm(setupAction);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <BrowserTimeZone />
      <input type="hidden" name="locale" value={locale} />
      {codeRequired ? (
        <Field
          label={t("code")}
          name="setupCode"
          hint={t("codeHint")}
          required
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
        />
      ) : null}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-semibold">{t("organization")}</legend>
        <Field label={t("accountName")} name="accountName" required autoComplete="organization" />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-semibold">{t("administrator")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("firstName")} name="firstName" required autoComplete="given-name" />
          <Field label={t("lastName")} name="lastName" required autoComplete="family-name" />
        </div>
        <Field label={t("email")} name="email" type="email" required autoComplete="email" />
        <UsernameField label={t("username")} />
        <PasswordFields />
      </fieldset>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
