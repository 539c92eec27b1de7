/**
 * The organization and contact fields of an account, once: the zod schema
 * (organization.ts), its type, and every form that edits them (the account's
 * own, a subaccount's, create subaccount, accept an invitation) derive from
 * this list. Dependency-free, so forms in the browser read it too.
 */
export const ORGANIZATION_FIELDS = [
  { name: "name", group: "organization", required: true, max: 200, autoComplete: "organization" },
  {
    name: "addressLine1",
    group: "organization",
    required: true,
    max: 200,
    autoComplete: "address-line1",
  },
  {
    name: "addressLine2",
    group: "organization",
    required: false,
    max: 200,
    autoComplete: "address-line2",
  },
  {
    name: "city",
    group: "organization",
    required: true,
    max: 100,
    autoComplete: "address-level2",
    half: true,
  },
  {
    name: "region",
    group: "organization",
    required: false,
    max: 100,
    autoComplete: "address-level1",
    half: true,
  },
  {
    name: "postalCode",
    group: "organization",
    required: true,
    max: 20,
    autoComplete: "postal-code",
    half: true,
    // Postal codes hold letters in many countries (SW1A 1AA, K1A 0B1): a text
    // keyboard in capitals, never corrected.
    inputProps: { autoCapitalize: "characters", autoCorrect: "off", spellCheck: false },
  },
  {
    name: "country",
    group: "organization",
    required: true,
    max: 100,
    autoComplete: "country-name",
    half: true,
  },
  {
    name: "phone",
    group: "organization",
    required: false,
    max: 40,
    autoComplete: "tel",
    type: "tel",
  },
  {
    name: "contactFirstName",
    group: "contact",
    required: true,
    max: 100,
    autoComplete: "off",
    half: true,
  },
  {
    name: "contactLastName",
    group: "contact",
    required: true,
    max: 100,
    autoComplete: "off",
    half: true,
  },
  {
    name: "contactEmail",
    group: "contact",
    required: true,
    max: 254,
    autoComplete: "off",
    half: true,
    type: "email",
  },
  {
    name: "contactPhone",
    group: "contact",
    required: false,
    max: 40,
    autoComplete: "off",
    half: true,
    type: "tel",
  },
] as const;

export type OrganizationField = (typeof ORGANIZATION_FIELDS)[number];
export const ORGANIZATION_FIELD_NAMES = ORGANIZATION_FIELDS.map((f) => f.name);
export type OrganizationFieldName = OrganizationField["name"];
export type OrganizationGroup = OrganizationField["group"];

/** The fields of one group ("organization": name and address; "contact": the person to reach). */
export function organizationFieldsOf<G extends OrganizationGroup>(group: G) {
  return ORGANIZATION_FIELDS.filter(
    (f): f is Extract<OrganizationField, { group: G }> => f.group === group,
  );
}
