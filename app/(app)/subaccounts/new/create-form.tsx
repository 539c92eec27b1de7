"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { TermsFields } from "@/app/_components/choice";
import { ActionForm, SubmitButton, useActionForm, useField } from "@/app/_components/form/runtime";
import { Field, UsernameField } from "@/app/_components/form/text-field";
import { SelectField } from "@/app/_components/form/select-field";
import { CheckboxGroup } from "@/app/_components/form/choice-fields";
import { LanguageSelect } from "@/app/_components/language-select";
import { OrganizationFields } from "@/app/_components/organization-fields";
import { type AccountType } from "@/lib/enums";
import { invitableTypes, NICKNAME_MAX } from "@/lib/subaccounts/rules";
import { createSubaccount } from "./actions";

export function CreateSubaccountForm({ types }: { types: AccountType[] }) {
  const t = useTranslations("createSubaccount");
  const tAll = useTranslations();
  const form = useActionForm(createSubaccount);
  // What the new subaccount may create in turn: at most what this account may create.
  const grantable = invitableTypes(types);
  return (
    <ActionForm form={form} className="flex flex-col gap-6">
      <OrganizationFields />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("settings")}</legend>
        <TypeAndAdministrator types={types}>
          <div className="grid gap-4 sm:grid-cols-2">
            <TermsFields billing="bill_to_subaccount" pricing="standard" />
          </div>
          {grantable.length ? (
            <CheckboxGroup
              legend={t("allowedTypes")}
              name="allowedSubaccountTypes"
              options={grantable.map((ty) => ({ value: ty, label: tAll(`accountTypes.${ty}`) }))}
            />
          ) : null}
          <Field
            label={t("nickname")}
            name="nickname"
            maxLength={NICKNAME_MAX}
            autoComplete="off"
          />
        </TypeAndAdministrator>
      </fieldset>
      <div className="flex gap-3">
        <SubmitButton>{t("submit")}</SubmitButton>
        <Link href="/subaccounts" className="rounded-md border border-slate-300 px-4 py-2 text-sm">
          {tAll("common.cancel")}
        </Link>
      </div>
    </ActionForm>
  );
}

/** The type decides whether the subaccount gets an Administrator: managed ones have no one to sign in. */
function TypeAndAdministrator({ types, children }: { types: AccountType[]; children: ReactNode }) {
  const t = useTranslations("createSubaccount");
  const tAll = useTranslations();
  const locale = useLocale();
  const { kept } = useField("type");
  const [type, setType] = useState<string>(kept?.[0] ?? types[0] ?? "enterprise");
  return (
    <>
      <SelectField
        label={t("type")}
        name="type"
        defaultValue={types[0]}
        onChange={(e) => setType(e.currentTarget.value)}
        hint={
          <>
            {t("typeNote")} {type === "managed" ? t("managedNote") : null}
          </>
        }
        options={types.map((ty) => ({ value: ty, label: tAll(`accountTypes.${ty}`) }))}
      />
      {children}
      {type === "managed" ? null : (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">{t("administrator")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("adminFirstName")} name="adminFirstName" required autoComplete="off" />
            <Field label={t("adminLastName")} name="adminLastName" required autoComplete="off" />
            <Field
              label={t("adminEmail")}
              name="adminEmail"
              type="email"
              required
              autoComplete="off"
            />
            <UsernameField label={t("adminUsername")} name="adminUsername" autoComplete="off" />
          </div>
          <LanguageSelect label={t("language")} defaultValue={locale} />
        </fieldset>
      )}
    </>
  );
}
