"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { SelectField } from "@/app/_components/form/select-field";
import { REMINDER_DAYS_MAX, REMINDER_DAYS_MIN } from "@/lib/invitations/constants";
import { saveInvitationSettings } from "./actions";

const DAYS = Array.from(
  { length: REMINDER_DAYS_MAX - REMINDER_DAYS_MIN + 1 },
  (_, i) => REMINDER_DAYS_MIN + i,
);

export function InvitationSettingsForm({ reminderDays }: { reminderDays: number | null }) {
  const t = useTranslations("invitationSettings");
  const form = useActionForm(saveInvitationSettings);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <SelectField
        label={t("reminderLabel")}
        name="reminderDays"
        defaultValue={reminderDays === null ? "off" : String(reminderDays)}
        options={[
          { value: "off", label: t("reminderOff") },
          ...DAYS.map((days) => ({ value: String(days), label: t("reminderDays", { days }) })),
        ]}
        hint={t("reminderHint")}
      />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
