"use client";

import { useTranslations } from "next-intl";
import { TermsFields } from "@/app/_components/choice";
import { ActionForm, Field, SubmitButton, useActionForm } from "@/app/_components/form";
import { createContract } from "./actions";

export function ContractForm() {
  const t = useTranslations();
  const form = useActionForm(createContract);
  return (
    <ActionForm form={form} resetOnSuccess className="flex flex-col gap-4">
      <Field label={t("contracts.name")} name="name" required autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("contracts.startsOn")} name="startsOn" type="date" required />
        <Field label={t("contracts.endsOn")} name="endsOn" type="date" />
        <TermsFields billing="bill_to_parent" pricing="custom" />
      </div>
      <div>
        <SubmitButton>{t("contracts.create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
