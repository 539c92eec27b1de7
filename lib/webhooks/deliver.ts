import { and, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { type Clock, systemClock } from "@/lib/background/clock";
import { describeError } from "@/lib/errors";
import type { DestinationRules } from "./destination";
import { notifyEndpointDisabled } from "./notify";
import { openSecret } from "./secret-box";
import { type Attempt, retryable, sendWebhook, succeeded } from "./send";

/**
 * The webhook worker: claims due deliveries (SKIP LOCKED, so any number of
 * workers and instances share them), sends each on its own, and records each
 * as it ends. At most `perEndpoint` attempts to one endpoint are under way at
 * once across every worker, and each lasts at most its timeout, so a slow or
 * dead endpoint holds a few of the worker's slots, never the others' deliveries.
 */

/** Waits after the first, second, … failed attempt (Standard Webhooks' schedule), then 10 h. */
const BACKOFF_MS = [5, 300, 1800, 7200, 18_000, 36_000].map((s) => s * 1000);
/** An attempt not recorded by then (its worker died) is offered again. */
const LEASE_MS = 60_000;
/** An endpoint failing this long, without one success, is turned off. */
export const DISABLE_AFTER_MS = 5 * 24 * 60 * 60 * 1000;
/** Attempts under way at once in one worker, and to one endpoint across every worker. */
export const WORKER_CONCURRENCY = 32;
export const PER_ENDPOINT = 4;

export function backoffMs(attempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1]!;
}

export type WebhookWorkOptions = DestinationRules & {
  clock?: Clock;
  /** Attempts under way at once in this worker. */
  concurrency?: number;
  /** Attempts under way at once to one endpoint, across every worker. */
  perEndpoint?: number;
  timeoutMs?: number;
  /** No new claims after this moment (the poller's turn ends). */
  until?: Date;
  /** Where the email to Administrators links to. */
  appUrl: string;
};

export type WebhookReport = { succeeded: number; retrying: number; failed: number };

type Claimed = typeof webhookDeliveries.$inferSelect;
/** Where a claimed delivery goes, and whether its endpoint was failing when it was claimed. */
type Target = { url: string; secrets: string[] | null; failing: boolean };

/**
 * Delivers what is due until nothing is (or `until`), and answers what
 * happened. Safe to run from any number of processes at once.
 */
export async function deliverWebhooks(db: Db, options: WebhookWorkOptions): Promise<WebhookReport> {
  const clock = options.clock ?? systemClock;
  const concurrency = options.concurrency ?? WORKER_CONCURRENCY;
  const perEndpoint = options.perEndpoint ?? PER_ENDPOINT;
  const batch = Math.max(1, Math.floor(concurrency / 4));
  const report: WebhookReport = { succeeded: 0, retrying: 0, failed: 0 };
  await expireOverdue(db, clock.now());
  const running = new Set<Promise<void>>();
  const done: Success[] = [];
  let drained = false;
  for (;;) {
    const now = clock.now();
    const open = !options.until || now < options.until;
    // Claimed a few at a time, not one per finished attempt: a claim is a round trip.
    const free = concurrency - running.size;
    if (open && !drained && (free >= batch || (free > 0 && running.size === 0))) {
      // Recorded first: an attempt done but not recorded still counts as under way.
      await recordSuccesses(db, done, report);
      const claimed = await claim(db, now, free, perEndpoint);
      for (const { delivery, target } of claimed) {
        const task = attempt(db, delivery, target, options, clock, report, done)
          .catch((error: unknown) =>
            console.error("A webhook delivery could not be recorded:", describeError(error)),
          )
          .finally(() => running.delete(task));
        running.add(task);
      }
      // Attempts that ended during the claim still held their endpoints' places: look again.
      if (claimed.length > 0 || done.length > 0) continue;
      drained = true;
    }
    if (running.size === 0) break;
    await Promise.race(running);
    if (running.size === 0 || done.length >= batch) await recordSuccesses(db, done, report);
    // A slot is free, and an endpoint that was busy may have a next delivery.
    drained = false;
  }
  await recordSuccesses(db, done, report);
  return report;
}

/** Fails what can no longer be sent in time (its endpoint was off past the deadline). */
async function expireOverdue(db: Db, now: Date) {
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", lastError: "not delivered within three days" })
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.deadlineAt, now),
        sql`(${webhookDeliveries.inFlightUntil} is null or ${webhookDeliveries.inFlightUntil} <= ${now.toISOString()}::timestamptz)`,
      ),
    );
}

