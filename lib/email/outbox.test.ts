import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { devMailbox, emailOutbox } from "@/db/schema";
import { fakeProvider } from "@/tests/helpers/fake-provider";
import { setupTestDb } from "@/tests/helpers/db";
import { type Clock, deliverDue, emailDeliveryStatus, enqueueEmail, retryDelayMs } from "./outbox";
import { devMailboxTransport, NO_TRANSPORT_REASON, resendTransport } from "./transport";

// The outbox against the real Resend SDK talking HTTP to a fake provider, with
// the clock under the test's control.
const t = setupTestDb();
const start = new Date("2026-06-01T08:00:00Z");
const from = "CertPortal <no-reply@example.com>";
const HOUR = 3600 * 1000;

function fakeClock(): Clock & { advance(ms: number): void; ms(): number } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    sleep: async (ms) => {
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
    ms: () => now,
  };
}

async function queue(count: number, options: { deadline?: Date; to?: (i: number) => string } = {}) {
  for (let i = 0; i < count; i++)
    await enqueueEmail(t.db, {
      to: options.to?.(i) ?? `person${i}@example.com`,
      email: { subject: `Hello ${i}`, html: `<p>Hello ${i}</p>`, text: `Hello ${i}` },
      template: "test",
      idempotencyKey: `message-${i}`,
      deadline: options.deadline,
      now: start,
    });
}

const rows = () => t.db.select().from(emailOutbox);
const statuses = async () => (await rows()).map((r) => r.status).sort();

describe("outbox", () => {
  it("delivers a queued message once, into the development mailbox, and erases its body", async () => {
    await queue(1);
    const clock = fakeClock();
    const transport = devMailboxTransport(t.db, clock.now);
    const options = { from, requestsPerSecond: 2, clock };
    expect(await deliverDue(t.db, transport, options)).toMatchObject({ sent: 1, failed: 0 });
    expect((await deliverDue(t.db, transport, options)).sent).toBe(0);
    expect(await t.db.select().from(devMailbox)).toMatchObject([
      { toAddress: "person0@example.com", subject: "Hello 0", fromAddress: from },
    ]);
    expect(await rows()).toMatchObject([{ status: "sent", html: "", text: "" }]);
  });

  it("never hands one message to two workers running at once", async () => {
    await queue(10);
    const clock = fakeClock();
    const transport = devMailboxTransport(t.db, clock.now);
    const reports = await Promise.all(
      [1, 2, 3].map(() =>
        deliverDue(t.db, transport, { from, requestsPerSecond: 1000, clock, batchSize: 4 }),
      ),
    );
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(10);
    expect(await t.db.$count(devMailbox)).toBe(10);
  });

  it("without a transport sends nothing and fails nothing, and holds up no other worker", async () => {
    await queue(2);
    const report = await deliverDue(t.db, null, { from, requestsPerSecond: 2, clock: fakeClock() });
    expect(report.paused).toBe(true);
    expect(await statuses()).toEqual(["pending", "pending"]);
    expect(await emailDeliveryStatus(t.db, { delivers: true, hasTransport: false })).toMatchObject({
      state: "paused",
      reason: NO_TRANSPORT_REASON,
    });
    expect(await emailDeliveryStatus(t.db)).toEqual({ state: "running" });
    const clock = fakeClock();
    const sent = await deliverDue(t.db, devMailboxTransport(t.db, clock.now), {
      from,
      requestsPerSecond: 1000,
      clock,
    });
    expect(sent.sent).toBe(2);
  });
});

