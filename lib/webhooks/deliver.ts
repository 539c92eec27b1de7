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
/** Due deliveries looked at per claim, oldest first. */
const CLAIM_SCAN = 500;

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
type Target = { url: string; secrets: string[]; failing: boolean };

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
    // The oldest due deliveries of endpoints that are on, each endpoint's ranked, and
    // as many of each as its attempts under way leave room for.
    const candidates = (await tx.execute(sql`
      select ranked.id from (
        select due.id, due.endpoint_id, due.next_attempt_at,
               row_number() over (partition by due.endpoint_id order by due.next_attempt_at, due.id) as place
        from (
          select id, endpoint_id, next_attempt_at from webhook_deliveries
          where status = 'pending' and next_attempt_at <= ${at}
          order by next_attempt_at limit ${CLAIM_SCAN}
        ) due
        join webhook_endpoints e on e.id = due.endpoint_id and e.enabled
      ) ranked
      cross join lateral (
        select count(*)::int as busy from webhook_deliveries f
        where f.endpoint_id = ranked.endpoint_id and f.in_flight_until > ${at}
      ) flight
      where ranked.place + flight.busy <= ${perEndpoint}
      order by ranked.next_attempt_at
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
          secrets: [
            openSecret(e.secret),
            ...(e.previousSecret && e.previousSecretUntil && e.previousSecretUntil > now
              ? [openSecret(e.previousSecret)]
              : []),
          ],
        },
      ]),
    );
    return claimed.map((delivery) => ({ delivery, target: targets.get(delivery.endpointId)! }));
  });
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
  const result = await sendWebhook(
    {
      url: target.url,
      secrets: target.secrets,
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
      .where(eq(webhookDeliveries.id, delivery.id));
  // The usual case, a success to an endpoint that was not failing, is one statement.
  if (ok && !target.failing) {
    // Recorded with others in one statement (lost with its worker: sent again, at least once).
    done.push({
      id: delivery.id,
      code: code!,
      ms: Math.round(result.durationMs),
      answer: answer ?? "",
      at: now.toISOString(),
    });
    return;
  }
  await db.transaction(async (tx) => {
    await outcome(tx);
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
  });
  if (ok) report.succeeded++;
  else if (next) report.retrying++;
  else report.failed++;
}

type Success = { id: string; code: number; ms: number; answer: string; at: string };

/** Records successes, many in one statement. */
async function recordSuccesses(db: Db, done: Success[], report: WebhookReport) {
  if (done.length === 0) return;
  const batch = done.splice(0);
  await db.execute(sql`
    update webhook_deliveries d set
      status = 'succeeded', next_attempt_at = v.at, in_flight_until = null,
      last_status_code = v.code, last_duration_ms = v.ms, last_response = v.answer,
      last_error = null, delivered_at = v.at
    from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
      as v(id uuid, code int, ms int, answer text, at timestamptz)
    where d.id = v.id`);
  report.succeeded += batch.length;
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
