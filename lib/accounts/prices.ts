import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { accountPrices, products } from "@/db/schema";
import type { PricingMode } from "@/lib/enums";

/** The price an account pays for a product: its custom price under custom pricing, else the list price. */
export function effectivePrice(
  pricing: PricingMode,
  standardCents: number,
  customCents: number | null,
): number {
  return pricing === "custom" && customCents !== null ? customCents : standardCents;
}

/** An account's products with what it pays and whether it may order them. */
export async function priceList(db: Db, accountId: string, pricing: PricingMode) {
  const rows = await db
    .select({
      productId: products.id,
      sku: products.sku,
      name: products.name,
      currency: products.currency,
      standardPriceCents: products.standardPriceCents,
      customPriceCents: accountPrices.priceCents,
      available: sql<boolean>`coalesce(${accountPrices.available}, true)`,
    })
    .from(products)
    .leftJoin(
      accountPrices,
      and(eq(accountPrices.productId, products.id), eq(accountPrices.accountId, accountId)),
    )
    .orderBy(asc(products.sortOrder), asc(products.name));
  return rows.map((r) => ({
    ...r,
    priceCents: effectivePrice(pricing, r.standardPriceCents, r.customPriceCents),
  }));
}
