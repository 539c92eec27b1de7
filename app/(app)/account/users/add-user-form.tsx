"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  ActionForm,
  Field,
  SelectField,
  SubmitButton,
  useActionForm,
  UsernameField,
} from "@/app/_components/form";
import { LanguageSelect } from "@/app/_components/language-select";
import { ROLES } from "@/lib/enums";
import { addUser } from "./actions";

export function AddUserForm() {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const form = useActionForm(addUser);
  return (
    <ActionForm form={form} resetOnSuccess className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("firstName")} name="firstName" required autoComplete="off" />
        <Field label={t("lastName")} name="lastName" required autoComplete="off" />
        <Field label={t("email")} name="email" type="email" required autoComplete="off" />
        <UsernameField label={t("username")} autoComplete="off" />
        <SelectField
          label={t("role")}
          name="role"
          defaultValue="user"
          options={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
        />
        <LanguageSelect label={t("language")} defaultValue={locale} />
      </div>
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
