"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useField } from "@/app/_components/form/runtime";
import { describedBy, FieldNotes } from "@/app/_components/form/field-notes";
import { CheckboxField } from "@/app/_components/form/choice-fields";
import { formatPrice } from "@/lib/subaccounts/rules";

export type ProductPrice = {
  productId: string;
  name: string;
  currency: string;
  standardPriceCents: number;
  customPriceCents: number | null;
  available: boolean;
};

/**
 * Each product's custom price (empty: the list price) and whether it may be
 * ordered, as `productTermsOf` (./product-terms-input.ts) reads them back: a
 * subaccount's products, and the terms of an invitation.
 */
export function ProductTermsFields({
  prices,
  disabled,
  legend,
}: {
  prices: ProductPrice[];
  disabled?: boolean;
  /** Names the table's group where the form has other parts (an invitation's terms). */
  legend?: { title: string; hint: string };
}) {
  const t = useTranslations();
  const format = useFormatter();
  const money = (cents: number, currency: string) =>
    format.number(cents / 100, { style: "currency", currency });
  return (
    <fieldset disabled={disabled} className="flex min-w-0 flex-col gap-2">
      {legend ? (
        <>
          <legend className="text-sm font-medium text-slate-800">{legend.title}</legend>
          <p className="text-sm text-slate-600">{legend.hint}</p>
        </>
      ) : null}
      <input type="hidden" name="productIds" value={prices.map((p) => p.productId).join(",")} />
      <table className="data-table w-full text-sm">
        <thead className="text-left">
          <tr>
            {[
              t("subaccount.product"),
              t("subaccount.listPrice"),
              t("subaccount.customPrice"),
              t("subaccount.available"),
            ].map((heading) => (
              <th key={heading} scope="col" className="p-2">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {prices.map((p) => (
            <tr key={p.productId} className="border-t border-slate-200">
              <td className="p-2 font-medium">{p.name}</td>
              <td
                data-label={t("subaccount.listPrice")}
                className="p-2 whitespace-nowrap tabular-nums"
              >
                {money(p.standardPriceCents, p.currency)}
              </td>
              <td data-label={t("subaccount.customPrice")} className="p-2">
                <PriceInput price={p} />
              </td>
              <td data-label={t("subaccount.available")} className="p-2">
                <CheckboxField
                  label={t("subaccount.availableToOrder", { product: p.name })}
                  name={`available_${p.productId}`}
                  defaultChecked={p.available}
                  className="[&_label]:sr-only"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/** One product's custom price, written the way the reader's language writes decimals. */
function PriceInput({ price }: { price: ProductPrice }) {
  const t = useTranslations();
  const locale = useLocale();
  const label = t("subaccount.customPriceFor", { product: price.name });
  const { id, errors, kept } = useField(`price_${price.productId}`, label);
  return (
    <>
      <input
        id={id}
        name={`price_${price.productId}`}
        inputMode="decimal"
        aria-label={label}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, undefined, errors)}
        defaultValue={
          kept?.[0] ??
          (price.customPriceCents === null ? "" : formatPrice(price.customPriceCents, locale))
        }
        className="w-28 rounded-md border border-slate-300 px-2 py-1 aria-invalid:border-red-600"
      />
      <FieldNotes id={id} errors={errors} />
    </>
  );
}
