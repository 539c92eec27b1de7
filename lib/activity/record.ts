import { isDeepStrictEqual } from "node:util";
import type { Db } from "@/db";
import { activity } from "@/db/schema";
import type { ActivityKind } from "@/lib/enums";
import type { ActivityValue } from "./values";

export type ActivityChange = {
  kind: ActivityKind;
  /** The product or user the change is about, when the account has several. */
  subject?: string | null;
  from: ActivityValue;
  to: ActivityValue;
};

/**
 * Writes the changes that changed something to an account's log, inside the
 * caller's transaction: the log and the change stand or fall together.
 */
export async function recordActivity(
  tx: Db,
  /** The actor is null for a change the portal made by itself (a contract that started). */
  context: {
    accountId: string;
    actor: { userId: string | null; name: string; apiKey?: { id: string; name: string } | null };
    now: Date;
  },
  changes: ActivityChange[],
) {
  const real = changes.filter((c) => !isDeepStrictEqual(c.from, c.to));
  if (real.length === 0) return;
  await tx.insert(activity).values(
    real.map((c) => ({
      accountId: context.accountId,
      actorUserId: context.actor.userId,
      actorName: context.actor.name,
      actorApiKeyId: context.actor.apiKey?.id ?? null,
      actorApiKeyName: context.actor.apiKey?.name ?? null,
      kind: c.kind,
      subject: c.subject ?? null,
      oldValue: c.from,
      newValue: c.to,
      createdAt: context.now,
    })),
  );
}

/**
 * One change per field, named by the field: an account's organization and
 * contact details, say, where any of a dozen may change at once.
 * `recordActivity` keeps only those whose value differs.
 */
export function fieldChanges<F extends string>(
  kind: ActivityKind,
  fields: readonly F[],
  before: Partial<Record<F, string | null>>,
  after: Partial<Record<F, string | null>>,
): ActivityChange[] {
  return fields.map((field) => ({
    kind,
    subject: field,
    from: before[field] ?? null,
    to: after[field] ?? null,
  }));
}
