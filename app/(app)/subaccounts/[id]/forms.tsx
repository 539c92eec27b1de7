"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { TermsFields } from "@/app/_components/choice";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { ActionForm, SubmitButton, useActionForm, useField } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { describedBy, FieldNotes } from "@/app/_components/form/field-notes";
import { Field } from "@/app/_components/form/text-field";
import { SelectField } from "@/app/_components/form/select-field";
import { CheckboxField } from "@/app/_components/form/choice-fields";
import { OrganizationFields, type OrganizationValues } from "@/app/_components/organization-fields";
import { formatPrice, NICKNAME_MAX } from "@/lib/subaccounts/rules";
import {
  setAccountManager,
  setContract,
  setStatus,
  updateDetails,
  updateProducts,
  updateTerms,
} from "./actions";
import type { AccountStatus } from "@/lib/enums";

const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60";

export function DetailsForm({
  id,
  values,
  nickname,
}: {
  id: string;
  values: OrganizationValues;
  nickname: string | null;
}) {
  const t = useTranslations();
  const form = useActionForm(updateDetails);
  return (
    <ActionForm form={form} className="flex flex-col gap-6">
      <input type="hidden" name="id" value={id} />
      <OrganizationFields values={values} />
      <Field
        label={t("createSubaccount.nickname")}
        name="nickname"
        defaultValue={nickname ?? ""}
        maxLength={NICKNAME_MAX}
        autoComplete="off"
      />
      <div>
        <SubmitButton>{t("organization.save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function TermsForm({
  id,
  billing,
  pricing,
}: {
  id: string;
  billing: string;
  pricing: string;
}) {
  const t = useTranslations();
  const form = useActionForm(updateTerms);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TermsFields billing={billing} pricing={pricing} />
      </div>
      <div>
        <SubmitButton>{t("subaccount.saveTerms")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

type Price = {
  productId: string;
  name: string;
  currency: string;
  standardPriceCents: number;
  customPriceCents: number | null;
  available: boolean;
};

export function ProductsForm({ id, prices }: { id: string; prices: Price[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const form = useActionForm(updateProducts);
  const money = (cents: number, currency: string) =>
    format.number(cents / 100, { style: "currency", currency });
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="productIds" value={prices.map((p) => p.productId).join(",")} />
      <p className="text-sm text-slate-600">{t("subaccount.customHint")}</p>
      <div>
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
      </div>
      <div>
        <SubmitButton>{t("subaccount.saveProducts")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** One product's custom price, written the way the reader's language writes decimals. */
function PriceInput({ price }: { price: Price }) {
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

export function ContractForm({
  id,
  contracts,
  current,
}: {
  id: string;
  contracts: { id: string; name: string }[];
  current: string | null;
}) {
  const t = useTranslations("subaccount");
  const form = useActionForm(setContract);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={form.state} />
      {contracts.length === 0 && !current ? (
        <p className="text-sm text-slate-600">{t("noContracts")}</p>
      ) : null}
      {contracts.length > 0 ? (
        <ActionForm form={form} feedback={false} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="id" value={id} />
          <SelectField
            label={t("contract")}
            name="contractId"
            defaultValue={current ?? contracts[0]?.id}
            options={contracts.map((c) => ({ value: c.id, label: c.name }))}
          />
          <SubmitButton className={secondary}>
            {current ? t("changeContract") : t("assignContract")}
          </SubmitButton>
        </ActionForm>
      ) : null}
      {current ? (
        <ActionForm form={form} feedback={false}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="contractId" value="" />
          <SubmitButton className={secondary}>{t("removeContract")}</SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}

export function ManagerForm({
  id,
  users,
  current,
}: {
  id: string;
  users: { id: string; name: string }[];
  current: string | null;
}) {
  const t = useTranslations("subaccount");
  const form = useActionForm(setAccountManager);
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label={t("manager")}
          name="userId"
          defaultValue={current ?? ""}
          options={[
            { value: "", label: t("noManager") },
            ...users.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <SubmitButton className={secondary}>{t("saveManager")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function StatusForm({
  id,
  name,
  status,
}: {
  id: string;
  name: string;
  status: AccountStatus;
}) {
  const t = useTranslations("subaccount");
  const form = useActionForm(setStatus);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={form.state} />
      {status === "deactivated" ? (
        <ActionForm form={form} feedback={false}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="status" value="active" />
          <SubmitButton className={secondary}>{t("reactivate")}</SubmitButton>
        </ActionForm>
      ) : (
        <ConfirmForm
          form={form}
          fields={{ id, status: "deactivated" }}
          trigger={t("deactivate")}
          question={t("deactivateConfirm", { name })}
          confirm={t("deactivateYes")}
          keep={t("keep")}
        />
      )}
    </div>
  );
}
