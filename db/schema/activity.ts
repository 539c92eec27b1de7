import { customType, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ActivityValue } from "../../lib/activity/values";
import { accounts } from "./accounts";
import { apiKeys } from "./api-keys";
import { activityKind } from "./enums";
import { users } from "./users";

/**
 * A logged value as JSON. Not drizzle's `jsonb()`: the database drivers hand
 * back a JSON string already parsed, and `jsonb()` parses it once more, so a
 * stored "90210" (a postal code) came back as the number 90210, and "null" as null.
 */
const loggedValue = customType<{ data: ActivityValue; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value as ActivityValue,
});

/**
 * An account's activity log: who changed its billing, pricing, products,
 * contract, account manager, status or organization details, who added a user
 * or changed a user's role or status, and when, with the old and the new
 * value. Written in the same transaction as the change.
 */
export const activity = pgTable(
  "activity",
  {
    id: uuid().primaryKey().defaultRandom(),
    // The account the change is about (a subaccount, or the account whose user changed).
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    actorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    // The name at the time: the log stays readable when the person leaves or is renamed.
    actorName: text().notNull(),
    // A change through the API: the key's name at the time, shown as "API key ‘CRM’ (created by …)".
    actorApiKeyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    actorApiKeyName: text(),
    kind: activityKind().notNull(),
    // What within the account: the product or the user the change is about.
    subject: text(),
    oldValue: loggedValue(),
    newValue: loggedValue(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  // The log, newest first, per account; filtered by person or kind within it.
  (t) => [index().on(t.accountId, t.createdAt, t.id)],
);
