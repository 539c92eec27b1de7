import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Db, selectRows } from "@/db";
import { apiKeys, invitationBatchRows, invitationBatches } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { lockActor } from "@/lib/auth/authorize";
import { apiKeyStatus } from "@/lib/api-keys/rules";
import type { BatchKind } from "@/lib/enums";
import { DomainError, describeError } from "@/lib/errors";
import { extendInvitation } from "@/lib/invitations/extend";
import { newInvitationInput } from "@/lib/invitations/inputs";
import {
  cancelInvitation,
  insertInvitation,
  invitableTypesOf,
  type InvitationDeps,
  prepareInvitation,
  resendInvitation,
} from "@/lib/invitations/send";
import { BATCH_PERMISSION, DONE_OUTCOME } from "./kinds";

/** A worker holds a batch this long past its last chunk; a killed one's batch is taken over after it. */
export const LEASE_MS = 60_000;
/** Rows done in one transaction: a killed worker loses at most one chunk's work, none of it half done. */
const CHUNK = 25;

type Batch = typeof invitationBatches.$inferSelect;
type Row = typeof invitationBatchRows.$inferSelect;
export type BatchDeps = Pick<InvitationDeps, "appUrl">;

/** What one row of each kind of action does, through the same use case as one click. */
const ACTIONS: Record<
  Exclude<BatchKind, "invite">,
  (tx: Db, actor: Actor, id: string, now: Date, deps: BatchDeps) => Promise<unknown>
> = {
  resend: (tx, actor, id, now, deps) => resendInvitation(tx, actor, { id }, now, deps),
  cancel: (tx, actor, id, now) => cancelInvitation(tx, actor, { id }, now),
  extend: (tx, actor, id, now) => extendInvitation(tx, actor, { id }, now),
};

/** Takes the oldest open batch no worker holds (queued, or running under a lapsed lease); or that one. */
async function claim(db: Db, now: Date, only?: string): Promise<Batch | null> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const [claimed] = await selectRows<{ id: string }>(
    db,
    sql`update invitation_batches set status = 'running', lease_until = ${lease.toISOString()}::timestamptz,
          started_at = coalesce(started_at, ${now.toISOString()}::timestamptz)
        where id = (
          select id from invitation_batches
          where status in ('queued', 'running')
            and (lease_until is null or lease_until <= ${now.toISOString()}::timestamptz)
            ${only ? sql`and id = ${only}` : sql``}
          order by created_at limit 1
          for update skip locked)
        returning id`,
  );
  if (!claimed) return null;
  const [batch] = await db
    .select()
    .from(invitationBatches)
    .where(eq(invitationBatches.id, claimed.id));
  return batch ?? null;
}

/**
 * Renews the lease for one more chunk, in the chunk's transaction: the row lock
 * keeps every other worker off the batch until it commits, and a worker whose
 * lease another has taken over finds nothing to renew and stops.
 */
async function renew(tx: Db, batch: Batch, now: Date): Promise<Batch | null> {
  const [renewed] = await tx
    .update(invitationBatches)
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(
        eq(invitationBatches.id, batch.id),
        eq(invitationBatches.status, "running"),
        eq(invitationBatches.leaseUntil, batch.leaseUntil!),
      ),
    )
    .returning();
  return renewed ?? null;
}

/** The actor as they are now: their rights and account (lockActor) and, for a key, the key itself. */
async function currentActor(tx: Db, batch: Batch, now: Date): Promise<Actor> {
  const actor = await lockActor(tx, batch.actor, BATCH_PERMISSION[batch.kind]);
  if (!actor.apiKey) return actor;
  const [key] = batch.apiKeyId
    ? await tx
        .select({ revokedAt: apiKeys.revokedAt, expiresAt: apiKeys.expiresAt })
        .from(apiKeys)
        .where(eq(apiKeys.id, batch.apiKeyId))
    : [];
  if (!key || apiKeyStatus(key, now) !== "active") throw new DomainError("forbidden");
  return actor;
}

function outcomeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  throw error;
}

/** Invites one chunk's rows: emails rendered, then each row and its invitation in one savepoint. */
async function inviteRows(tx: Db, actor: Actor, rows: Row[], now: Date, deps: BatchDeps) {
  const allowed = await invitableTypesOf(tx, actor.accountId);
  const outcomes: { row: Row; outcome: string; invitationId: string | null }[] = [];
  for (const row of rows) {
    const input = newInvitationInput.parse(row.input);
    if (!allowed.includes(input.subaccountType)) {
      outcomes.push({ row, outcome: "invitation_type_not_allowed", invitationId: null });
      continue;
    }
    const prepared = await prepareInvitation(actor, input, now, deps);
    try {
      await tx.transaction((sp) => insertInvitation(sp, actor, prepared, now));
      outcomes.push({ row, outcome: DONE_OUTCOME.invite, invitationId: prepared.id });
    } catch (error) {
      outcomes.push({ row, outcome: outcomeOf(error), invitationId: null });
    }
  }
  return outcomes;
}

