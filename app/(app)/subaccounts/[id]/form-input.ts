import { z } from "zod";
import { parsePriceToCents } from "@/lib/subaccounts/rules";
import { productTermsInput } from "@/lib/subaccounts/inputs";

/**
 * The product table as the form submits it: for each listed product, its price
 * as typed ("199,50", or empty for the list price) and whether it may be
 * ordered. A price that is not one is refused at its own field.
 */
export const productsFormInput = z
  .looseObject({ id: z.uuid(), productIds: z.string().max(10_000) })
  .transform((form, ctx) => {
    const fields = form as Record<string, unknown>;
    const terms = form.productIds
      .split(",")
      .filter((p) => z.uuid().safeParse(p).success)
      .map((productId) => {
        const typed = fields[`price_${productId}`];
        const priceCents = parsePriceToCents(typeof typed === "string" ? typed : "");
        if (priceCents === "invalid")
          ctx.addIssue({
            code: "custom",
            path: [`price_${productId}`],
            message: "v.invalid_price",
          });
        return {
          productId,
          priceCents: priceCents === "invalid" ? null : priceCents,
          available: fields[`available_${productId}`] === "on",
        };
      });
    return { id: form.id, terms };
  })
  .pipe(z.object({ id: z.uuid(), terms: productTermsInput }));
