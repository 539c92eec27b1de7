import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accountStatus, accountType, billingMode, createdVia, pricingMode } from "./enums";
import { contracts } from "./contracts";
import { users } from "./users";

export const accounts = pgTable(
  "accounts",
  {
    id: uuid().primaryKey().defaultRandom(),
    // The account ID people quote on the phone and search for.
    number: integer().notNull().unique().generatedAlwaysAsIdentity({ startWith: 100001 }),
    parentId: uuid().references((): AnyPgColumn => accounts.id),
    name: text().notNull(),
    type: accountType().notNull(),
    status: accountStatus().notNull().default("active"),
    // Which kinds of subaccount this account may create in turn.
    allowedSubaccountTypes: accountType()
      .array()
      .notNull()
      .default(sql`'{}'::account_type[]`),
    // Private to the parent account.
    nickname: text(),
    accountManagerId: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    billing: billingMode().notNull().default("bill_to_subaccount"),
    pricing: pricingMode().notNull().default("standard"),
    contractId: uuid().references(() => contracts.id, { onDelete: "set null" }),
    createdVia: createdVia().notNull(),
    singleSignOn: boolean().notNull().default(false),
    // "Remind the invitee N days before the link expires" (1 to 14); null: no reminders.
    reminderDays: integer().default(7),
    addressLine1: text(),
    addressLine2: text(),
    city: text(),
    region: text(),
    postalCode: text(),
    country: text(),
    phone: text(),
    // The organization's contact person, as the parent account knows them.
    contactFirstName: text(),
    contactLastName: text(),
    contactEmail: text(),
    contactPhone: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Subaccount listing within one parent, keyset on (created_at, id); scanned backwards for newest first.
    index().on(t.parentId, t.createdAt, t.id),
    // The "Deactivated" filter: few rows, found without reading the active ones.
    index("accounts_deactivated_children")
      .on(t.parentId, t.createdAt, t.id)
      .where(sql`${t.status} = 'deactivated'`),
    // What an assigned account manager lists: their subaccounts, newest first.
    index().on(t.accountManagerId, t.createdAt, t.id),
    // How many subaccounts use a contract; which ones follow it when it changes.
    index()
      .on(t.contractId)
      .where(sql`${t.contractId} is not null`),
    // Search by part of the name or nickname (ILIKE '%…%').
    index("accounts_name_trgm").using("gin", t.name.op("gin_trgm_ops")),
    index("accounts_nickname_trgm").using("gin", t.nickname.op("gin_trgm_ops")),
  ],
);
