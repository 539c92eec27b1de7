import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { eventType, webhookDeliveryStatus } from "./enums";
import { users } from "./users";

/**
 * Where an account's systems want its events: an HTTPS address, the types it
 * wants (null: all), and the signing secret, encrypted with a key derived from
 * AUTH_SECRET (it must be read back to sign, so it cannot be a hash). While a
 * secret is rotated the previous one signs too, until `previousSecretUntil`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    url: text().notNull(),
    description: text().notNull().default(""),
    eventTypes: eventType().array(),
    enabled: boolean().notNull().default(true),
    // Set when delivery turned it off (failing for days); cleared when a person turns it on.
    disabledReason: text(),
    secret: text().notNull(),
    previousSecret: text(),
    previousSecretUntil: timestamp({ withTimezone: true }),
    // The first failed attempt since the last success: five days of it turn the endpoint off.
    failingSince: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.accountId, t.createdAt)],
);

/**
 * One event for one endpoint: written in the transaction of the event, claimed
 * by a worker (SKIP LOCKED), retried to its deadline. The body is kept as sent,
 * byte for byte, so every attempt signs and sends the same message.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    // The `webhook-id`: the event's, the same on every attempt and redelivery.
    eventId: uuid().notNull(),
    eventType: text().notNull(),
    body: text().notNull(),
    status: webhookDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    // While an attempt is under way: counted for the endpoint's concurrency, and
    // offered again once passed (the worker died).
    inFlightUntil: timestamp({ withTimezone: true }),
    deadlineAt: timestamp({ withTimezone: true }).notNull(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    lastStatusCode: integer(),
    lastDurationMs: integer(),
    // The first KiB of the last answer, or why there was none.
    lastResponse: text(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The claim: an endpoint's due deliveries, oldest first.
    index("webhook_deliveries_due")
      .on(t.endpointId, t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_in_flight")
      .on(t.endpointId)
      .where(sql`${t.inFlightUntil} is not null`),
    index().on(t.endpointId, t.createdAt),
    index().on(t.createdAt),
  ],
);