describe("delivery through the provider, under faults", () => {
  const clock = fakeClock();
  const provider = fakeProvider(() => clock.ms());
  const previous = process.env.RESEND_BASE_URL;
  const good = () => resendTransport("re_good");

  beforeAll(async () => {
    process.env.RESEND_BASE_URL = await provider.start();
  });
  afterAll(async () => {
    process.env.RESEND_BASE_URL = previous;
    await provider.stop();
  });
  beforeEach(() => provider.reset());
  afterEach(() => {
    // A retry must repeat its request exactly, or the provider could send twice.
    expect(provider.mismatches()).toBe(0);
  });

  /** Runs workers the way the poller does, moving the clock on between rounds. */
  async function drain(transport = good(), stepMs = 60_000, rounds = 200) {
    for (let i = 0; i < rounds && (await statuses()).includes("pending"); i++) {
      await deliverDue(t.db, transport, { from, requestsPerSecond: 2, clock, timeoutMs: 300 });
      clock.advance(stepMs);
    }
  }

  it("sends batches through the real SDK, one idempotency key per request", async () => {
    await queue(3);
    const report = await deliverDue(t.db, good(), { from, requestsPerSecond: 2, clock });
    expect(report.sent).toBe(3);
    expect(provider.requests).toHaveLength(1);
    expect(provider.requests[0]).toMatchObject({ authorization: "Bearer re_good" });
    expect(provider.requests[0]!.idempotencyKey).toMatch(/^batch-/);
    expect(await rows()).toMatchObject(
      [0, 1, 2].map(() =>
        expect.objectContaining({ status: "sent", providerMessageId: expect.any(String) }),
      ),
    );
  });

  it("keeps every email through six hours of 500s, then delivers each exactly once", async () => {
    await queue(30);
    let failing = true;
    provider.answer(() => (failing ? { status: 500 } : { status: 200 }));
    const until = clock.ms() + 6 * HOUR;
    while (clock.ms() < until) {
      await deliverDue(t.db, good(), { from, requestsPerSecond: 2, clock });
      clock.advance(5 * 60_000);
    }
    expect(await statuses()).toEqual(Array(30).fill("pending"));
    failing = false;
    await drain();
    expect(await statuses()).toEqual(Array(30).fill("sent"));
    expect(provider.deliveredCount()).toBe(30);
    const addresses = [...provider.delivered.values()].flat().map((e) => e.to);
    expect(new Set(addresses).size).toBe(30);
  });

  it("honours Retry-After for every worker, and a 429 uses up no attempt", async () => {
    await queue(30);
    provider.answer((_request, index) =>
      index % 2 === 0
        ? {
            status: 429,
            headers: { "retry-after": "2" },
            body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 },
          }
        : { status: 200 },
    );
    await drain(good(), 500);
    expect(await statuses()).toEqual(Array(30).fill("sent"));
    expect((await rows()).every((r) => r.attempts === 1)).toBe(true);
    const times = provider.requests.map((r) => r.at);
    for (let i = 0; i < times.length - 1; i += 2)
      expect(times[i + 1]! - times[i]!).toBeGreaterThanOrEqual(2000);
  });

  it("times out a request that hangs, retries it under the same key, and delivers once", async () => {
    await queue(5);
    provider.answer((_request, index) => (index === 0 ? { hang: true } : { status: 200 }));
    const first = await deliverDue(t.db, good(), {
      from,
      requestsPerSecond: 2,
      clock,
      timeoutMs: 300,
    });
    expect(first.retrying).toBe(5);
    clock.advance(retryDelayMs(1));
    await drain();
    expect(await statuses()).toEqual(Array(5).fill("sent"));
    expect(provider.requests.map((r) => r.idempotencyKey)).toEqual([
      provider.requests[0]!.idempotencyKey,
      provider.requests[0]!.idempotencyKey,
    ]);
    expect(provider.deliveredCount()).toBe(5);
  });

  it("pauses on a refused key without failing anything, and sends everything once it is fixed", async () => {
    await queue(4);
    provider.answer((request) =>
      request.authorization === "Bearer re_good"
        ? { status: 200 }
        : {
            status: 401,
            body: { name: "validation_error", message: "API key is invalid", statusCode: 401 },
          },
    );
    const report = await deliverDue(t.db, resendTransport("re_revoked"), {
      from,
      requestsPerSecond: 2,
      clock,
    });
    expect(report.paused).toBe(true);
    expect(await emailDeliveryStatus(t.db)).toMatchObject({
      state: "paused",
      reason: expect.stringContaining("API key is invalid"),
    });
    expect(await statuses()).toEqual(Array(4).fill("pending"));
    expect((await rows()).every((r) => r.attempts === 0)).toBe(true);
    // The key is fixed; at the next probe everything queued goes out.
    await drain(good(), 30_000);
    expect(await statuses()).toEqual(Array(4).fill("sent"));
    expect(await emailDeliveryStatus(t.db)).toEqual({ state: "running" });
    // Once resumed, nobody waits for the next probe: a new email goes out at once.
    await enqueueEmail(t.db, {
      to: "after@example.com",
      email: { subject: "After", html: "<p>After</p>", text: "After" },
      template: "test",
      idempotencyKey: "after-resume",
      now: clock.now(),
    });
    expect((await deliverDue(t.db, good(), { from, requestsPerSecond: 2, clock })).sent).toBe(1);
  });

  it("keeps a group that may have gone out under its key through a 429 on its retry", async () => {
    await queue(4);
    provider.answer((_request, index) =>
      index === 0
        ? { hang: true }
        : index === 1
          ? {
              status: 429,
              headers: { "retry-after": "1" },
              body: { name: "rate_limit_exceeded", message: "Too many requests", statusCode: 429 },
            }
          : { status: 200 },
    );
    await drain(good(), 60_000);
    expect(await statuses()).toEqual(Array(4).fill("sent"));
    const keys = new Set(provider.requests.map((r) => r.idempotencyKey));
    expect(keys.size).toBe(1);
    expect(provider.deliveredCount()).toBe(4);
  });

  it("treats 'same key, still in progress' (409) as in flight: no attempt used, sent once", async () => {
    await queue(3);
    provider.answer((_request, index) =>
      index === 0
        ? {
            status: 409,
            body: {
              name: "concurrent_idempotent_requests",
              message: "Same idempotency key used while original request is still in progress",
              statusCode: 409,
            },
          }
        : { status: 200 },
    );
    await drain(good(), 5000);
    expect(await statuses()).toEqual(Array(3).fill("sent"));
    expect((await rows()).every((r) => r.attempts === 1 && r.lastError === null)).toBe(true);
    expect(provider.requests.map((r) => r.idempotencyKey)).toEqual([
      provider.requests[0]!.idempotencyKey,
      provider.requests[0]!.idempotencyKey,
    ]);
    expect(provider.deliveredCount()).toBe(3);
  });

  it("fails only the message whose address the provider refuses, with its reason", async () => {
    await queue(5, { to: (i) => (i === 2 ? "nobody@invalid.example" : `person${i}@example.com`) });
    provider.refused.add("nobody@invalid.example");
    await drain();
    const all = await rows();
    const bad = all.find((r) => r.toAddress === "nobody@invalid.example")!;
    expect(bad).toMatchObject({ status: "failed", html: "", text: "" });
    expect(bad.lastError).toContain("is not valid");
    expect(all.filter((r) => r.status === "sent")).toHaveLength(4);
  });

  it("gives up only at a message's deadline, erasing its body", async () => {
    await queue(1, { deadline: new Date(clock.ms() + 2 * HOUR) });
    provider.answer(() => ({ status: 503 }));
    await deliverDue(t.db, good(), { from, requestsPerSecond: 2, clock });
    expect(await statuses()).toEqual(["pending"]);
    clock.advance(3 * HOUR);
    await deliverDue(t.db, good(), { from, requestsPerSecond: 2, clock });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "failed", html: "", text: "" });
  });
});

