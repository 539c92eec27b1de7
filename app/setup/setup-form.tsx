"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { PasswordFields } from "@/app/_components/password-fields";
import { setupAction } from "./actions";

export function SetupForm() {
  const t = useTranslations("setup");
  const locale = useLocale();
  const [state, formAction] = useActionState(setupAction, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="locale" value={locale} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-semibold">{t("organization")}</legend>
        <Field
          label={t("accountName")}
          name="accountName"
          state={state}
          required
          autoComplete="organization"
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-semibold">{t("administrator")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("firstName")}
            name="firstName"
            state={state}
            required
            autoComplete="given-name"
          />
          <Field
            label={t("lastName")}
            name="lastName"
            state={state}
            required
            autoComplete="family-name"
          />
        </div>
        <Field
          label={t("email")}
          name="email"
          type="email"
          state={state}
          required
          autoComplete="email"
        />
        <Field
          label={t("username")}
          name="username"
          state={state}
          required
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <PasswordFields
          state={state}
          labels={{
            password: t("password"),
            confirm: t("confirmPassword"),
            hint: t("passwordHint"),
          }}
        />
      </fieldset>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
