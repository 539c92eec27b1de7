"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { Field, UsernameField } from "@/app/_components/form/text-field";
import { OrganizationFields } from "@/app/_components/organization-fields";
import { PasswordFields } from "@/app/_components/password-fields";
import { acceptInvitationAction } from "./actions";
import { BrowserTimeZone } from "@/app/_components/browser-time-zone";

export function AcceptForm({
  token,
  email,
  invitee,
}: {
  token: string;
  email: string;
  /** What the inviter said of the invitee: the form starts with it, to be corrected if need be. */
  invitee: { firstName: string | null; lastName: string | null; company: string | null };
}) {
  const t = useTranslations("accept");
  const tCommon = useTranslations("common");
  const form = useActionForm(acceptInvitationAction);
  const optional = (label: string) => `${label} (${tCommon("optional")})`;
  return (
    <ActionForm form={form} className="flex flex-col gap-6">
      <BrowserTimeZone />
      <input type="hidden" name="token" value={token} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("contact")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("firstName")}
            name="firstName"
            required
            autoComplete="given-name"
            defaultValue={invitee.firstName ?? undefined}
          />
          <Field
            label={t("lastName")}
            name="lastName"
            required
            autoComplete="family-name"
            defaultValue={invitee.lastName ?? undefined}
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
      </fieldset>
      <OrganizationFields
        groups={["organization"]}
        which="required"
        values={{ name: invitee.company }}
      />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("signIn")}</legend>
        <UsernameField label={t("username")} />
        <PasswordFields />
      </fieldset>
      {/* What is not needed to start waits behind one choice: a shorter form on a phone. */}
      <details className="group rounded-lg border border-slate-200 p-4">
        <summary className="cursor-pointer font-semibold">{t("moreDetails")}</summary>
        <div className="mt-4 flex flex-col gap-6">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={optional(t("phone"))} name="contactPhone" type="tel" autoComplete="tel" />
            <Field
              label={optional(t("jobTitle"))}
              name="jobTitle"
              autoComplete="organization-title"
            />
          </div>
          <OrganizationFields groups={["organization"]} which="optional" />
        </div>
      </details>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
