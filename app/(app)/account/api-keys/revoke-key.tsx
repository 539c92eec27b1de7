"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/app/_components/confirm-form";
import { FormMessage, useActionForm } from "@/app/_components/form";
import { revokeKey } from "./actions";

export function RevokeKey({ id, name }: { id: string; name: string }) {
  const t = useTranslations("apiKeys");
  const form = useActionForm(revokeKey);
  return (
    <div className="flex flex-col gap-2">
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
      <FormMessage state={form.state} />
    </div>
  );
}
