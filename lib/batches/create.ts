import { type Db } from "@/db";
import { invitationBatchRows, invitationBatches } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize, lockActor } from "@/lib/auth/authorize";
import type { BatchKind } from "@/lib/enums";
import type { BulkPreview } from "@/lib/invitations/bulk/preview";
import { limitFor } from "@/lib/rate-limit/limits";
import * as rateLimit from "@/lib/rate-limit/service";
import { BatchError } from "./errors";
import { ACTION_BATCH_MAX, BATCH_PERMISSION } from "./kinds";

/** Rows are written this many to a statement (each row takes four parameters). */
const INSERT_CHUNK = 2000;

type NewRow = {
  row: number;
  email: string;
  input?: unknown;
  invitationId?: string;
  outcome?: string;
};

/**
 * A batch and its rows, in one transaction: either all of it is queued or none.
 * Rows that already have an outcome (a preview's refusals) are done from the start.
 */
async function writeBatch(
  db: Db,
  actor: Actor,
  kind: BatchKind,
  rows: NewRow[],
  now: Date,
  fileName: string | null,
): Promise<{ id: string }> {
  authorize(actor, BATCH_PERMISSION[kind]);
  if (rows.length === 0) throw new BatchError("batch_empty");
  const limit = await rateLimit.hit(db, limitFor("batchesPerAccount", actor.accountId), now);
  if (!limit.allowed) throw new BatchError("batch_rate_limited");
  return db.transaction(async (tx) => {
    const current = await lockActor(tx, actor, BATCH_PERMISSION[kind]);
    const done = rows.filter((r) => r.outcome !== undefined).length;
    const [batch] = await tx
      .insert(invitationBatches)
      .values({
        accountId: current.accountId,
        kind,
        status: done === rows.length ? "completed" : "queued",
        createdBy: current.userId,
        apiKeyId: current.apiKey?.id ?? null,
        actor: current,
        fileName,
        total: rows.length,
        done,
        createdAt: now,
        finishedAt: done === rows.length ? now : null,
      })
      .returning({ id: invitationBatches.id });
    const batchId = batch!.id;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx.insert(invitationBatchRows).values(
        rows.slice(i, i + INSERT_CHUNK).map((r) => ({
          batchId,
          row: r.row,
          email: r.email,
          input: (r.input as Record<string, unknown> | undefined) ?? null,
          invitationId: r.invitationId ?? null,
          outcome: r.outcome ?? null,
        })),
      );
    }
    return { id: batchId };
  });
}

/**
 * Queues the rows of a checked bulk upload (previewBulkInvitations' answer):
 * the valid ones to invite, the others with their problems as their outcome,
 * so the result file has every row. A file without one valid row queues nothing.
 */
export async function createInviteBatch(
  db: Db,
  actor: Actor,
  input: { preview: BulkPreview; fileName?: string | null },
  now: Date,
): Promise<{ id: string }> {
  if (input.preview.counts.valid === 0) throw new BatchError("batch_empty");
  const rows = input.preview.rows.map((r) =>
    r.input && r.problems.length === 0
      ? { row: r.row, email: r.email, input: r.input }
      : { row: r.row, email: r.email, outcome: r.problems.join(" ") },
  );
  return writeBatch(db, actor, "invite", rows, now, input.fileName ?? null);
}

/**
 * Queues an action on chosen invitations, in the order given (ids not of the
 * actor's account are answered "not found" when their row runs, like one at a time).
 */
export async function createActionBatch(
  db: Db,
  actor: Actor,
  input: { kind: Exclude<BatchKind, "invite">; invitations: { id: string; email: string }[] },
  now: Date,
): Promise<{ id: string }> {
  if (input.invitations.length > ACTION_BATCH_MAX) throw new BatchError("batch_too_large");
  const rows = input.invitations.map((inv, i) => ({
    row: i + 1,
    email: inv.email,
    invitationId: inv.id,
  }));
  return writeBatch(db, actor, input.kind, rows, now, null);
}