describe("pacing across workers", () => {
  const provider = fakeProvider();
  const previous = process.env.RESEND_BASE_URL;
  beforeAll(async () => {
    process.env.RESEND_BASE_URL = await provider.start();
  });
  afterAll(async () => {
    process.env.RESEND_BASE_URL = previous;
    await provider.stop();
  });

  it("four workers deliver 1,000 emails exactly once, never more than 2 requests a second", async () => {
    for (let i = 0; i < 1000; i += 100) {
      const batch = Array.from({ length: 100 }, (_, j) => i + j);
      await t.db.insert(emailOutbox).values(
        batch.map((n) => ({
          idempotencyKey: `paced-${n}`,
          template: "test",
          toAddress: `paced${n}@example.com`,
          subject: `Paced ${n}`,
          html: "<p>x</p>",
          text: "x",
          nextAttemptAt: new Date(),
          createdAt: new Date(),
        })),
      );
    }
    await Promise.all(
      [1, 2, 3, 4].map(() =>
        deliverDue(t.db, resendTransport("re_good"), { from, requestsPerSecond: 2 }),
      ),
    );
    expect(await t.db.$count(emailOutbox, eq(emailOutbox.status, "sent"))).toBe(1000);
    const addresses = [...provider.delivered.values()].flat().map((e) => e.to);
    expect(addresses).toHaveLength(1000);
    expect(new Set(addresses).size).toBe(1000);
    const times = provider.requests.map((r) => r.at).sort((a, b) => a - b);
    // Slots start 525 ms apart; measured where they arrive, a request held up on a
    // busy machine lands closer to the next: 900 ms allows 150 ms of that, and
    // still catches any third request a slot would not have allowed.
    for (const [i, at] of times.entries())
      expect(
        times.filter((other) => other >= at && other < at + 900).length,
        `at request ${i}`,
      ).toBeLessThanOrEqual(2);
  }, 60_000);
});
