import { z } from "zod";
import { organizationInput } from "@/lib/accounts/organization";
import { optionalText } from "@/lib/actions/fields";
import { emailInput, nameInput, usernameInput } from "@/lib/auth/inputs";
import { ACCOUNT_TYPES, BILLING_MODES, INVITABLE_TYPES, LOCALES, PRICING_MODES } from "@/lib/enums";
import type { NewSubaccount } from "./create";
import { MAX_PRICE_CENTS, NICKNAME_MAX } from "./rules";

/** A subaccount's organization and contact, with the nickname only its parent sees. */
export const subaccountDetailsInput = organizationInput.extend({
  nickname: optionalText(NICKNAME_MAX),
});

export type ProductTerms = { productId: string; priceCents: number | null; available: boolean };

/** The whole product table of a subaccount: each product's price (null: the list price) and availability. */
export const productTermsInput = z
  .array(
    z.object({
      productId: z.uuid(),
      priceCents: z.number().int().min(0).max(MAX_PRICE_CENTS).nullable(),
      available: z.boolean(),
    }),
  )
  .max(500)
  .refine((terms) => new Set(terms.map((t) => t.productId)).size === terms.length, {
    message: "v.duplicate_product",
  });

/** The first Administrator of a new subaccount, who gets a link to choose a password. */
export const administratorInput = z.object({
  firstName: nameInput,
  lastName: nameInput,
  email: emailInput,
  username: usernameInput,
  locale: z.enum(LOCALES),
});

/**
 * A new subaccount as every front door gives it (the create form through its
 * adapter, the API). Managed subaccounts have no one to sign in; every other
 * type needs its first Administrator.
 */
export const newSubaccountInput = subaccountDetailsInput
  .extend({
    type: z.enum(ACCOUNT_TYPES),
    billing: z.enum(BILLING_MODES),
    pricing: z.enum(PRICING_MODES),
    allowedSubaccountTypes: z
      .array(z.enum(INVITABLE_TYPES))
      .max(INVITABLE_TYPES.length)
      .default([]),
    administrator: administratorInput.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.type !== "managed" && !value.administrator)
      ctx.addIssue({ code: "custom", path: ["administrator"], message: "v.required" });
  })
  .transform((value): NewSubaccount => ({
    ...value,
    allowedSubaccountTypes: [...new Set(value.allowedSubaccountTypes)],
    administrator: value.type === "managed" ? null : (value.administrator ?? null),
  }));
