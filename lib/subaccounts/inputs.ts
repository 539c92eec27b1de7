import { z } from "zod";
import { organizationInput } from "@/lib/accounts/organization";
import { optionalText } from "@/lib/actions/fields";
import { emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import {
  ACCOUNT_TYPES,
  BILLING_MODES,
  INVITABLE_TYPES,
  type InvitableType,
  LOCALES,
  PRICING_MODES,
} from "@/lib/enums";
import type { NewSubaccount } from "./create";
import { SubaccountError } from "./errors";
import { NICKNAME_MAX, parsePriceToCents } from "./rules";

/** A subaccount's organization and contact, with the nickname only its parent sees. */
export const subaccountDetailsInput = organizationInput.extend({
  nickname: optionalText(NICKNAME_MAX),
});

export type ProductTerms = { productId: string; priceCents: number | null; available: boolean };

/**
 * The product table as a form submits it: for each listed product, its price as
 * typed ("199,50" or "" for the list price) and whether it may be ordered. A
 * price that is not one is refused at its own field.
 */
export function parseProductTerms(
  productIds: string,
  field: (name: string) => string | null,
): ProductTerms[] {
  return productIds
    .split(",")
    .filter((p) => z.uuid().safeParse(p).success)
    .map((productId) => {
      const priceCents = parsePriceToCents(field(`price_${productId}`) ?? "");
      if (priceCents === "invalid")
        throw new SubaccountError("invalid_price", `price_${productId}`);
      return { productId, priceCents, available: field(`available_${productId}`) === "on" };
    });
}

/** The first Administrator on the create form, whose fields carry an "admin" prefix. */
const administratorInput = z.object({
  adminFirstName: nameInput,
  adminLastName: nameInput,
  adminEmail: emailInput,
  adminUsername: usernameInput,
  locale: z.enum(LOCALES),
});

/**
 * The create-subaccount form. Managed subaccounts have no one to sign in; every
 * other type needs its Administrator, whose fields are checked only then.
 */
export const newSubaccountInput = subaccountDetailsInput
  .extend({
    type: z.enum(ACCOUNT_TYPES),
    billing: z.enum(BILLING_MODES),
    pricing: z.enum(PRICING_MODES),
    adminFirstName: z.string().optional(),
    adminLastName: z.string().optional(),
    adminEmail: z.string().optional(),
    adminUsername: z.string().optional(),
    locale: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.type === "managed") return;
    const result = administratorInput.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue(issue as never);
  })
  .transform((value): Omit<NewSubaccount, "allowedSubaccountTypes"> => {
    const {
      adminFirstName: _f,
      adminLastName: _l,
      adminEmail: _e,
      adminUsername: _u,
      locale: _locale,
      ...subaccount
    } = value;
    if (value.type === "managed") return { ...subaccount, administrator: null };
    const admin = administratorInput.parse(value);
    return {
      ...subaccount,
      administrator: {
        firstName: admin.adminFirstName,
        lastName: admin.adminLastName,
        email: admin.adminEmail,
        username: admin.adminUsername,
        locale: admin.locale,
      },
    };
  });

/** The types ticked in a group of checkboxes; anything else is ignored. */
export function invitableTypesFrom(values: unknown[]): InvitableType[] {
  return INVITABLE_TYPES.filter((t) => values.includes(t));
}
