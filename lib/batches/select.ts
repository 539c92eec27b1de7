import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { invitations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { BatchKind } from "@/lib/enums";
import type { DisplayStatus } from "@/lib/invitations/constants";
import { type InvitationListParams, listInvitations } from "@/lib/invitations/queries";
import { canCancel, canExtend, canResend } from "@/lib/invitations/rules";
import { displayStatus } from "@/lib/invitations/status";
import { createActionBatch } from "./create";
import { BatchError } from "./errors";
import { ACTION_BATCH_MAX, BATCH_PERMISSION } from "./kinds";
import { runDueBatches, type BatchDeps } from "./run";

export type ActionKind = Exclude<BatchKind, "invite">;
export const ACTION_KINDS = ["resend", "cancel", "extend"] as const satisfies ActionKind[];

/** Rows chosen one by one, or every row of a filtered list ("all N matching this filter"). */
export type Selection = { ids: string[] } | { filter: InvitationListParams };

export const selectionIds = z.array(z.uuid()).min(1).max(ACTION_BATCH_MAX);

type Selected = {
  id: string;
  email: string;
  status: DisplayStatus;
  expiresAt: Date;
  sentAt: Date;
};

/** The chosen invitations of the actor's account, in the list's order; ids of any other account are left out. */
async function selected(
  db: Db,
  actor: Actor,
  selection: Selection,
  now: Date,
): Promise<Selected[]> {
  if ("ids" in selection) {
    const rows = await db
      .select({
        id: invitations.id,
        email: invitations.email,
        status: invitations.status,
        expiresAt: invitations.expiresAt,
        sentAt: invitations.sentAt,
      })
      .from(invitations)
      .where(
        and(eq(invitations.accountId, actor.accountId), inArray(invitations.id, selection.ids)),
      );
    const byId = new Map(rows.map((r) => [r.id, { ...r, status: displayStatus(r, now) }]));
    return selection.ids.flatMap((id) => byId.get(id) ?? []);
  }
  const out: Selected[] = [];
  let after: string | undefined;
  const filter = { ...selection.filter, before: undefined, after: undefined };
  do {
    const page = await listInvitations(db, actor.accountId, { ...filter, after }, now, {
      size: 1000,
    });
    out.push(...page.rows);
    if (out.length > ACTION_BATCH_MAX) throw new BatchError("batch_too_large");
    after = page.nextCursor ?? undefined;
  } while (after);
  return out;
}

/**
 * Why an action would skip an invitation, or null when it would act on it:
 * the same rules the action applies when its row's turn comes (which also
 * counts the hourly limits, so a plan may promise a few more than are done).
 */
export function skipReason(
  kind: ActionKind,
  inv: Selected,
  now: Date,
): DisplayStatus | "at_ceiling" | null {
  switch (kind) {
    case "resend":
      return canResend(inv, now) ? null : inv.status;
    case "cancel":
      return canCancel(inv, now) ? null : inv.status;
    case "extend":
      if (inv.status !== "pending") return inv.status;
      return canExtend(inv, now) ? null : "at_ceiling";
  }
}

export type ActionPlan = {
  kind: ActionKind;
  selected: number;
  acting: number;
  skipped: Partial<Record<DisplayStatus | "at_ceiling", number>>;
  /** More than INLINE_ACTION_MAX: it runs in the background. */
  background: boolean;
};

/** What an action on a selection would do, for its confirmation: how many, and which it skips why. Writes nothing. */
export async function planAction(
  db: Db,
  actor: Actor,
  input: { kind: ActionKind; selection: Selection },
  now: Date,
): Promise<ActionPlan> {
  authorize(actor, BATCH_PERMISSION[input.kind]);
  const rows = await selected(db, actor, input.selection, now);
  const skipped: ActionPlan["skipped"] = {};
  let acting = 0;
  for (const inv of rows) {
    const reason = skipReason(input.kind, inv, now);
    if (reason) skipped[reason] = (skipped[reason] ?? 0) + 1;
    else acting++;
  }
  return {
    kind: input.kind,
    selected: rows.length,
    acting,
    skipped,
    background: acting > INLINE_MAX,
  };
}

const INLINE_MAX = 100;

/**
 * Acts on a selection: the invitations it would act on become a batch (those
 * it would skip are left out); up to 100 are done before this returns, more
 * are left to the background workers. Either way the batch is its record.
 */
export async function actOnSelection(
  db: Db,
  actor: Actor,
  input: { kind: ActionKind; selection: Selection },
  now: Date,
  deps: BatchDeps,
): Promise<{ id: string; background: boolean }> {
  authorize(actor, BATCH_PERMISSION[input.kind]);
  const rows = (await selected(db, actor, input.selection, now)).filter(
    (inv) => skipReason(input.kind, inv, now) === null,
  );
  if (rows.length === 0) throw new BatchError("batch_empty");
  const { id } = await createActionBatch(db, actor, { kind: input.kind, invitations: rows }, now);
  const background = rows.length > INLINE_MAX;
  if (!background) await runDueBatches(db, deps, { only: id, now: () => now });
  return { id, background };
}
