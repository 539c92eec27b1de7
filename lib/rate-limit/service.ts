import { and, eq, gt, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimit = { key: string; limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

function windowEdge(now: Date, windowSeconds: number) {
  return new Date(now.getTime() - windowSeconds * 1000);
}

const at = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;

/**
 * The one upsert that counts a hit, for each row `source` yields as (key,
 * window start, 1): a fresh window once the last has passed, else one more.
 * Its placeholders: `now`, and `edge` (now less the window).
 */
export function countHits(db: Db, source: SQL) {
  const stale = sql`${rateLimits.windowStart} <= ${at("edge")}`;
  return db
    .insert(rateLimits)
    .select(source)
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        windowStart: sql`case when ${stale} then ${at("now")} else ${rateLimits.windowStart} end`,
        count: sql`case when ${stale} then 1 else ${rateLimits.count} + 1 end`,
      },
    })
    .returning();
}

/** The values of `countHits`'s placeholders for a rule at a moment. */
export function hitMoments(rule: Pick<RateLimit, "windowSeconds">, now: Date) {
  return { now: now.toISOString(), edge: windowEdge(now, rule.windowSeconds).toISOString() };
}

function hitQuery(db: Db) {
  return countHits(db, sql`values (${sql.placeholder("key")}, ${at("now")}, 1)`).prepare(
    "rate_limit_hit",
  );
}

const prepared = new WeakMap<Db, ReturnType<typeof hitQuery>>();

/**
 * Counts one hit against a fixed window kept in PostgreSQL, so every app
 * instance sees the same count. One upsert: no read-then-write race. Prepared:
 * every API request, sign-in and link runs it.
 */
export async function hit(db: Db, rule: RateLimit, now: Date): Promise<RateLimitResult> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = hitQuery(db)));
  const [row] = await query.execute({ key: rule.key, ...hitMoments(rule, now) });
  return toResult(rule, row!, now);
}

/** The current state of a limit without counting a hit. */
export async function peek(db: Db, rule: RateLimit, now: Date): Promise<RateLimitResult> {
  const [row] = await db
    .select()
    .from(rateLimits)
    .where(
      and(
        eq(rateLimits.key, rule.key),
        gt(rateLimits.windowStart, windowEdge(now, rule.windowSeconds)),
      ),
    );
  if (!row) return { allowed: true, count: 0, retryAfterSeconds: 0 };
  // Another hit is allowed only while the count is below the limit.
  return { ...toResult(rule, row, now), allowed: row.count < rule.limit };
}

/** Gives one counted hit back (an attempt that turned out to be legitimate). */
export async function refund(db: Db, key: string) {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

export async function reset(db: Db, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

export function toResult(
  rule: Omit<RateLimit, "key">,
  row: { windowStart: Date; count: number },
  now: Date,
): RateLimitResult {
  const windowEndsAt = row.windowStart.getTime() + rule.windowSeconds * 1000;
  return {
    allowed: row.count <= rule.limit,
    count: row.count,
    retryAfterSeconds: Math.max(0, Math.ceil((windowEndsAt - now.getTime()) / 1000)),
  };
}

/** Forgets counters whose window began before `before`; none of today's limits looks back that far. */
export async function prune(db: Db, before: Date): Promise<number> {
  const removed = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, before))
    .returning({ key: rateLimits.key });
  return removed.length;
}

export type Slots = { key: string; limit: number; leaseSeconds: number };

/**
 * Takes one of `limit` slots of something that runs for a while (a download),
 * counted in PostgreSQL like the limits above: one row per slot held, which the
 * holder renews as it goes and deletes when done. A slot not renewed within its
 * lease (an instance that died mid-download) may be taken again. Returns the
 * slot's key, or null when all are taken.
 */
export async function acquireSlot(db: Db, slots: Slots, now: Date): Promise<string | null> {
  const stale = sql`${rateLimits.windowStart} <= ${windowEdge(now, slots.leaseSeconds).toISOString()}::timestamptz`;
  for (let slot = 0; slot < slots.limit; slot++) {
    const key = `${slots.key}:${slot}`;
    const taken = await db
      .insert(rateLimits)
      .values({ key, windowStart: now, count: 1 })
      .onConflictDoUpdate({ target: rateLimits.key, set: { windowStart: now }, setWhere: stale })
      .returning({ key: rateLimits.key });
    if (taken.length > 0) return key;
  }
  return null;
}

/** Keeps a held slot from passing its lease. */
export async function renewSlot(db: Db, key: string, now: Date) {
  await db.update(rateLimits).set({ windowStart: now }).where(eq(rateLimits.key, key));
}

/** Gives a slot back. */
export async function releaseSlot(db: Db, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
