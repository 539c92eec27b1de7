"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, useActionForm } from "@/app/_components/form/runtime";
import { RoleSelect } from "@/app/_components/role-select";
import type { Role, UserStatus } from "@/lib/enums";
import { changeRole, changeStatus, resendLink } from "./actions";

const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60";

export function UserRowActions({
  userId,
  name,
  role,
  status,
  offerLink,
}: {
  userId: string;
  name: string;
  role: Role;
  status: UserStatus;
  /** A new set-password link, for an active user who has not chosen a password yet. */
  offerLink: boolean;
}) {
  const t = useTranslations("users");
  const roleForm = useActionForm(changeRole);
  const statusForm = useActionForm(changeStatus);
  const linkForm = useActionForm(resendLink);
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm form={roleForm} className="flex flex-col gap-2">
        <input type="hidden" name="userId" value={userId} />
        <div className="flex items-center gap-2">
          <RoleSelect label={t("changeRole", { name })} defaultValue={role} compact />
          <SubmitButton className={secondary} aria-label={`${t("saveRole")}: ${name}`}>
            {t("saveRole")}
          </SubmitButton>
        </div>
      </ActionForm>
      <ActionForm form={statusForm} className="flex flex-col gap-2">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="status" value={status === "active" ? "deactivated" : "active"} />
        <div>
          <SubmitButton
            className={secondary}
            aria-label={`${status === "active" ? t("deactivate") : t("reactivate")}: ${name}`}
          >
            {status === "active" ? t("deactivate") : t("reactivate")}
          </SubmitButton>
        </div>
      </ActionForm>
      {!offerLink ? null : (
        <ActionForm form={linkForm} className="flex flex-col gap-2">
          <input type="hidden" name="userId" value={userId} />
          <div>
            <SubmitButton className={secondary} aria-label={`${t("resendLink")}: ${name}`}>
              {t("resendLink")}
            </SubmitButton>
          </div>
        </ActionForm>
      )}
    </div>
  );
}
