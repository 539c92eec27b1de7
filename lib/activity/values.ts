/**
 * The old and new value of a logged change, stored as JSON and translated when
 * shown: a closed set's value (a billing mode, a role, a status), a name (a
 * contract, an account manager), a product's terms, or nothing.
 */
export type ProductTermsValue = { priceCents: number | null; available: boolean; currency: string };
export type ActivityValue = string | ProductTermsValue | null;

export function isProductTerms(value: ActivityValue): value is ProductTermsValue {
  return typeof value === "object" && value !== null;
}
