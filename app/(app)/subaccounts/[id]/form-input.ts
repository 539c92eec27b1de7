import { z } from "zod";
import { productTermsOf } from "@/app/_components/product-terms-input";
import { productTermsInput } from "@/lib/subaccounts/inputs";

/** The product table of a subaccount's page as its use case takes it. */
export const productsFormInput = z
  .looseObject({ id: z.uuid(), productIds: z.string().max(10_000) })
  .transform((form, ctx) => ({ id: form.id, terms: productTermsOf(form, ctx) ?? [] }))
  .pipe(z.object({ id: z.uuid(), terms: productTermsInput }));
