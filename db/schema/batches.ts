import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Actor } from "../../lib/auth/actor";
import { accounts } from "./accounts";
import { apiKeys } from "./api-keys";
import { batchKind, batchStatus } from "./enums";
import { invitations } from "./invitations";
import { users } from "./users";

/**
 * Work on many invitations at once, done in the background: the rows of a bulk
 * upload to invite, or the invitations chosen in Manage invitations to resend,
 * cancel or extend. A worker holds a batch while `leaseUntil` is ahead (one
 * instance at a time per batch); another takes it over once the lease runs out.
 */
export const invitationBatches = pgTable(
  "invitation_batches",
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: batchKind().notNull(),
    status: batchStatus().notNull().default("queued"),
    // Who asked for it: the job acts as them, with their rights as they are at each row.
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    apiKeyId: uuid().references(() => apiKeys.id, { onDelete: "set null" }),
    // The actor as they asked (names for the emails, the key's scope); each chunk
    // re-checks their rights, their account and the key as they are then.
    actor: jsonb().$type<Actor>().notNull(),
    // The original file's name, for the result file (a bulk upload only).
    fileName: text(),
    total: integer().notNull(),
    done: integer().notNull().default(0),
    succeeded: integer().notNull().default(0),
    leaseUntil: timestamp({ withTimezone: true }),
    // Why the batch stopped, when it failed as a whole (not a row's outcome).
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.accountId, t.createdAt),
    // What workers look for: few rows, found without reading finished batches.
    index("invitation_batches_open")
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

/**
 * One row of a batch: its number in the file (or its place in the selection),
 * the address, what to do, and once done, its outcome. A row and the change it
 * makes are written in one transaction, so a restarted batch does each row once.
 */
export const invitationBatchRows = pgTable(
  "invitation_batch_rows",
  {
    batchId: uuid()
      .notNull()
      .references(() => invitationBatches.id, { onDelete: "cascade" }),
    row: integer().notNull(),
    email: text().notNull(),
    // A bulk upload's row as the invitation use case takes it; null for the other kinds.
    input: jsonb().$type<Record<string, unknown>>(),
    // The invitation made (invite) or acted on (the other kinds).
    invitationId: uuid().references(() => invitations.id, { onDelete: "set null" }),
    // Null until done: "invited", "resent", "canceled", "extended", or why not (a code).
    outcome: text(),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.row] }),
    index("invitation_batch_rows_to_do")
      .on(t.batchId, t.row)
      .where(sql`${t.outcome} is null`),
  ],
);
