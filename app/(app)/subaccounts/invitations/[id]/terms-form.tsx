"use client";

import { useTranslations } from "next-intl";
import {
  InvitationTermsFields,
  type TermsChoices,
} from "@/app/_components/invitation-terms-fields";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { changeTerms } from "./actions";

/** A pending invitation's terms, changed by whoever may set a part of them. */
export function TermsForm({ id, choices }: { id: string; choices: TermsChoices }) {
  const t = useTranslations("invitationTerms");
  const form = useActionForm(changeTerms);
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={id} />
      <InvitationTermsFields choices={choices} />
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
