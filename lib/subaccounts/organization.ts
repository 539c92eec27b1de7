import type { OrganizationDetails } from "./service";

const FIELDS = [
  "name",
  "addressLine1",
  "addressLine2",
  "city",
  "region",
  "postalCode",
  "country",
  "phone",
  "contactFirstName",
  "contactLastName",
  "contactEmail",
  "contactPhone",
] as const satisfies readonly (keyof OrganizationDetails)[];

/** Just the organization and contact fields of an account row, e.g. to prefill a form. */
export function organizationOf(account: OrganizationDetails): OrganizationDetails {
  return Object.fromEntries(FIELDS.map((f) => [f, account[f]])) as OrganizationDetails;
}
