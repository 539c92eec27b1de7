import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db";
import { invitationBatchRows, invitationBatches } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { BatchError } from "./errors";

export type BatchSummary = {
  id: string;
  kind: (typeof invitationBatches.$inferSelect)["kind"];
  status: (typeof invitationBatches.$inferSelect)["status"];
  fileName: string | null;
  total: number;
  done: number;
  succeeded: number;
  /** Rows done without doing what the batch does (refused by the preview, or when their turn came). */
  skipped: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

const summary = {
  id: invitationBatches.id,
  kind: invitationBatches.kind,
  status: invitationBatches.status,
  fileName: invitationBatches.fileName,
  total: invitationBatches.total,
  done: invitationBatches.done,
  succeeded: invitationBatches.succeeded,
  error: invitationBatches.error,
  createdAt: invitationBatches.createdAt,
  finishedAt: invitationBatches.finishedAt,
};

function withSkipped(row: Omit<BatchSummary, "skipped">): BatchSummary {
  return { ...row, skipped: row.done - row.succeeded };
}

/** One of the actor's account's batches; any other id is "not found". */
export async function getBatch(db: Db, actor: Actor, id: string): Promise<BatchSummary> {
  authorize(actor, "invitations.view");
  const [row] = await db
    .select(summary)
    .from(invitationBatches)
    .where(and(eq(invitationBatches.id, id), eq(invitationBatches.accountId, actor.accountId)));
  if (!row) throw new BatchError("batch_not_found");
  return withSkipped(row);
}

/** The account's latest batches, newest first. */
export async function recentBatches(db: Db, actor: Actor, limit = 10): Promise<BatchSummary[]> {
  authorize(actor, "invitations.view");
  const rows = await db
    .select(summary)
    .from(invitationBatches)
    .where(eq(invitationBatches.accountId, actor.accountId))
    .orderBy(desc(invitationBatches.createdAt))
    .limit(limit);
  return rows.map(withSkipped);
}

export type BatchResultRow = {
  row: number;
  email: string;
  outcome: string | null;
  invitationId: string | null;
};

/** A batch's rows in order, a page at a time after `afterRow` (the result file reads them all so). */
export async function batchRows(
  db: Db,
  actor: Actor,
  id: string,
  page: { afterRow?: number; limit: number },
): Promise<BatchResultRow[]> {
  await getBatch(db, actor, id);
  return db
    .select({
      row: invitationBatchRows.row,
      email: invitationBatchRows.email,
      outcome: invitationBatchRows.outcome,
      invitationId: invitationBatchRows.invitationId,
    })
    .from(invitationBatchRows)
    .where(
      and(eq(invitationBatchRows.batchId, id), gt(invitationBatchRows.row, page.afterRow ?? 0)),
    )
    .orderBy(asc(invitationBatchRows.row))
    .limit(page.limit);
}
