"use client";

import { useTranslations } from "next-intl";
import { TermsFields } from "@/app/_components/choice";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { Field } from "@/app/_components/form/text-field";
import type { BillingMode, PricingMode } from "@/lib/enums";
import { createContract, updateContract } from "./actions";

type Contract = {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string | null;
  billing: BillingMode;
  pricing: PricingMode;
};

/** A new contract, or (given one) its name, dates and terms to edit. */
export function ContractForm({ contract }: { contract?: Contract }) {
  const t = useTranslations();
  const form = useActionForm(contract ? updateContract : createContract);
  return (
    <ActionForm form={form} resetOnSuccess={!contract} className="flex flex-col gap-4">
      {contract ? <input type="hidden" name="id" value={contract.id} /> : null}
      <Field
        label={t("contracts.name")}
        name="name"
        required
        autoComplete="off"
        defaultValue={contract?.name}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t("contracts.startsOn")}
          name="startsOn"
          type="date"
          required
          defaultValue={contract?.startsOn}
        />
        <Field
          label={t("contracts.endsOn")}
          name="endsOn"
          type="date"
          defaultValue={contract?.endsOn ?? undefined}
        />
        <TermsFields
          billing={contract?.billing ?? "bill_to_parent"}
          pricing={contract?.pricing ?? "custom"}
        />
      </div>
      <div>
        <SubmitButton>{contract ? t("contracts.save") : t("contracts.create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
