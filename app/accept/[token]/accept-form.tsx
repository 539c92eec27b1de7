"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { PasswordFields } from "@/app/_components/password-fields";
import { acceptInvitationAction } from "./actions";

export function AcceptForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("accept");
  const [state, formAction] = useActionState(acceptInvitationAction, undefined);
  const optional = (label: string) => `${label} (${t("optional")})`;
  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("contact")}</legend>
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
          name="invitedEmail"
          value={email}
          readOnly
          hint={t("emailHint")}
          autoComplete="email"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={optional(t("phone"))}
            name="phone"
            type="tel"
            state={state}
            autoComplete="tel"
          />
          <Field
            label={optional(t("jobTitle"))}
            name="jobTitle"
            state={state}
            autoComplete="organization-title"
          />
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("organization")}</legend>
        <Field
          label={t("legalName")}
          name="legalName"
          state={state}
          required
          autoComplete="organization"
        />
        <Field
          label={t("addressLine1")}
          name="addressLine1"
          state={state}
          required
          autoComplete="address-line1"
        />
        <Field
          label={t("addressLine2")}
          name="addressLine2"
          state={state}
          autoComplete="address-line2"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("city")}
            name="city"
            state={state}
            required
            autoComplete="address-level2"
          />
          <Field
            label={optional(t("region"))}
            name="region"
            state={state}
            autoComplete="address-level1"
          />
          <Field
            label={t("postalCode")}
            name="postalCode"
            state={state}
            required
            autoComplete="postal-code"
          />
          <Field
            label={t("country")}
            name="country"
            state={state}
            required
            autoComplete="country-name"
          />
        </div>
        <Field
          label={optional(t("orgPhone"))}
          name="orgPhone"
          type="tel"
          state={state}
          autoComplete="tel"
        />
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("signIn")}</legend>
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
