import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { invitations } from "./invitations";

export const emailStatus = pgEnum("email_status", ["pending", "sent", "failed"]);

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
    invitationId: uuid().references(() => invitations.id, { onDelete: "set null" }),
    status: emailStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    lastError: text(),
    providerMessageId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
  },
  // Delivery reports find their message by the provider's id.
  (t) => [index().on(t.status, t.nextAttemptAt), index().on(t.providerMessageId)],
);

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
