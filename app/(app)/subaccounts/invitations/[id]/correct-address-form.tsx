"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { Field } from "@/app/_components/form/text-field";
import { correctAddressAndResend } from "./actions";

/** After a bounce or failure: the address corrected, a new link sent, the old one dead. */
export function CorrectAddressForm({ id, email }: { id: string; email: string }) {
  const t = useTranslations("invitation");
  const form = useActionForm(correctAddressAndResend);
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("correctHint")}</p>
      <input type="hidden" name="id" value={id} />
      <Field label={t("email")} name="email" type="email" defaultValue={email} autoComplete="off" />
      <div>
        <SubmitButton>{t("correctSubmit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
