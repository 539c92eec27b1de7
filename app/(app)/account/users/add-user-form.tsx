"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { LanguageSelect } from "@/app/_components/language-select";
import { Field, FormMessage, keptValue, SubmitButton } from "@/app/_components/form";
import { ROLES } from "@/lib/auth/permissions";
import { addUser } from "./actions";

export function AddUserForm() {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const [state, formAction] = useActionState(addUser, undefined);
  const roleId = useId();
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("firstName")} name="firstName" state={state} required autoComplete="off" />
        <Field label={t("lastName")} name="lastName" state={state} required autoComplete="off" />
        <Field
          label={t("email")}
          name="email"
          type="email"
          state={state}
          required
          autoComplete="off"
        />
        <Field
          label={t("username")}
          name="username"
          state={state}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={roleId} className="text-sm font-medium text-slate-800">
            {t("role")}
          </label>
          <select
            id={roleId}
            name="role"
            defaultValue={keptValue(state, "role") ?? "user"}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        </div>
        <LanguageSelect label={t("language")} defaultValue={keptValue(state, "locale") ?? locale} />
      </div>
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
