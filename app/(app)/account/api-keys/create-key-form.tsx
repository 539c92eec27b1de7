"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  ActionForm,
  Field,
  RadioGroup,
  SelectField,
  SubmitButton,
  useActionForm,
} from "@/app/_components/form";
import { API_KEY_NAME_MAX } from "@/lib/api-keys/rules";
import { createKey } from "./actions";

const EXPIRY_DAYS = ["", "30", "90", "365"] as const;

/** The new key, shown once: whoever leaves the page without copying it makes another. */
function NewKey({ value }: { value: string }) {
  const t = useTranslations("apiKeys");
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <p className="text-sm font-semibold text-emerald-900">{t("newKeyTitle")}</p>
      <p className="text-sm text-emerald-900">{t("newKeyHint")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-label={t("newKeyLabel")}
          className="rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm [overflow-wrap:anywhere]"
        >
          {value}
        </code>
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard.writeText(value).then(() => setCopied(true));
          }}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          {t("copy")}
        </button>
        <span role="status" className="text-sm text-emerald-900">
          {copied ? t("copied") : ""}
        </span>
      </div>
    </div>
  );
}

export function CreateKeyForm() {
  const t = useTranslations("apiKeys");
  const form = useActionForm(createKey);
  const key = form.state?.ok ? form.state.params?.key : undefined;
  return (
    <div className="flex flex-col gap-4">
      {typeof key === "string" ? <NewKey value={key} /> : null}
      <ActionForm form={form} resetOnSuccess className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("name")}
            name="name"
            required
            maxLength={API_KEY_NAME_MAX}
            autoComplete="off"
            hint={t("nameHint")}
          />
          <SelectField
            label={t("expires")}
            name="expiresInDays"
            defaultValue=""
            options={EXPIRY_DAYS.map((days) => ({
              value: days,
              label: days ? t("expiresIn", { days: Number(days) }) : t("never"),
            }))}
          />
        </div>
        <RadioGroup
          legend={t("scope")}
          name="scope"
          defaultValue="read"
          options={[
            { value: "read", label: t("scopeRead") },
            { value: "write", label: t("scopeWrite") },
          ]}
        />
        <div>
          <SubmitButton>{t("create")}</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}
