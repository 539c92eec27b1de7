"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { BILLING_MODES, PRICING_MODES } from "@/lib/subaccounts/rules";
import { fieldErrors, keptValue } from "./form";

/** A group of radio buttons with a legend, keeping the choice after a refused submit. */
export function RadioGroup({
  legend,
  name,
  options,
  defaultValue,
  state,
  disabled,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue: string;
  state?: FormState;
  disabled?: boolean;
}) {
  const t = useTranslations();
  const errors = fieldErrors(state, name);
  const chosen = keptValue(state, name) ?? defaultValue;
  return (
    <fieldset disabled={disabled} className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={chosen === o.value}
            className="size-4"
          />
          {o.label}
        </label>
      ))}
      {errors.map((e) => (
        <p key={e.code} className="text-sm text-red-700">
          {t(e.code, e.params)}
        </p>
      ))}
    </fieldset>
  );
}

/** The billing and pricing choice, as a subaccount, a new subaccount and a contract all offer it. */
export function TermsFields({
  state,
  billing,
  pricing,
}: {
  state?: FormState;
  billing: string;
  pricing: string;
}) {
  const t = useTranslations();
  return (
    <>
      <RadioGroup
        legend={t("subaccount.billing")}
        name="billing"
        state={state}
        defaultValue={billing}
        options={BILLING_MODES.map((value) => ({
          value,
          label: t(`subaccounts.billingModes.${value}`),
        }))}
      />
      <RadioGroup
        legend={t("subaccount.pricing")}
        name="pricing"
        state={state}
        defaultValue={pricing}
        options={PRICING_MODES.map((value) => ({
          value,
          label: t(`subaccounts.pricingModes.${value}`),
        }))}
      />
    </>
  );
}
