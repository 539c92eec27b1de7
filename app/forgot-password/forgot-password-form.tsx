"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { UsernameField } from "@/app/_components/form/text-field";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const form = useActionForm(forgotPasswordAction);
  return (
    <ActionForm form={form} resetOnSuccess className="flex flex-col gap-4">
      <UsernameField label={t("username")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
