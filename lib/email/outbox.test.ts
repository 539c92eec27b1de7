import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox, emailOutbox } from "@/db/schema";
import { setupTestDb } from "@/tests/helpers/db";
import { deliverDue, enqueueEmail, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "./outbox";
import {
  devMailboxTransport,
  EmailDeliveryError,
  type EmailTransport,
  resendTransport,
} from "./transport";

const t = setupTestDb();
const now = new Date("2026-06-01T08:00:00Z");
const from = "CertPortal <no-reply@example.com>";
const email = { subject: "Hello", html: "<p>Hello</p>", text: "Hello" };

async function queue(key = "k1") {
  await enqueueEmail(t.db, {
    to: "ann@example.com",
    email,
    template: "test",
    idempotencyKey: key,
    now,
  });
}

function failing(retryable: boolean): EmailTransport {
  return {
    name: "failing",
    send: () => Promise.reject(new EmailDeliveryError("provider down", retryable)),
  };
}

describe("outbox", () => {
  it("delivers a queued message once, into the development mailbox", async () => {
    await queue();
    const transport = devMailboxTransport(t.db, () => now);
    expect(await deliverDue(t.db, transport, { from, now })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(await deliverDue(t.db, transport, { from, now })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    const inbox = await t.db.select().from(devMailbox);
    expect(inbox).toMatchObject([
      { toAddress: "ann@example.com", subject: "Hello", fromAddress: from },
    ]);
    // The delivered body (which may hold a one-time link) is erased; the record stays.
    const [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: "sent", subject: "Hello", html: "", text: "" });
  });

  it("keeps a message through a provider outage and retries it with backoff", async () => {
    await queue();
    expect(await deliverDue(t.db, failing(true), { from, now })).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
    const [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "provider down" });
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));
    // Not due yet: nothing happens.
    expect((await deliverDue(t.db, devMailboxTransport(t.db), { from, now })).sent).toBe(0);
    const later = new Date(now.getTime() + retryDelayMs(1));
    expect((await deliverDue(t.db, devMailboxTransport(t.db), { from, now: later })).sent).toBe(1);
  });

  it("gives up after the last attempt, and at once when retrying cannot help", async () => {
    await queue("a");
    await queue("b");
    await t.db
      .update(emailOutbox)
      .set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 })
      .where(eq(emailOutbox.idempotencyKey, "a"));
    const report = await deliverDue(t.db, failing(true), { from, now });
    expect(report).toEqual({ sent: 0, retrying: 1, failed: 1 });
    await t.db
      .update(emailOutbox)
      .set({ nextAttemptAt: now })
      .where(eq(emailOutbox.idempotencyKey, "b"));
    expect(await deliverDue(t.db, failing(false), { from, now })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
  });

  it("never hands one message to two workers running at once", async () => {
    for (let i = 0; i < 10; i++) await queue(`m${i}`);
    const transport = devMailboxTransport(t.db, () => now);
    const reports = await Promise.all(
      [1, 2, 3].map(() => deliverDue(t.db, transport, { from, now, batchSize: 4 })),
    );
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(10);
    expect(await t.db.$count(devMailbox)).toBe(10);
  });
});

describe("Resend transport", () => {
  const received: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      received.push({
        headers: req.headers,
        body: JSON.parse(raw || "{}") as Record<string, unknown>,
      });
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          status === 200
            ? { id: "re_123" }
            : { name: "internal_server_error", message: "boom", statusCode: status },
        ),
      );
    });
  });
  const previousBaseUrl = process.env.RESEND_BASE_URL;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    process.env.RESEND_BASE_URL = previousBaseUrl;
    server.close();
  });

  it("sends through the real SDK with the outbox's idempotency key", async () => {
    await queue("invitation-42-send-1");
    status = 200;
    const report = await deliverDue(t.db, resendTransport("re_test_key"), { from, now });
    expect(report.sent).toBe(1);
    expect(received.at(-1)?.headers["idempotency-key"]).toBe("invitation-42-send-1");
    expect(received.at(-1)?.headers.authorization).toBe("Bearer re_test_key");
    expect(received.at(-1)?.body).toMatchObject({
      from,
      to: "ann@example.com",
      subject: "Hello",
      text: "Hello",
    });
    const [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: "sent", providerMessageId: "re_123" });
  });

  it("schedules a retry when the provider answers 500", async () => {
    await queue();
    status = 500;
    expect(await deliverDue(t.db, resendTransport("re_test_key"), { from, now })).toEqual({
      sent: 0,
      retrying: 1,
      failed: 0,
    });
  });
});
