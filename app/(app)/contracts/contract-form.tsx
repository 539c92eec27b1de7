"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TermsFields } from "@/app/_components/choice";
import { Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { createContract } from "./actions";

export function ContractForm() {
  const t = useTranslations();
  const [state, formAction] = useActionState(createContract, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field label={t("contracts.name")} name="name" state={state} required autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("contracts.startsOn")} name="startsOn" type="date" state={state} required />
        <Field label={t("contracts.endsOn")} name="endsOn" type="date" state={state} />
        <TermsFields state={state} billing="bill_to_parent" pricing="custom" />
      </div>
      <div>
        <SubmitButton>{t("contracts.create")}</SubmitButton>
      </div>
    </form>
  );
}
