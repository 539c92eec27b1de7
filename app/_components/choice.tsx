"use client";

import { useTranslations } from "next-intl";
import { BILLING_MODES, PRICING_MODES } from "@/lib/enums";
import { RadioGroup } from "./form/choice-fields";

/** The billing and pricing choice, as a subaccount, a new subaccount and a contract all offer it. */
export function TermsFields({
  billing,
  pricing,
  names = { billing: "billing", pricing: "pricing" },
}: {
  billing: string;
  pricing: string;
  /** The fields' names, where the form has other fields of these names. */
  names?: { billing: string; pricing: string };
}) {
  const t = useTranslations("common");
  return (
    <>
      <RadioGroup
        legend={t("billing")}
        name={names.billing}
        defaultValue={billing}
        options={BILLING_MODES.map((value) => ({
          value,
          label: t(`billingModes.${value}`),
        }))}
      />
      <RadioGroup
        legend={t("pricing")}
        name={names.pricing}
        defaultValue={pricing}
        options={PRICING_MODES.map((value) => ({
          value,
          label: t(`pricingModes.${value}`),
        }))}
      />
    </>
  );
}
