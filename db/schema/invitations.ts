import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { InvitationTerms } from "@/lib/invitations/terms";
import { accounts } from "./accounts";
import { apiKeys } from "./api-keys";
import {
  accountType,
  invitationDelivery,
  invitationEventType,
  invitationStatus,
  locale,
} from "./enums";
import { users } from "./users";

// "expired" is derived from expires_at for pending rows (see lib/invitations/status.ts).
// It is written to disk by the expiry sweep, and at once when a newer invitation to
// the same address takes an expired one's place, so that the partial unique index
// below keeps one live invitation per address.

export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id),
    email: text().notNull(),
    subaccountType: accountType().notNull(),
    customMessage: text(),
    // Optional: who the invitation is for, to greet them and fill in the accept form.
    inviteeFirstName: text(),
    inviteeLastName: text(),
    inviteeCompany: text(),
    // What the subaccount its acceptance creates starts with (lib/invitations/terms.ts);
    // null: the defaults of every invited subaccount.
    terms: jsonb().$type<InvitationTerms>(),
    locale: locale().notNull(),
    // SHA-256 of the token; the token itself only ever travels in the email.
    tokenHash: text().notNull(),
    status: invitationStatus().notNull().default("pending"),
    sentBy: uuid()
      .notNull()
      .references(() => users.id),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    lastSentAt: timestamp({ withTimezone: true }).notNull(),
    sendCount: integer().notNull().default(1),
    // The send whose reminder went out (0: none yet): one reminder per send.
    remindedSendCount: integer().notNull().default(0),
    deliveryStatus: invitationDelivery().notNull().default("sending"),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedAccountId: uuid().references(() => accounts.id),
    canceledAt: timestamp({ withTimezone: true }),
    canceledBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.tokenHash),
    uniqueIndex("invitations_one_pending_per_email")
      .on(t.accountId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'pending'`),
    // Manage invitations: by date last sent, optionally by status, keyset on (last_sent_at, id).
    // Ascending on purpose: scanned forwards for "oldest first" and backwards for
    // "newest first" (DESC NULLS FIRST, PostgreSQL's default for ORDER BY … DESC).
    index().on(t.accountId, t.lastSentAt, t.id),
    index().on(t.accountId, t.status, t.lastSentAt, t.id),
    // "Delivery problems": few rows, found without scanning the account's invitations.
    // Search by part of the address (ILIKE '%…%'): trigrams, case-insensitive by design.
    index("invitations_email_trgm").using("gin", t.email.op("gin_trgm_ops")),
    // Pending invitations past their expiry: what the sweep closes out, and the few
    // it has not reached yet per account (the Expired list and the counts). Per
    // account and not global: a global one tempts the planner to read every pending
    // row of every account for a filtered list.
    index("invitations_account_pending_expiry")
      .on(t.accountId, t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
    index("invitations_delivery_problems")
      .on(t.accountId, t.lastSentAt, t.id)
      .where(sql`${t.deliveryStatus} in ('bounced', 'failed')`),
    // Pending invitations not yet reminded of their current send: what the reminder
    // sweep reads, by expiry, across accounts. Rows leave it once reminded.
    index("invitations_reminder_due")
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending' and ${t.remindedSendCount} < ${t.sendCount}`),
    // A subaccount's page names the invitation it was made from: only accepted ones.
    index("invitations_accepted_account")
      .on(t.acceptedAccountId)
      .where(sql`${t.acceptedAccountId} is not null`),
  ],
);

export const invitationEvents = pgTable(
  "invitation_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    invitationId: uuid()
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    type: invitationEventType().notNull(),
    actorUserId: uuid().references(() => users.id),
    // Set when the change came through the API: the key that made it (acting as actorUserId).
    actorApiKeyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    detail: jsonb().$type<Record<string, string | number | null>>(),
    // The mail provider's id of the report this event records: each is recorded once.
    providerEventId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index().on(t.invitationId, t.createdAt),
    uniqueIndex()
      .on(t.providerEventId)
      .where(sql`${t.providerEventId} is not null`),
  ],
);

/**
 * How many invitations of each stored status an account holds, kept by triggers
 * in the same transaction as every change to invitations (migration 0010), so
 * that no page counts an account's rows.
 */
export const invitationCounts = pgTable(
  "invitation_counts",
  {
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    status: invitationStatus().notNull(),
    n: bigint({ mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.status] })],
);

/**
 * The hashes of links a resend replaced, so that an old link can say "a newer
 * invitation was sent" instead of "not valid". Only hashes, as for live links.
 */
export const invitationRetiredTokens = pgTable(
  "invitation_retired_tokens",
  {
    tokenHash: text().primaryKey(),
    invitationId: uuid()
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    retiredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.invitationId)],
);

// Named starting points for invitations: chosen on the invite form, by a bulk
// file's `template` column or the API's `template_id`. An invitation copies what it
// takes from one, so a later edit of the template never changes it.
export const invitationTemplates = pgTable(
  "invitation_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text().notNull(),
    subaccountType: accountType().notNull(),
    locale: locale().notNull(),
    customMessage: text(),
    terms: jsonb().$type<InvitationTerms>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  // One name per account, whatever its case: a bulk file names its template.
  (t) => [uniqueIndex("invitation_templates_name").on(t.accountId, sql`lower(${t.name})`)],
);
