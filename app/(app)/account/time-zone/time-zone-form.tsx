"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { SelectField } from "@/app/_components/form/select-field";
import { saveTimeZone } from "./actions";

export function TimeZoneForm({ zones, current }: { zones: string[]; current: string }) {
  const t = useTranslations("timeZone");
  const form = useActionForm(saveTimeZone);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <SelectField
        label={t("label")}
        name="timeZone"
        defaultValue={current}
        options={zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
      />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
