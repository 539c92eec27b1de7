"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Role, ROLES } from "@/lib/enums";
import { useField } from "./form/runtime";
import { SelectField } from "./form/select-field";

/**
 * Where a role is chosen: the roles, and under them what the chosen one may do.
 * In a table row (`compact`) the description is there for screen readers only.
 */
export function RoleSelect({
  label,
  defaultValue,
  compact = false,
}: {
  label: string;
  defaultValue: Role;
  compact?: boolean;
}) {
  const tRoles = useTranslations("roles");
  const tAbout = useTranslations("roleDescriptions");
  // After a refusal the select shows what was submitted; so does its description.
  const { kept } = useField("role");
  const [chosen, setChosen] = useState<Role | null>(null);
  const about = tAbout(chosen ?? ROLES.find((r) => r === kept?.[0]) ?? defaultValue);
  return (
    <SelectField
      label={label}
      srLabel={compact}
      name="role"
      defaultValue={defaultValue}
      onChange={(e) => setChosen(e.currentTarget.value as Role)}
      hint={compact ? <span className="sr-only">{about}</span> : about}
      options={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
    />
  );
}
