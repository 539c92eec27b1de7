"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { TermsFields } from "@/app/_components/choice";
import { CheckboxField, CheckboxGroup } from "@/app/_components/form/choice-fields";
import { SelectField } from "@/app/_components/form/select-field";
import { type ProductPrice, ProductTermsFields } from "@/app/_components/product-terms-fields";
import type { InvitableType } from "@/lib/enums";
import type { InvitationTerms, TermKey } from "@/lib/invitations/terms";

export type TermsChoices = {
  /** What this reader may set; the rest is shown as it is, disabled (and so never sent). */
  settable: TermKey[];
  terms: InvitationTerms | null;
  /** The parent's products, with the terms' prices and availability. */
  prices: ProductPrice[];
  /** The account's active users, for the account manager. */
  users: { id: string; name: string }[];
  /** The types the account may pass on. */
  types: InvitableType[];
};

/**
 * The terms of an invitation as form fields, read back by `invitationTermsOf`
 * (./invitation-terms-input.ts): on the invite form and on a pending
 * invitation's page. A part the reader may not set sits in a disabled fieldset.
 */
export function InvitationTermsFields({ choices }: { choices: TermsChoices }) {
  const t = useTranslations("invitationTerms");
  const tTypes = useTranslations("accountTypes");
  const { settable, terms } = choices;
  const may = (key: TermKey) => settable.includes(key);
  const [chooseTypes, setChooseTypes] = useState(terms?.allowedSubaccountTypes !== undefined);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {settable.length < 6 ? <p className="text-sm text-slate-700">{t("readOnly")}</p> : null}
      <fieldset disabled={!may("billing") || !may("pricing")} className="grid gap-4 sm:grid-cols-2">
        <TermsFields
          billing={terms?.billing ?? "bill_to_subaccount"}
          pricing={terms?.pricing ?? "standard"}
          names={{ billing: "terms_billing", pricing: "terms_pricing" }}
        />
      </fieldset>
      <ProductTermsFields
        prices={choices.prices}
        disabled={!may("products")}
        legend={{ title: t("products"), hint: t("productsHint") }}
      />
      <fieldset disabled={!may("showPrices")}>
        <CheckboxField
          label={t("showPrices")}
          name="terms_showPrices"
          defaultChecked={terms?.showPrices ?? false}
        />
      </fieldset>
      <fieldset disabled={!may("accountManagerId")}>
        <SelectField
          label={t("accountManager")}
          name="terms_accountManagerId"
          defaultValue={terms?.accountManagerId ?? ""}
          options={[
            { value: "", label: t("theInviter") },
            ...choices.users.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      </fieldset>
      <fieldset disabled={!may("allowedSubaccountTypes")} className="flex flex-col gap-2">
        <CheckboxField
          label={t("chooseTypes")}
          name="terms_chooseTypes"
          checked={chooseTypes}
          onChange={(e) => setChooseTypes(e.currentTarget.checked)}
        />
        {chooseTypes ? (
          <CheckboxGroup
            legend={t("allowedTypes")}
            name="terms_allowedSubaccountTypes"
            defaultValue={terms?.allowedSubaccountTypes ?? []}
            options={choices.types.map((type) => ({ value: type, label: tTypes(type) }))}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("typesByDefault")}</p>
        )}
      </fieldset>
    </div>
  );
}
