import { z } from "zod";
import { optionalText, requiredText } from "@/lib/actions/fields";
import { emailInput } from "@/lib/auth/inputs";
import {
  ORGANIZATION_FIELDS,
  type OrganizationField,
  type OrganizationFieldName,
  organizationFieldsOf,
} from "./organization-fields";

function fieldSchema(field: OrganizationField) {
  if ("type" in field && field.type === "email") return emailInput;
  return field.required ? requiredText(field.max) : optionalText(field.max);
}

type Shape<F extends OrganizationField> = {
  [K in F as K["name"]]: K extends { type: "email" }
    ? typeof emailInput
    : K["required"] extends true
      ? ReturnType<typeof requiredText>
      : ReturnType<typeof optionalText>;
};

function schemaOf<F extends OrganizationField>(fields: readonly F[]) {
  return z.object(
    Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])) as unknown as Shape<F>,
  );
}

/** The organization and contact fields as every form that edits them submits them. */
export const organizationInput = schemaOf(ORGANIZATION_FIELDS);
/** Just the organization's name and address: the accept form, whose contact is the invitee. */
export const organizationAddressInput = schemaOf(organizationFieldsOf("organization"));

export type OrganizationDetails = z.output<typeof organizationInput>;
export type OrganizationAddress = z.output<typeof organizationAddressInput>;
/** The fields as stored: an account created at setup has no address yet. */
export type StoredOrganization = { [K in OrganizationFieldName]: string | null };

/** Just the organization and contact fields of an account row, e.g. to prefill a form. */
export function organizationOf(account: StoredOrganization): StoredOrganization {
  return Object.fromEntries(
    ORGANIZATION_FIELDS.map((f) => [f.name, account[f.name]]),
  ) as StoredOrganization;
}

/** The address as one line for reading: "1 Main St, 12345 Springfield, Country". */
export function addressLine(org: StoredOrganization): string {
  return [
    org.addressLine1,
    org.addressLine2,
    [org.postalCode, org.city].filter(Boolean).join(" "),
    org.region,
    org.country,
  ]
    .filter(Boolean)
    .join(", ");
}

/** The contact as one line for reading: "Hank Scorpio, hank@globex.example". */
export function contactLine(org: StoredOrganization): string {
  return [[org.contactFirstName, org.contactLastName].filter(Boolean).join(" "), org.contactEmail]
    .filter(Boolean)
    .join(", ");
}
