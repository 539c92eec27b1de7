// The webhook part of `npm run bench`: deliveries a second from one worker to
// receivers on this machine (real HTTP, signed), and how much later the others'
// deliveries are done when one endpoint hangs until its timeout.
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Db } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { deliverWebhooks, PER_ENDPOINT, WORKER_CONCURRENCY } from "@/lib/webhooks/deliver";
import { deliveryOf } from "@/lib/webhooks/fan-out";
import { sealSecret } from "@/lib/webhooks/secret-box";
import { newSigningSecret } from "@/lib/webhooks/signing";
import { startReceiver } from "@/tests/helpers/webhook-receiver";

export type WebhookFigures = {
  endpoints: number;
  deliveries: number;
  perSecond: number;
  /** Seconds until the healthy endpoints had all theirs: with no endpoint hanging, and with one. */
  healthySeconds: number;
  healthySecondsBesideHanging: number;
  timeoutSeconds: number;
};

async function endpointsOf(db: Db, accountId: string, urls: string[], now: Date) {
  return db
    .insert(webhookEndpoints)
    .values(
      urls.map((url) => ({
        accountId,
        url,
        secret: sealSecret(newSigningSecret()),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: webhookEndpoints.id });
}

async function queue(db: Db, endpointIds: string[], each: number, now: Date) {
  const rows = endpointIds.flatMap((id) =>
    Array.from({ length: each }, (_, i) =>
      deliveryOf(
        id,
        { id: crypto.randomUUID(), type: "invitation.accepted", createdAt: now, data: { n: i } },
        now,
      ),
    ),
  );
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(webhookDeliveries).values(rows.slice(i, i + 1000));
}

type Receiver = { received: { at: number }[] };

/**
 * Runs the worker until nothing queued is due, and answers how long it ran and
 * when the `watched` receivers had the last of theirs.
 */
async function drain(db: Db, watched: Receiver[], expected: number, timeoutMs: number) {
  const start = performance.now();
  const startedAt = Date.now();
  await deliverWebhooks(db, { allowLoopback: true, appUrl: "http://127.0.0.1", timeoutMs });
  const seconds = (performance.now() - start) / 1000;
  const got = watched.reduce((n, r) => n + r.received.length, 0);
  if (got < expected) throw new Error(`only ${got} of ${expected} deliveries arrived`);
  const last = Math.max(...watched.flatMap((r) => r.received.map((x) => x.at)));
  return { seconds, watchedSeconds: (last - startedAt) / 1000 };
}

export async function benchWebhooks(
  db: Db,
  accountId: string,
  { endpoints = 10, each = 200 }: { endpoints?: number; each?: number } = {},
): Promise<WebhookFigures> {
  const receivers = await Promise.all(Array.from({ length: endpoints }, () => startReceiver()));
  const hanging = await startReceiver(() => undefined);
  const timeoutMs = 10_000;
  try {
    const now = new Date();
    const ids = (
      await endpointsOf(
        db,
        accountId,
        receivers.map((r) => r.url),
        now,
      )
    ).map((e) => e.id);
    await queue(db, ids, each, now);
    const plain = await drain(db, receivers, endpoints * each, timeoutMs);
    // Nine healthy endpoints alone, then the same nine beside one that never answers
    // (as many deliveries for it as it may have under way: each waits out the timeout).
    const healthy = receivers.slice(0, endpoints - 1);
    const healthyIds = ids.slice(0, endpoints - 1);
    for (const r of receivers) r.received.length = 0;
    await queue(db, healthyIds, each, new Date());
    const alone = await drain(db, healthy, healthyIds.length * each, timeoutMs);
    for (const r of receivers) r.received.length = 0;
    const [stuck] = await endpointsOf(db, accountId, [hanging.url], now);
    await queue(db, healthyIds, each, new Date());
    await queue(db, [stuck!.id], 4, new Date());
    const beside = await drain(db, healthy, healthyIds.length * each, timeoutMs);
    return {
      endpoints,
      deliveries: endpoints * each,
      perSecond: (endpoints * each) / plain.seconds,
      healthySeconds: alone.watchedSeconds,
      healthySecondsBesideHanging: beside.watchedSeconds,
      timeoutSeconds: timeoutMs / 1000,
    };
  } finally {
    await Promise.all([...receivers, hanging].map((r) => r.stop()));
  }
}

/** The figures in docs/performance.md, in a block of their own (the rest of the bench may not run). */
export function writeWebhookFigures(file: string, f: WebhookFigures) {
  const block = [
    "<!-- bench-webhooks:start (written by `npm run bench`) -->",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: one webhook worker (${WORKER_CONCURRENCY} attempts at once, ${PER_ENDPOINT} per endpoint) delivered ${f.deliveries.toLocaleString("en-US")} signed deliveries to ${f.endpoints} receivers on this machine (real HTTP, PostgreSQL on the same host) at **${Math.round(f.perSecond)} a second**. ${f.endpoints - 1} of those endpoints had all theirs in ${f.healthySeconds.toFixed(2)} s alone and in ${f.healthySecondsBesideHanging.toFixed(2)} s beside an endpoint that never answers (its attempts wait out their ${f.timeoutSeconds} s timeout): **one hanging endpoint delayed the others by ${Math.max(0, f.healthySecondsBesideHanging - f.healthySeconds).toFixed(2)} s**.`,
    "<!-- bench-webhooks:end -->",
  ].join("\n");
  const doc = readFileSync(file, "utf8");
  const pattern = /<!-- bench-webhooks:start[\s\S]*?<!-- bench-webhooks:end -->/;
  writeFileSync(
    file,
    pattern.test(doc)
      ? doc.replace(pattern, block)
      : `${doc.trimEnd()}\n\n## Webhook delivery\n\n${block}\n`,
  );
}
