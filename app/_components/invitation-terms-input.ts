import type { z } from "zod";
import { productTermsOf } from "./product-terms-input";

/**
 * The terms part of a form (./invitation-terms-fields.tsx) as the use cases take
 * terms (lib/invitations/terms.ts): a part left at its default is left out, a
 * part the form showed read-only is not sent (its fields are disabled), and
 * anything else goes through as typed for the schema to judge.
 */
export function invitationTermsOf(fields: Record<string, unknown>, ctx: z.RefinementCtx) {
  const text = (name: string) => (typeof fields[name] === "string" ? fields[name] : undefined);
  const products = productTermsOf(fields, ctx)?.filter(
    (p) => p.priceCents !== null || !p.available,
  );
  const types = fields.terms_allowedSubaccountTypes;
  return {
    billing: text("terms_billing") === "bill_to_subaccount" ? undefined : text("terms_billing"),
    pricing: text("terms_pricing") === "standard" ? undefined : text("terms_pricing"),
    products: products?.length ? products : undefined,
    accountManagerId: text("terms_accountManagerId") || undefined,
    allowedSubaccountTypes:
      fields.terms_chooseTypes === "on"
        ? Array.isArray(types)
          ? types
          : types === undefined
            ? []
            : [types]
        : undefined,
    showPrices: fields.terms_showPrices === "on" ? true : undefined,
  };
}
