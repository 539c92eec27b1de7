"use client";

import { useTranslations } from "next-intl";
import {
  ActionForm,
  Field,
  SubmitButton,
  useActionForm,
  UsernameField,
} from "@/app/_components/form";
import { OrganizationFields } from "@/app/_components/organization-fields";
import { PasswordFields } from "@/app/_components/password-fields";
import { acceptInvitationAction } from "./actions";

export function AcceptForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("accept");
  const tCommon = useTranslations("common");
  const form = useActionForm(acceptInvitationAction);
  const optional = (label: string) => `${label} (${tCommon("optional")})`;
  return (
    <ActionForm form={form} className="flex flex-col gap-6">
      <input type="hidden" name="token" value={token} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("contact")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("firstName")} name="firstName" required autoComplete="given-name" />
          <Field label={t("lastName")} name="lastName" required autoComplete="family-name" />
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
          <Field label={optional(t("phone"))} name="contactPhone" type="tel" autoComplete="tel" />
          <Field
            label={optional(t("jobTitle"))}
            name="jobTitle"
            autoComplete="organization-title"
          />
        </div>
      </fieldset>
      <OrganizationFields groups={["organization"]} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("signIn")}</legend>
        <UsernameField label={t("username")} />
        <PasswordFields />
      </fieldset>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
