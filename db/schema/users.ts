import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { locale, userRole, userStatus } from "./enums";

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references((): AnyPgColumn => accounts.id),
    username: text().notNull(),
    // Not unique: one person may hold users in several accounts.
    email: text().notNull(),
    // Null until the user has set a password.
    passwordHash: text(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    phone: text(),
    jobTitle: text(),
    role: userRole().notNull(),
    status: userStatus().notNull().default("active"),
    locale: locale(),
    // An IANA time zone ("Europe/Berlin"): every date and time is shown in it.
    // Null until the first sign-in, which takes the browser's.
    timeZone: text(),
    lastSignInAt: timestamp({ withTimezone: true }),
    // Raised whenever a password is set: a session begun under an earlier value ends.
    sessionVersion: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Usernames are unique regardless of case: "Alice" and "alice" are one person.
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    index().on(t.accountId),
  ],
);
