import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { emailStatus } from "./enums";

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Sent to the provider so a retried delivery never becomes a second email.
    idempotencyKey: text().notNull().unique(),
    template: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    // What the message is about, as the module that queued it names it ("invitation:<id>"):
    // that module withdraws or extends its queued messages by it and reads it when an
    // outcome comes in; the outbox itself knows no invitation.
    topic: text(),
    // Who the email speaks for ("Anna Admin (Acme Certs GmbH)"): the sender's name
    // becomes "… via CertPortal", and replies go to that person, not to no-reply.
    onBehalfOf: text(),
    replyTo: text(),
    status: emailStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    lastError: text(),
    // Transient failures are retried until then; null: three days after creation.
    deadlineAt: timestamp({ withTimezone: true }),
    // The idempotency key of the provider request this message went out in, while
    // its outcome is unknown: a retry sends the same group under the same key.
    batchKey: text(),
    providerMessageId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
  },
  // Delivery reports find their message by the provider's id.
  (t) => [
    index().on(t.status, t.nextAttemptAt),
    index().on(t.providerMessageId),
    index().on(t.batchKey),
    index().on(t.topic),
  ],
);

// One row: the state of delivery shared by every worker and instance.
export const emailDelivery = pgTable("email_delivery", {
  id: integer().primaryKey(),
  // Set while delivery is paused for a configuration fault (a revoked key, no transport).
  pausedReason: text(),
  pausedAt: timestamp({ withTimezone: true }),
  // Until then no worker sends: the provider's Retry-After, or the next probe while paused.
  holdUntil: timestamp({ withTimezone: true }),
  // Pacing: the earliest moment the next request to the provider may start.
  nextSlotAt: timestamp({ withTimezone: true }),
});

// The development transport's store: what would have been sent, readable at /dev/mailbox.
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    fromAddress: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.createdAt.desc())],
);
