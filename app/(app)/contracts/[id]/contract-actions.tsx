"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { useActionForm } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { deleteContract, endContract } from "../actions";

/** End a running contract, delete an unused one: each asked once more before it happens. */
export function ContractActions({
  id,
  name,
  canEnd,
  canDelete,
}: {
  id: string;
  name: string;
  canEnd: boolean;
  canDelete: boolean;
}) {
  const t = useTranslations("contracts");
  const end = useActionForm(endContract);
  const remove = useActionForm(deleteContract);
  if (!canEnd && !canDelete && !end.state && !remove.state) return null;
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={end.state} />
      <FormMessage state={remove.state} />
      {canEnd ? (
        <ConfirmForm
          form={end}
          fields={{ id }}
          trigger={t("end")}
          question={t("endConfirm", { name })}
          confirm={t("endYes")}
          keep={t("keep")}
        />
      ) : null}
      {canDelete ? (
        <ConfirmForm
          form={remove}
          fields={{ id }}
          trigger={t("delete")}
          question={t("deleteConfirm", { name })}
          confirm={t("deleteYes")}
          keep={t("keep")}
        />
      ) : null}
    </div>
  );
}
