"use client";

import { useLocale, useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { Field, UsernameField } from "@/app/_components/form/text-field";
import { LanguageSelect } from "@/app/_components/language-select";
import { RoleSelect } from "@/app/_components/role-select";
import { addUser } from "./actions";

export function AddUserForm() {
  const t = useTranslations("users");
  const locale = useLocale();
  const form = useActionForm(addUser);
  return (
    <ActionForm form={form} resetOnSuccess className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("firstName")} name="firstName" required autoComplete="off" />
        <Field label={t("lastName")} name="lastName" required autoComplete="off" />
        <Field label={t("email")} name="email" type="email" required autoComplete="off" />
        <UsernameField label={t("username")} autoComplete="off" />
        <RoleSelect label={t("role")} defaultValue="user" />
        <LanguageSelect label={t("language")} defaultValue={locale} />
      </div>
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
