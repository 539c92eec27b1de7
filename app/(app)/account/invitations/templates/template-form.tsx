"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CustomMessage } from "@/app/(app)/subaccounts/invite/invite-form";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { SelectField } from "@/app/_components/form/select-field";
import { Field } from "@/app/_components/form/text-field";
import { LanguageSelect } from "@/app/_components/language-select";
import type { InvitableType } from "@/lib/enums";
import { TEMPLATE_NAME_MAX } from "@/lib/invitations/template-rules";
import { deleteTemplate, saveTemplate } from "./actions";

/** A template's name, type, language, message and (as `terms`, made on the server) its terms. */
export function TemplateForm({
  template,
  types,
  terms,
}: {
  template?: {
    id: string;
    name: string;
    subaccountType: string;
    locale: string;
    customMessage: string | null;
  };
  types: InvitableType[];
  terms: ReactNode;
}) {
  const t = useTranslations("invitationTemplates");
  const tAll = useTranslations();
  const locale = useLocale();
  const form = useActionForm(saveTemplate);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      {template ? <input type="hidden" name="id" value={template.id} /> : null}
      <Field
        label={t("name")}
        name="name"
        defaultValue={template?.name}
        maxLength={TEMPLATE_NAME_MAX}
        autoComplete="off"
        required
      />
      <SelectField
        label={tAll("invite.type")}
        name="subaccountType"
        defaultValue={template?.subaccountType ?? types[0]}
        options={types.map((type) => ({ value: type, label: tAll(`accountTypes.${type}`) }))}
      />
      <LanguageSelect label={tAll("invite.language")} defaultValue={template?.locale ?? locale} />
      <CustomMessage initial={template?.customMessage} />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{tAll("invitationTerms.title")}</legend>
        {terms}
      </fieldset>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Delete, behind a confirmation: invitations sent from it keep what they took. */
export function DeleteTemplate({ id, name }: { id: string; name: string }) {
  const t = useTranslations("invitationTemplates");
  const form = useActionForm(deleteTemplate);
  return (
    <div className="flex flex-col gap-2">
      <ConfirmForm
        form={form}
        fields={{ id }}
        trigger={t("delete")}
        question={t("deleteQuestion", { name })}
        confirm={t("deleteYes")}
        keep={t("keep")}
      />
      <FormMessage state={form.state} />
    </div>
  );
}
