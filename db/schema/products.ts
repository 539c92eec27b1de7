import { boolean, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

// The standard price list of certificate products (filled by a migration).
export const products = pgTable("products", {
  id: uuid().primaryKey().defaultRandom(),
  sku: text().notNull().unique(),
  name: text().notNull(),
  // Yearly list price in cents of `currency`.
  standardPriceCents: integer().notNull(),
  currency: text().notNull().default("USD"),
  sortOrder: integer().notNull().default(0),
});

// A subaccount's own terms for one product: a custom price (used while its
// pricing is "custom") and whether it may order the product at all.
export const accountPrices = pgTable(
  "account_prices",
  {
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    priceCents: integer(),
    available: boolean().notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.productId] })],
);
