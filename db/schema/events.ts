import { index, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { eventType } from "./enums";

/**
 * What happened to an account's invitations and subaccounts, for its partner's
 * systems (`GET /api/v1/events`, and webhooks): written in the transaction of
 * the change, with the resource as the API showed it then. Kept
 * EVENT_RETENTION_DAYS (30), then pruned by the periodic work.
 */
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    // The account whose systems hear of it: the inviting account, the subaccount's parent.
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    type: eventType().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    // The list, oldest first from a moment, a page at a time.
    index().on(t.accountId, t.createdAt, t.id),
    // Pruning by age.
    index().on(t.createdAt),
  ],
);
