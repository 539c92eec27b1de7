import { sql } from "drizzle-orm";
import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { apiKeyScope } from "./enums";
import { users } from "./users";

/**
 * Keys a partner's scripts sign in with (`Authorization: Bearer cp_live_…`).
 * Only the SHA-256 of a key is kept; the key itself is shown once, when made.
 * A key acts as `userId` (the Administrator who made it) within its scope, and
 * never beyond what that user may do at the moment of each request.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text().notNull(),
    // The first characters of the key ("cp_live_Ab3x"), for telling keys apart in the list.
    prefix: text().notNull(),
    keyHash: text().notNull(),
    scope: apiKeyScope().notNull(),
    // Whose rights the key has: it stops working when this user loses them.
    userId: uuid()
      .notNull()
      .references(() => users.id),
    // Who made it: the same Administrator for a key of the API keys page; the
    // parent's for the key of a Managed subaccount, which acts as that account's own user.
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => users.id),
    // Written at most once a minute, so a busy key does not write on every request.
    lastUsedAt: timestamp({ withTimezone: true }),
    lastUsedIp: text(),
  },
  (t) => [
    uniqueIndex().on(t.keyHash),
    index().on(t.accountId, t.createdAt),
    uniqueIndex("api_keys_live_name")
      .on(t.accountId, sql`lower(${t.name})`)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * What a `POST` or `PATCH` with an `Idempotency-Key` answered, per account, for
 * 24 hours: a retry gets the same answer and changes nothing twice. A row
 * without a status is a request still in progress; the primary key decides
 * between two that arrive at once, on any number of instances.
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    key: text().notNull(),
    // SHA-256 of the method, the path and the body: the same key with another request is refused.
    requestHash: text().notNull(),
    responseStatus: integer(),
    // The answer as sent (JSON text) and the headers worth repeating (Location).
    responseBody: text(),
    responseLocation: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] }), index().on(t.createdAt)],
);
