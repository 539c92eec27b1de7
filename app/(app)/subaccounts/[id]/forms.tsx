"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { TermsFields } from "@/app/_components/choice";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { Field, fieldErrors, FormMessage, SubmitButton } from "@/app/_components/form";
import { OrganizationFields, type OrganizationValues } from "@/app/_components/organization-fields";
import { NICKNAME_MAX } from "@/lib/subaccounts/rules";
import {
  setAccountManager,
  setContract,
  setStatus,
  updateDetails,
  updateProducts,
  updateTerms,
} from "./actions";

const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60";
const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm";

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
  const [state, formAction] = useActionState(updateDetails, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <OrganizationFields state={state} values={values} />
      <Field
        label={t("createSubaccount.nickname")}
        name="nickname"
        state={state}
        defaultValue={nickname ?? ""}
        maxLength={NICKNAME_MAX}
        autoComplete="off"
      />
      <div>
        <SubmitButton>{t("organization.save")}</SubmitButton>
      </div>
    </form>
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
  const [state, formAction] = useActionState(updateTerms, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TermsFields state={state} billing={billing} pricing={pricing} />
      </div>
      <div>
        <SubmitButton>{t("subaccount.saveTerms")}</SubmitButton>
      </div>
    </form>
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
  const [state, formAction] = useActionState(updateProducts, undefined);
  const money = (cents: number, currency: string) =>
    format.number(cents / 100, { style: "currency", currency });
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="productIds" value={prices.map((p) => p.productId).join(",")} />
      <p className="text-sm text-slate-600">{t("subaccount.customHint")}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left">
            <tr>
              <th scope="col" className="p-2">
                {t("subaccount.product")}
              </th>
              <th scope="col" className="p-2">
                {t("subaccount.listPrice")}
              </th>
              <th scope="col" className="p-2">
                {t("subaccount.customPrice")}
              </th>
              <th scope="col" className="p-2">
                {t("subaccount.available")}
              </th>
            </tr>
          </thead>
          <tbody>
            {prices.map((p) => {
              const errors = fieldErrors(state, `price_${p.productId}`);
              return (
                <tr key={p.productId} className="border-t border-slate-200">
                  <td className="p-2">{p.name}</td>
                  <td className="p-2 whitespace-nowrap tabular-nums">
                    {money(p.standardPriceCents, p.currency)}
                  </td>
                  <td className="p-2">
                    <input
                      name={`price_${p.productId}`}
                      inputMode="decimal"
                      aria-label={t("subaccount.customPriceFor", { product: p.name })}
                      aria-invalid={errors.length > 0 || undefined}
                      defaultValue={
                        p.customPriceCents === null ? "" : (p.customPriceCents / 100).toFixed(2)
                      }
                      className="w-28 rounded-md border border-slate-300 px-2 py-1 aria-invalid:border-red-600"
                    />
                    {errors.length ? (
                      <p className="text-xs text-red-700">{t(errors[0]!.code)}</p>
                    ) : null}
                  </td>
                  <td className="p-2">
                    <input
                      type="checkbox"
                      name={`available_${p.productId}`}
                      defaultChecked={p.available}
                      aria-label={t("subaccount.availableToOrder", { product: p.name })}
                      className="size-4"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div>
        <SubmitButton>{t("subaccount.saveProducts")}</SubmitButton>
      </div>
    </form>
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
  const [state, formAction] = useActionState(setContract, undefined);
  const selectId = useId();
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state} />
      {contracts.length === 0 && !current ? (
        <p className="text-sm text-slate-600">{t("noContracts")}</p>
      ) : null}
      {contracts.length > 0 ? (
        <form action={formAction} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="id" value={id} />
          <div className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              {t("contract")}
            </label>
            <select
              id={selectId}
              name="contractId"
              defaultValue={current ?? contracts[0]?.id}
              className={selectClass}
            >
              {contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton className={secondary}>{t("assignContract")}</SubmitButton>
        </form>
      ) : null}
      {current ? (
        <form action={formAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="contractId" value="" />
          <SubmitButton className={secondary}>{t("removeContract")}</SubmitButton>
        </form>
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
  const [state, formAction] = useActionState(setAccountManager, undefined);
  const selectId = useId();
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium">
            {t("manager")}
          </label>
          <select id={selectId} name="userId" defaultValue={current ?? ""} className={selectClass}>
            <option value="">{t("noManager")}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton className={secondary}>{t("saveManager")}</SubmitButton>
      </div>
    </form>
  );
}

export function StatusForm({
  id,
  name,
  status,
}: {
  id: string;
  name: string;
  status: "active" | "deactivated";
}) {
  const t = useTranslations("subaccount");
  const [state, formAction] = useActionState(setStatus, undefined);
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state} />
      {status === "deactivated" ? (
        <form action={formAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="status" value="active" />
          <SubmitButton className={secondary}>{t("reactivate")}</SubmitButton>
        </form>
      ) : (
        <ConfirmForm
          action={formAction}
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
