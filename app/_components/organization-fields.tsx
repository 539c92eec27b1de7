"use client";

import { useTranslations } from "next-intl";
import {
  type OrganizationFieldName,
  type OrganizationGroup,
  organizationFieldsOf,
} from "@/lib/accounts/organization-fields";
import { Field } from "./form/text-field";

export type OrganizationValues = Partial<Record<OrganizationFieldName, string | null>>;

/**
 * The organization and contact fields, rendered from their one definition. The
 * accept form shows only the organization group: its contact is the invitee.
 */
export function OrganizationFields({
  values = {},
  groups = ["organization", "contact"],
  which = "all",
}: {
  values?: OrganizationValues;
  groups?: OrganizationGroup[];
  /** Only the required fields, or only the optional ones (a form that asks for those apart). */
  which?: "all" | "required" | "optional";
}) {
  const t = useTranslations("organization");
  return (
    <>
      {groups.map((group) => {
        const fields = organizationFieldsOf(group).filter(
          (f) => which === "all" || f.required === (which === "required"),
        );
        return (
          <fieldset key={group} className="flex flex-col gap-4">
            <legend className="mb-2 text-lg font-semibold">
              {t(group === "organization" ? "title" : "contact")}
            </legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {fields.map((f) => (
                <Field
                  key={f.name}
                  className={`flex flex-col gap-1 ${"half" in f ? "" : "sm:col-span-2"}`}
                  label={t(f.name)}
                  name={f.name}
                  type={"type" in f ? f.type : undefined}
                  defaultValue={values[f.name] ?? undefined}
                  required={f.required}
                  autoComplete={f.autoComplete}
                  {...("inputProps" in f ? f.inputProps : {})}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
