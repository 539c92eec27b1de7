"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form";
import { OrganizationFields, type OrganizationValues } from "@/app/_components/organization-fields";
import { updateOrganization } from "./actions";

export function OrganizationForm({ values }: { values: OrganizationValues }) {
  const t = useTranslations("organization");
  const [state, formAction] = useActionState(updateOrganization, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <FormMessage state={state} />
      <OrganizationFields state={state} values={values} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
