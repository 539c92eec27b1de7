import { type AnyPgColumn, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { billingMode, pricingMode } from "./enums";

export const contracts = pgTable(
  "contracts",
  {
    id: uuid().primaryKey().defaultRandom(),
    // The account that owns the contract and may assign it to its subaccounts.
    accountId: uuid()
      .notNull()
      .references((): AnyPgColumn => accounts.id),
    name: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date(),
    billing: billingMode().notNull(),
    pricing: pricingMode().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.accountId)],
);
