import { sql } from "drizzle-orm";
import { type Db, selectRows } from "@/db";
import { recordInvitationEvents } from "@/lib/events/record";

/** Any constant works; it only has to be the same for every instance of the app. */
const SWEEP_LOCK = 727_003;

/**
 * Closes out pending invitations past their expiry as "expired", so that the
 * Expired list and the counts are served by the stored status. What it has not
 * reached yet still shows as expired (see `lapsedCondition`): the sweep makes
 * lists fast, never right or wrong. One instance sweeps at a time (an advisory
 * lock); rows locked by a change in progress are left for the next sweep.
 * Returns how many it closed out.
 */
export async function closeOutExpiredInvitations(
  db: Db,
  now: Date,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const maxBatches = options.maxBatches ?? 100;
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const closed = await db.transaction(async (tx) => {
      const [lock] = await selectRows<{ locked: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as locked`,
      );
      if (!lock?.locked) return null;
      const closed = await selectRows<{ id: string }>(
        tx,
        sql`
        with due as (
          select id from invitations
          where status = 'pending' and expires_at <= ${now.toISOString()}::timestamptz
          -- In the order of the partial index of pending expiries, which serves it.
          order by account_id, expires_at
          limit ${batchSize}
          for update skip locked
        )
        update invitations set status = 'expired' from due where invitations.id = due.id
        returning invitations.id`,
      );
      await recordInvitationEvents(
        tx,
        "invitation.expired",
        closed.map((row) => row.id),
        now,
      );
      return closed.length;
    });
    if (closed === null) break;
    total += closed;
    if (closed < batchSize) break;
  }
  return total;
}
