import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Fixed-window counters shared by every app instance. Unlogged (migration 0022):
// a counter lost in a crash only starts afresh, and a hit then waits for no disk.
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});
