"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { OrganizationFields, type OrganizationValues } from "@/app/_components/organization-fields";
import { updateOrganization } from "./actions";

export function OrganizationForm({ values }: { values: OrganizationValues }) {
  const t = useTranslations("organization");
  const form = useActionForm(updateOrganization);
  return (
    <ActionForm form={form} className="flex flex-col gap-6">
      <OrganizationFields values={values} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
