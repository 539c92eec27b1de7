"use client";

import { useTranslations } from "next-intl";
import { BILLING_MODES, PRICING_MODES } from "@/lib/subaccounts/rules";
import { RadioGroup } from "./form";

/** The billing and pricing choice, as a subaccount, a new subaccount and a contract all offer it. */
export function TermsFields({ billing, pricing }: { billing: string; pricing: string }) {
  const t = useTranslations();
  return (
    <>
      <RadioGroup
        legend={t("subaccount.billing")}
        name="billing"
        defaultValue={billing}
        options={BILLING_MODES.map((value) => ({
          value,
          label: t(`subaccounts.billingModes.${value}`),
        }))}
      />
      <RadioGroup
        legend={t("subaccount.pricing")}
        name="pricing"
        defaultValue={pricing}
        options={PRICING_MODES.map((value) => ({
          value,
          label: t(`subaccounts.pricingModes.${value}`),
        }))}
      />
    </>
  );
}
