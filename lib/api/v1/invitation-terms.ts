import { z } from "zod";
import "zod-openapi";
import { BILLING_MODES, INVITABLE_TYPES, PRICING_MODES } from "@/lib/enums";
import type { InvitationTerms } from "@/lib/invitations/terms";
import { apiProductTerm } from "./common";

/** An invitation's terms as the API writes them: snake_case, each part left out to keep the default. */
export const apiTermsSchema = z
  .strictObject({
    billing: z
      .enum(BILLING_MODES)
      .optional()
      .meta({ description: "Default: bill_to_subaccount. Takes subaccounts.editBilling" }),
    pricing: z
      .enum(PRICING_MODES)
      .optional()
      .meta({ description: "Default: standard. Takes subaccounts.editPricing" }),
    products: z
      .array(apiProductTerm)
      .max(500)
      .optional()
      .meta({ description: "Prices and availability of the parent's products" }),
    account_manager_id: z
      .uuid()
      .optional()
      .meta({ description: "A user of the account; default: the inviter" }),
    allowed_subaccount_types: z
      .array(z.enum(INVITABLE_TYPES))
      .max(INVITABLE_TYPES.length)
      .optional()
      .meta({ description: "What the new account may create in turn; default: by its type" }),
    show_prices: z
      .boolean()
      .optional()
      .meta({ description: "Whether the accept page shows the custom prices before accepting" }),
  })
  .meta({
    id: "InvitationTerms",
    description:
      "What the subaccount the invitation's acceptance creates starts with, applied in the acceptance's transaction. Each part takes the right to set it on a subaccount: a Manager's key may set none.",
    example: {
      billing: "bill_to_parent",
      pricing: "custom",
      products: [
        { product_id: "6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0", price_cents: 24900, available: true },
      ],
    },
  });

export type ApiTerms = z.output<typeof apiTermsSchema>;

export function termsFromApi(terms: ApiTerms | null | undefined): InvitationTerms | null {
  if (!terms) return null;
  return {
    billing: terms.billing,
    pricing: terms.pricing,
    products: terms.products?.map((p) => ({
      productId: p.product_id,
      priceCents: p.price_cents,
      available: p.available,
    })),
    accountManagerId: terms.account_manager_id,
    allowedSubaccountTypes: terms.allowed_subaccount_types,
    showPrices: terms.show_prices,
  };
}

export function termsToApi(terms: InvitationTerms | null): ApiTerms | null {
  if (!terms) return null;
  const api: ApiTerms = {
    billing: terms.billing,
    pricing: terms.pricing,
    products: terms.products?.map((p) => ({
      product_id: p.productId,
      price_cents: p.priceCents,
      available: p.available,
    })),
    account_manager_id: terms.accountManagerId,
    allowed_subaccount_types: terms.allowedSubaccountTypes,
    show_prices: terms.showPrices,
  };
  // Left out, not null: what is not set keeps its default.
  return Object.fromEntries(Object.entries(api).filter(([, v]) => v !== undefined)) as ApiTerms;
}