async function actOnRows(
  tx: Db,
  kind: Exclude<BatchKind, "invite">,
  actor: Actor,
  rows: Row[],
  now: Date,
  deps: BatchDeps,
) {
  const outcomes: { row: Row; outcome: string; invitationId: string | null }[] = [];
  for (const row of rows) {
    try {
      await tx.transaction((sp) => ACTIONS[kind](sp, actor, row.invitationId ?? "", now, deps));
      outcomes.push({ row, outcome: DONE_OUTCOME[kind], invitationId: row.invitationId });
    } catch (error) {
      outcomes.push({ row, outcome: outcomeOf(error), invitationId: row.invitationId });
    }
  }
  return outcomes;
}

type ChunkResult = "more" | "finished" | "lost";

/** One chunk in one transaction: the lease, the rows still to do (locked), their changes and outcomes. */
async function runChunk(
  db: Db,
  held: { batch: Batch },
  now: Date,
  deps: BatchDeps,
): Promise<ChunkResult> {
  return db.transaction(async (tx) => {
    const batch = await renew(tx, held.batch, now);
    if (!batch) return "lost";
    held.batch = batch;
    const rows = await tx
      .select()
      .from(invitationBatchRows)
      .where(and(eq(invitationBatchRows.batchId, batch.id), isNull(invitationBatchRows.outcome)))
      .orderBy(asc(invitationBatchRows.row))
      .limit(CHUNK)
      .for("update", { skipLocked: true });
    if (rows.length === 0) {
      await tx
        .update(invitationBatches)
        .set({ status: "completed", finishedAt: now, leaseUntil: null })
        .where(eq(invitationBatches.id, batch.id));
      return "finished";
    }
    const actor = await currentActor(tx, batch, now);
    const outcomes =
      batch.kind === "invite"
        ? await inviteRows(tx, actor, rows, now, deps)
        : await actOnRows(tx, batch.kind, actor, rows, now, deps);
    for (const { row, outcome, invitationId } of outcomes) {
      await tx
        .update(invitationBatchRows)
        .set({ outcome, invitationId })
        .where(
          and(eq(invitationBatchRows.batchId, batch.id), eq(invitationBatchRows.row, row.row)),
        );
    }
    const succeeded = outcomes.filter((o) => o.outcome === DONE_OUTCOME[batch.kind]).length;
    await tx
      .update(invitationBatches)
      .set({
        done: sql`${invitationBatches.done} + ${outcomes.length}`,
        succeeded: sql`${invitationBatches.succeeded} + ${succeeded}`,
      })
      .where(eq(invitationBatches.id, batch.id));
    return "more";
  });
}

/** A batch that cannot go on as a whole (its starter lost the right, or something unexpected). */
async function fail(db: Db, batch: Batch, error: unknown, now: Date) {
  const reason = error instanceof DomainError ? error.code : describeError(error);
  if (!(error instanceof DomainError)) console.error(`Batch ${batch.id} failed:`, reason);
  await db
    .update(invitationBatches)
    .set({ status: "failed", error: reason, finishedAt: now, leaseUntil: null })
    .where(eq(invitationBatches.id, batch.id));
}

export type BatchRunOptions = {
  /** Time as the run sees it: tests step it; the workers read the clock. */
  now?: () => Date;
  /** After each chunk's commit (the emails it queued go out at once). */
  afterChunk?: () => void;
  /** Stop after this many chunks (tests: a worker killed halfway). */
  maxChunks?: number;
  /** Run this batch only (a small action, done before its request answers). */
  only?: string;
};

/**
 * Works through the open batches one at a time until none is left (or
 * `maxChunks`): each held by a lease so that one worker runs it at a time, each
 * row done once whatever stops a worker midway. Returns the chunks done.
 */
export async function runDueBatches(
  db: Db,
  deps: BatchDeps,
  options: BatchRunOptions = {},
): Promise<number> {
  const now = options.now ?? (() => new Date());
  let chunks = 0;
  for (;;) {
    const claimed = await claim(db, now(), options.only);
    if (!claimed) return chunks;
    const held = { batch: claimed };
    for (;;) {
      if (options.maxChunks !== undefined && chunks >= options.maxChunks) return chunks;
      let result: ChunkResult;
      try {
        result = await runChunk(db, held, now(), deps);
      } catch (error) {
        await fail(db, held.batch, error, now());
        break;
      }
      chunks++;
      options.afterChunk?.();
      if (result !== "more") break;
    }
  }
}
