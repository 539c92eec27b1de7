"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { useActionForm } from "@/app/_components/form/runtime";
import { FormMessage } from "@/app/_components/form/form-message";
import { revokeKey } from "./actions";

/** Revoke, behind a confirmation; its answer stays in the row once the key is revoked. */
export function RevokeKey({ id, name, active }: { id: string; name: string; active: boolean }) {
  const t = useTranslations("apiKeys");
  const form = useActionForm(revokeKey);
  return (
    <div className="flex flex-col gap-2">
      {active ? (
        <ConfirmForm
          form={form}
          fields={{ id, name }}
          trigger={t("revoke")}
          triggerLabel={`${t("revoke")}: ${name}`}
          question={t("revokeConfirm", { name })}
          confirm={t("revokeYes")}
          keep={t("revokeNo")}
          size="small"
        />
      ) : null}
      <FormMessage state={form.state} />
    </div>
  );
}