async function claim(
  db: Db,
  now: Date,
  limit: number,
  perEndpoint: number,
): Promise<{ delivery: Claimed; target: Target }[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    // Endpoint by endpoint (those that are on), the oldest due deliveries, as many
    // as its attempts under way leave room for; then the oldest of those. Rows of an
    // endpoint that is off, or full, are never in the way of another's.
    const candidates = (await tx.execute(sql`
      select due.id from webhook_endpoints e
      cross join lateral (
        select count(*)::int as busy from webhook_deliveries f
        where f.endpoint_id = e.id and f.in_flight_until > ${at}
      ) flight
      cross join lateral (
        select d.id, d.next_attempt_at from webhook_deliveries d
        where d.endpoint_id = e.id and d.status = 'pending' and d.next_attempt_at <= ${at}
        order by d.next_attempt_at
        limit greatest(0, ${perEndpoint}::int - flight.busy)
      ) due
      where e.enabled
      order by due.next_attempt_at
      limit ${limit}
    `)) as unknown as { rows: { id: string }[] };
    const ids = candidates.rows.map((row) => row.id);
    if (ids.length === 0) return [];
    const lease = new Date(now.getTime() + LEASE_MS);
    const claimed = await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        inFlightUntil: lease,
        nextAttemptAt: lease,
        lastAttemptAt: now,
      })
      .where(
        inArray(
          webhookDeliveries.id,
          tx
            .select({ id: webhookDeliveries.id })
            .from(webhookDeliveries)
            .where(
              and(
                inArray(webhookDeliveries.id, ids),
                eq(webhookDeliveries.status, "pending"),
                lte(webhookDeliveries.nextAttemptAt, now),
              ),
            )
            .for("update", { skipLocked: true }),
        ),
      )
      .returning();
    if (claimed.length === 0) return [];
    const endpoints = await tx
      .select({
        id: webhookEndpoints.id,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        previousSecret: webhookEndpoints.previousSecret,
        previousSecretUntil: webhookEndpoints.previousSecretUntil,
        failingSince: webhookEndpoints.failingSince,
      })
      .from(webhookEndpoints)
      .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((d) => d.endpointId))]));
    const targets = new Map(
      endpoints.map((e) => [
        e.id,
        {
          url: e.url,
          failing: e.failingSince !== null,
          secrets: secretsOf(e, now),
        },
      ]),
    );
    return claimed.map((delivery) => ({ delivery, target: targets.get(delivery.endpointId)! }));
  });
}

/**
 * The secrets a delivery is signed with: the current one, and the one before
 * while its day of overlap lasts. Null when the current one cannot be opened
 * (AUTH_SECRET changed): the delivery fails like any other, not the whole claim.
 */
function secretsOf(
  e: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null },
  now: Date,
): string[] | null {
  try {
    const current = openSecret(e.secret);
    const previous =
      e.previousSecret && e.previousSecretUntil && e.previousSecretUntil > now
        ? [openSecret(e.previousSecret)]
        : [];
    return [current, ...previous];
  } catch {
    return null;
  }
}

function describeAttempt(result: Attempt): {
  code: number | null;
  answer: string | null;
  error: string | null;
} {
  switch (result.kind) {
    case "answered":
      return { code: result.status, answer: result.excerpt, error: null };
    case "failed":
      return { code: null, answer: null, error: result.reason.slice(0, 500) };
    case "refused":
      return {
        code: null,
        answer: null,
        error: `refused: ${result.reason}${result.address ? ` (${result.address})` : ""}`,
      };
  }
}

