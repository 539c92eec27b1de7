"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { TermsFields } from "@/app/_components/choice";
import { LanguageSelect } from "@/app/_components/language-select";
import { Field, FormMessage, keptValue, SubmitButton } from "@/app/_components/form";
import { OrganizationFields } from "@/app/_components/organization-fields";
import { INVITABLE_TYPES, NICKNAME_MAX, type AccountType } from "@/lib/subaccounts/rules";
import { createSubaccount } from "./actions";

export function CreateSubaccountForm({ types }: { types: AccountType[] }) {
  const t = useTranslations("createSubaccount");
  const tAll = useTranslations();
  const locale = useLocale();
  const [state, formAction] = useActionState(createSubaccount, undefined);
  const [type, setType] = useState<string>(keptValue(state, "type") ?? types[0] ?? "enterprise");
  const ids = { type: useId(), note: useId() };
  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <OrganizationFields state={state} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t("settings")}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.type} className="text-sm font-medium text-slate-800">
            {t("type")}
          </label>
          <select
            id={ids.type}
            name="type"
            value={type}
            onChange={(e) => setType(e.currentTarget.value)}
            aria-describedby={ids.note}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
          >
            {types.map((ty) => (
              <option key={ty} value={ty}>
                {tAll(`accountTypes.${ty}`)}
              </option>
            ))}
          </select>
          <p id={ids.note} className="text-xs text-slate-600">
            {t("typeNote")} {type === "managed" ? t("managedNote") : null}
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TermsFields state={state} billing="bill_to_subaccount" pricing="standard" />
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("allowedTypes")}</legend>
          {INVITABLE_TYPES.map((ty) => (
            <label key={ty} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="allowedSubaccountTypes" value={ty} className="size-4" />
              {tAll(`accountTypes.${ty}`)}
            </label>
          ))}
        </fieldset>
        <Field
          label={t("nickname")}
          name="nickname"
          state={state}
          maxLength={NICKNAME_MAX}
          autoComplete="off"
        />
      </fieldset>
      {type === "managed" ? null : (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-lg font-semibold">{t("administrator")}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t("adminFirstName")}
              name="adminFirstName"
              state={state}
              required
              autoComplete="off"
            />
            <Field
              label={t("adminLastName")}
              name="adminLastName"
              state={state}
              required
              autoComplete="off"
            />
            <Field
              label={t("adminEmail")}
              name="adminEmail"
              type="email"
              state={state}
              required
              autoComplete="off"
            />
            <Field
              label={t("adminUsername")}
              name="adminUsername"
              state={state}
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
            />
          </div>
          <LanguageSelect
            label={t("language")}
            defaultValue={keptValue(state, "locale") ?? locale}
          />
        </fieldset>
      )}
      <div className="flex gap-3">
        <SubmitButton>{t("submit")}</SubmitButton>
        <Link href="/subaccounts" className="rounded-md border border-slate-300 px-4 py-2 text-sm">
          {tAll("invite.cancel")}
        </Link>
      </div>
    </form>
  );
}
