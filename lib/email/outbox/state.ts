import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { emailDelivery } from "@/db/schema";
import { NO_TRANSPORT_REASON } from "../transport";

/** The delivery state every worker shares: paused, held (Retry-After), paced. */

// While paused (a revoked key, no transport), one attempt a minute tests whether it is fixed.
const PAUSE_PROBE_MS = 60 * 1000;
const STATE_ID = 1;

export async function deliveryState(db: Db) {
  await db.insert(emailDelivery).values({ id: STATE_ID }).onConflictDoNothing();
  const [row] = await db.select().from(emailDelivery).where(eq(emailDelivery.id, STATE_ID));
  return row!;
}

export type EmailDeliveryStatus =
  { state: "running" } | { state: "paused"; reason: string; since: Date | null };

/**
 * Whether email is going out, for the health check and the Administrators'
 * banner. An instance that is meant to deliver but has no transport says so
 * itself; it does not hold up other workers that have one.
 */
export async function emailDeliveryStatus(
  db: Db,
  instance: { delivers: boolean; hasTransport: boolean } = { delivers: true, hasTransport: true },
): Promise<EmailDeliveryStatus> {
  if (instance.delivers && !instance.hasTransport)
    return { state: "paused", reason: NO_TRANSPORT_REASON, since: null };
  // A read on every page an Administrator opens: no row yet means never paused.
  const [row] = await db
    .select({ pausedReason: emailDelivery.pausedReason, pausedAt: emailDelivery.pausedAt })
    .from(emailDelivery)
    .where(eq(emailDelivery.id, STATE_ID));
  return row?.pausedReason
    ? { state: "paused", reason: row.pausedReason, since: row.pausedAt }
    : { state: "running" };
}

export async function pause(db: Db, reason: string, now: Date) {
  await deliveryState(db);
  await db
    .update(emailDelivery)
    .set({
      pausedReason: reason,
      pausedAt: sql`coalesce(${emailDelivery.pausedAt}, ${now.toISOString()}::timestamptz)`,
      holdUntil: new Date(now.getTime() + PAUSE_PROBE_MS),
    })
    .where(eq(emailDelivery.id, STATE_ID));
}

export async function resume(db: Db) {
  // The probe went through: the wait it set for the others is over too.
  await db
    .update(emailDelivery)
    .set({ pausedReason: null, pausedAt: null, holdUntil: null })
    .where(and(eq(emailDelivery.id, STATE_ID), isNotNull(emailDelivery.pausedReason)));
}

/** No worker sends before `until` (the provider's Retry-After). */
export async function holdUntil(db: Db, until: Date) {
  await db
    .update(emailDelivery)
    .set({
      holdUntil: sql`greatest(coalesce(${emailDelivery.holdUntil}, ${until.toISOString()}::timestamptz), ${until.toISOString()}::timestamptz)`,
    })
    .where(eq(emailDelivery.id, STATE_ID));
}

/**
 * Reserves the next request slot: requests start at least 1/rps seconds apart,
 * across every worker and instance, since the slot is taken in PostgreSQL with
 * one atomic update, on the database's clock (the instances' clocks may differ).
 * Returns how long the caller waits before its request may start.
 */
export async function reserveSlot(db: Db, requestsPerSecond: number): Promise<number> {
  // A little over 1/rps apart, so that network jitter cannot put rps + 1 requests
  // into one second at the provider's end.
  const spacing = (1 / requestsPerSecond) * 1.05;
  const start = sql`greatest(coalesce(${emailDelivery.nextSlotAt}, clock_timestamp()), clock_timestamp())`;
  const [row] = await db
    .update(emailDelivery)
    .set({ nextSlotAt: sql`${start} + make_interval(secs => ${spacing})` })
    .where(eq(emailDelivery.id, STATE_ID))
    .returning({
      waitMs: sql<number>`greatest(0, extract(epoch from (${emailDelivery.nextSlotAt} - make_interval(secs => ${spacing}) - clock_timestamp())) * 1000)`,
    });
  return Number(row?.waitMs ?? 0);
}

/**
 * Whether a request may go out now: not while the provider asked to wait; while
 * paused, only the one worker that takes the next probe (one a minute).
 */
export async function mayRequest(db: Db, now: Date): Promise<boolean> {
  const state = await deliveryState(db);
  if (state.holdUntil && state.holdUntil > now) return false;
  if (!state.pausedReason) return true;
  const [probe] = await db
    .update(emailDelivery)
    .set({ holdUntil: new Date(now.getTime() + PAUSE_PROBE_MS) })
    .where(
      and(
        eq(emailDelivery.id, STATE_ID),
        sql`(${emailDelivery.holdUntil} is null or ${emailDelivery.holdUntil} <= ${now.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: emailDelivery.id });
  return !!probe;
}