async function attempt(
  db: Db,
  delivery: Claimed,
  target: Target,
  options: WebhookWorkOptions,
  clock: Clock,
  report: WebhookReport,
  done: Success[],
) {
  const secrets = target.secrets;
  const result: Attempt = !secrets
    ? {
        kind: "failed",
        reason: "the signing secret cannot be read (was AUTH_SECRET changed?)",
        durationMs: 0,
      }
    : await sendWebhook(
        {
          url: target.url,
          secrets,
          id: delivery.eventId,
          sentAt: clock.now(),
          body: delivery.body,
        },
        {
          allowLoopback: options.allowLoopback,
          resolve: options.resolve,
          timeoutMs: options.timeoutMs,
        },
      );
  const now = clock.now();
  const { code, answer, error } = describeAttempt(result);
  const ok = succeeded(result);
  let next: Date | null = null;
  if (!ok && retryable(result)) {
    const wait = Math.max(
      backoffMs(delivery.attempts),
      result.kind === "answered" && result.retryAfterSeconds !== null
        ? result.retryAfterSeconds * 1000
        : 0,
    );
    const at = new Date(now.getTime() + wait);
    if (at < delivery.deadlineAt) next = at;
  }
  const outcome = (tx: Db) =>
    tx
      .update(webhookDeliveries)
      .set({
        status: ok ? "succeeded" : next ? "pending" : "failed",
        nextAttemptAt: next ?? now,
        inFlightUntil: null,
        lastStatusCode: code,
        lastDurationMs: Math.round(result.durationMs),
        lastResponse: answer,
        lastError: ok ? null : (error ?? `HTTP ${code}`),
        deliveredAt: ok ? now : null,
      })
      .where(current(delivery))
      .returning({ id: webhookDeliveries.id });
  // The usual case, a success to an endpoint that was not failing, is one statement.
  if (ok && !target.failing) {
    // Recorded with others in one statement (lost with its worker: sent again, at least once).
    done.push({
      id: delivery.id,
      attempts: delivery.attempts,
      endpointId: delivery.endpointId,
      code: code!,
      ms: Math.round(result.durationMs),
      answer: answer ?? "",
      at: now.toISOString(),
    });
    return;
  }
  const recorded = await db.transaction(async (tx) => {
    // Another worker took it again meanwhile (this one's lease ran out): its attempt tells.
    if ((await outcome(tx)).length === 0) return false;
    if (ok)
      await tx
        .update(webhookEndpoints)
        .set({ failingSince: null })
        .where(
          and(
            eq(webhookEndpoints.id, delivery.endpointId),
            isNotNull(webhookEndpoints.failingSince),
          ),
        );
    else await recordFailure(tx, delivery.endpointId, now, options.appUrl);
    return true;
  });
  if (!recorded) return;
  if (ok) report.succeeded++;
  else if (next) report.retrying++;
  else report.failed++;
}

/** The claimed attempt of a delivery, still the latest: its outcome may be recorded. */
function current(delivery: Claimed) {
  return and(
    eq(webhookDeliveries.id, delivery.id),
    eq(webhookDeliveries.attempts, delivery.attempts),
    eq(webhookDeliveries.status, "pending"),
  );
}

type Success = {
  id: string;
  attempts: number;
  endpointId: string;
  code: number;
  ms: number;
  answer: string;
  at: string;
};

/**
 * Records successes, many in one statement, and ends their endpoints' failing
 * spells. Should the statement fail, each is recorded alone, so one cannot
 * keep the others from being recorded.
 */
async function recordSuccesses(db: Db, done: Success[], report: WebhookReport) {
  if (done.length === 0) return;
  const batch = done.splice(0);
  const write = async (rows: Success[]) => {
    const recorded = (await db.execute(sql`
      with v as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as v(id uuid, attempts int, endpoint_id uuid, code int, ms int, answer text, at timestamptz)
      ), recorded as (
        update webhook_deliveries d set
          status = 'succeeded', next_attempt_at = v.at, in_flight_until = null,
          last_status_code = v.code, last_duration_ms = v.ms, last_response = v.answer,
          last_error = null, delivered_at = v.at
        from v
        where d.id = v.id and d.attempts = v.attempts and d.status = 'pending'
        returning d.id
      ), mended as (
        update webhook_endpoints e set failing_since = null
        from (select endpoint_id, max(at) as at from v group by endpoint_id) s
        where e.id = s.endpoint_id and e.failing_since <= s.at
      )
      select count(*)::int as n from recorded
    `)) as unknown as { rows: { n: number }[] };
    report.succeeded += recorded.rows[0]?.n ?? 0;
  };
  try {
    await write(batch);
  } catch (error) {
    console.error(
      "Recording webhook successes failed; recording them one by one:",
      describeError(error),
    );
    for (const row of batch)
      await write([row]).catch((rowError: unknown) =>
        console.error("A webhook success could not be recorded:", describeError(rowError)),
      );
  }
}

/** An endpoint that has failed for five days without one success is turned off, once. */
async function recordFailure(tx: Db, endpointId: string, now: Date, appUrl: string) {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({
      failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning({ failingSince: webhookEndpoints.failingSince, enabled: webhookEndpoints.enabled });
  if (!row?.enabled || !row.failingSince) return;
  if (now.getTime() - row.failingSince.getTime() < DISABLE_AFTER_MS) return;
  const [turnedOff] = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: "failing", updatedAt: now })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)))
    .returning();
  if (turnedOff) await notifyEndpointDisabled(tx, turnedOff, now, appUrl);
}
