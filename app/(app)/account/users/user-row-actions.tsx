"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { changeRole, changeStatus, resendLink } from "./actions";

const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60";

export function UserRowActions({
  userId,
  name,
  role,
  status,
  passwordSet,
}: {
  userId: string;
  name: string;
  role: Role;
  status: "active" | "deactivated";
  passwordSet: boolean;
}) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const [roleState, roleAction] = useActionState(changeRole, undefined);
  const [statusState, statusAction] = useActionState(changeStatus, undefined);
  const [linkState, linkAction] = useActionState(resendLink, undefined);
  const selectId = useId();
  return (
    <div className="flex flex-col gap-2">
      <FormMessage state={roleState} />
      <FormMessage state={statusState} />
      <FormMessage state={linkState} />
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <label htmlFor={selectId} className="sr-only">
            {t("changeRole", { name })}
          </label>
          <select
            id={selectId}
            name="role"
            defaultValue={role}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
          <SubmitButton className={secondary} aria-label={`${t("saveRole")}: ${name}`}>
            {t("saveRole")}
          </SubmitButton>
        </form>
        <form action={statusAction}>
          <input type="hidden" name="userId" value={userId} />
          <input
            type="hidden"
            name="status"
            value={status === "active" ? "deactivated" : "active"}
          />
          <SubmitButton
            className={secondary}
            aria-label={`${status === "active" ? t("deactivate") : t("reactivate")}: ${name}`}
          >
            {status === "active" ? t("deactivate") : t("reactivate")}
          </SubmitButton>
        </form>
        {passwordSet || status !== "active" ? null : (
          <form action={linkAction}>
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton className={secondary} aria-label={`${t("resendLink")}: ${name}`}>
              {t("resendLink")}
            </SubmitButton>
          </form>
        )}
      </div>
    </div>
  );
}
