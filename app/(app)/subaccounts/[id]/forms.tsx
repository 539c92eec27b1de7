"use client";

import { useTranslations } from "next-intl";
import { TermsFields } from "@/app/_components/choice";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { Field } from "@/app/_components/form/text-field";
import { SelectField } from "@/app/_components/form/select-field";
import { OrganizationFields, type OrganizationValues } from "@/app/_components/organization-fields";
import { type ProductPrice, ProductTermsFields } from "@/app/_components/product-terms-fields";
import { NICKNAME_MAX } from "@/lib/subaccounts/rules";
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

export function ProductsForm({ id, prices }: { id: string; prices: ProductPrice[] }) {
  const t = useTranslations();
  const form = useActionForm(updateProducts);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-600">{t("subaccount.customHint")}</p>
      <ProductTermsFields prices={prices} />
      <div>
        <SubmitButton>{t("subaccount.saveProducts")}</SubmitButton>
      </div>
    </ActionForm>
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
