import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// One-time links that let a user created by someone else choose a password.
export const setPasswordTokens = pgTable(
  "set_password_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // SHA-256 of the token; the token itself only travels in the email.
    tokenHash: text().notNull(),
    // "set": a first password (or a new link an Administrator sent); "reset": forgot password.
    // A reset replaces only an earlier reset: the Administrator's link keeps working.
    purpose: text({ enum: ["set", "reset"] })
      .notNull()
      .default("set"),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.userId)],
);

// One-time codes for first-run setup on a public host: printed to the server's
// log at start, kept here only as a SHA-256 hash.
export const setupCodes = pgTable(
  "setup_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    codeHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex().on(t.codeHash)],
);
