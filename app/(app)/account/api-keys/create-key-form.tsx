"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { Field } from "@/app/_components/form/text-field";
import { SelectField } from "@/app/_components/form/select-field";
import { RadioGroup } from "@/app/_components/form/choice-fields";
import { API_KEY_NAME_MAX } from "@/lib/api-keys/rules";
import { ShownOnce } from "@/app/_components/shown-once";
import { createKey } from "./actions";

const EXPIRY_DAYS = ["", "30", "90", "365"] as const;

export function CreateKeyForm() {
  const t = useTranslations("apiKeys");
  const form = useActionForm(createKey);
  const key = form.state?.ok ? form.state.params?.key : undefined;
  return (
    <div className="flex flex-col gap-4">
      {typeof key === "string" ? (
        <ShownOnce
          value={key}
          text={{
            title: t("newKeyTitle"),
            hint: t("newKeyHint"),
            label: t("newKeyLabel"),
            copy: t("copy"),
            copied: t("copied"),
          }}
        />
      ) : null}
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
