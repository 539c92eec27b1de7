import { z } from "zod";
import type { ProductTerms } from "@/lib/subaccounts/inputs";
import { parsePriceToCents } from "@/lib/subaccounts/rules";

/**
 * The product table as a form submits it (./product-terms-fields.tsx): for each
 * listed product, its price as typed ("199,50", or empty for the list price)
 * and whether it may be ordered. A price that is not one is refused at its own
 * field. Null when the form has no product table.
 */
export function productTermsOf(
  fields: Record<string, unknown>,
  ctx: z.RefinementCtx,
): ProductTerms[] | null {
  if (typeof fields.productIds !== "string") return null;
  return fields.productIds
    .split(",")
    .filter((p) => z.uuid().safeParse(p).success)
    .map((productId) => {
      const typed = fields[`price_${productId}`];
      const priceCents = parsePriceToCents(typeof typed === "string" ? typed : "");
      if (priceCents === "invalid")
        ctx.addIssue({ code: "custom", path: [`price_${productId}`], message: "v.invalid_price" });
      return {
        productId,
        priceCents: priceCents === "invalid" ? null : priceCents,
        available: fields[`available_${productId}`] === "on",
      };
    });
}
