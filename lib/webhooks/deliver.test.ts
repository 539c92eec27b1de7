import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { emailOutbox, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/enums";
import { recordInvitationEvent, recordSubaccountEvent } from "@/lib/events/record";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { subaccountOf } from "@/tests/helpers/subaccounts";
import { startReceiver } from "@/tests/helpers/webhook-receiver";
import { deliverNow, endpointFor, LOCAL_RULES, manualClock } from "@/tests/helpers/webhooks";
import { v7 } from "uuid";
import { backoffMs, DISABLE_AFTER_MS } from "./deliver";
import { deliveryOf } from "./fan-out";
import { rotateWebhookSecret, updateWebhookEndpoint } from "./endpoints";

const t = setupTestDb();
const receivers: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.stop();
});
async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}
const HOUR = 60 * 60 * 1000;

async function deliveriesOf(endpointId: string) {
  return t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
}

/** An invitation and a subaccount of a new account, and an event of every type about them. */
async function everyEvent(now: Date) {
  const admin = await makeActor(t.db);
  const { id: invitationId } = await invite(t.db, { actor: admin, now });
  const { id: subaccountId } = await subaccountOf(t.db, admin, {}, now);
  return {
    admin,
    record: async () => {
      await t.db.transaction(async (tx) => {
        for (const type of EVENT_TYPES) {
          if (type.startsWith("invitation."))
            await recordInvitationEvent(tx, type as "invitation.created", invitationId, now);
          else await recordSubaccountEvent(tx, type as "subaccount.created", subaccountId, now);
        }
      });
    },
  };
}

describe("webhook delivery", () => {
  it("sends every event type, signed as Standard Webhooks says, with the event's id as webhook-id", async () => {
    const now = new Date();
    const { admin, record } = await everyEvent(now);
    const hooks = await receiver();
    const { secret } = await endpointFor(t.db, admin, hooks.url, { now });
    // The use cases above wrote their own events before the endpoint existed: only these follow.
    await record();
    const report = await deliverNow(t.db);
    expect(report).toMatchObject({ succeeded: EVENT_TYPES.length, failed: 0, retrying: 0 });
    const verifier = new Webhook(secret);
    const types = hooks.received.map((request) => {
      const payload = verifier.verify(request.body, request.headers as Record<string, string>) as {
        type: string;
        timestamp: string;
        data: Record<string, unknown>;
      };
      expect(payload.timestamp).toBe(now.toISOString());
      expect(request.headers["content-type"]).toBe("application/json");
      return payload.type;
    });
    expect(types.sort()).toEqual([...EVENT_TYPES].sort());
    const ids = new Set(hooks.received.map((request) => request.headers["webhook-id"]));
    expect(ids.size).toBe(EVENT_TYPES.length);
    // Nothing secret travels: no token, password or key in any body.
    for (const request of hooks.received)
      expect(request.body).not.toMatch(/token|password|cp_live_/i);
  });

  it("sends only the types an endpoint wants, and nothing to another account's endpoint", async () => {
    const now = new Date();
    const { admin, record } = await everyEvent(now);
    const other = await makeActor(t.db, { accountName: "Elsewhere" });
    const wanted = await receiver();
    const elsewhere = await receiver();
    await endpointFor(t.db, admin, wanted.url, {
      eventTypes: ["invitation.accepted", "invitation.expired"],
      now,
    });
    await endpointFor(t.db, other, elsewhere.url, { now });
    await record();
    await deliverNow(t.db);
    expect(wanted.received.map((r) => JSON.parse(r.body).type).sort()).toEqual([
      "invitation.accepted",
      "invitation.expired",
    ]);
    expect(elsewhere.received).toHaveLength(0);
  });

  it("sends the same webhook-id again after a 500, and stops once it is taken", async () => {
    const start = new Date();
    const clock = manualClock(start);
    const admin = await makeActor(t.db);
    let failures = 1;
    const hooks = await receiver((_r, res) => {
      res.statusCode = failures-- > 0 ? 500 : 204;
      res.end();
    });
    const { id } = await endpointFor(t.db, admin, hooks.url, { now: start });
    await invite(t.db, { actor: admin, now: start });
    expect(await deliverNow(t.db, { clock })).toMatchObject({ retrying: 1 });
    const [waiting] = await deliveriesOf(id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(waiting!.nextAttemptAt.getTime()).toBe(start.getTime() + backoffMs(1));
    // Not before its time.
    expect(await deliverNow(t.db, { clock })).toMatchObject({ succeeded: 0, retrying: 0 });
    clock.advance(backoffMs(1));
    expect(await deliverNow(t.db, { clock })).toMatchObject({ succeeded: 1 });
    expect(hooks.received).toHaveLength(2);
    expect(hooks.received[1]!.headers["webhook-id"]).toBe(hooks.received[0]!.headers["webhook-id"]);
    expect(hooks.received[1]!.body).toBe(hooks.received[0]!.body);
    clock.advance(HOUR);
    await deliverNow(t.db, { clock });
    expect(hooks.received).toHaveLength(2);
    const [done] = await deliveriesOf(id);
    expect(done).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 204 });
  });

  it("gets every event to a receiver that was down for six hours, once it is back", async () => {
    const start = new Date("2026-12-01T08:00:00Z");
    const clock = manualClock(start);
    const admin = await makeActor(t.db);
    const back = start.getTime() + 6 * HOUR;
    const hooks = await receiver((_r, res) => {
      res.statusCode = clock.now().getTime() < back ? 503 : 200;
      res.end();
    });
    const { id } = await endpointFor(t.db, admin, hooks.url, { now: start });
    for (let i = 0; i < 5; i++)
      await invite(t.db, {
        actor: admin,
        email: `c${i}@contoso.example`,
        now: new Date(start.getTime() + i * 60_000),
      });
    // The poller's turns, every minute for twelve hours.
    for (let at = start.getTime(); at <= start.getTime() + 12 * HOUR; at += 60_000) {
      clock.set(new Date(at));
      await deliverNow(t.db, { clock });
    }
    const rows = await deliveriesOf(id);
    expect(rows.map((row) => row.status)).toEqual(Array(5).fill("succeeded"));
    const taken = hooks.received.filter(
      (request) => request.at && JSON.parse(request.body).type === "invitation.created",
    );
    expect(new Set(taken.map((r) => r.headers["webhook-id"])).size).toBe(5);
    // Each was tried on the schedule while down, not every minute.
    expect(rows.every((row) => row.attempts <= 7)).toBe(true);
  });

  it("does not retry a 4xx other than 408, 409 and 429, and waits as long as a 429 asks", async () => {
    const start = new Date();
    const clock = manualClock(start);
    const admin = await makeActor(t.db);
    const refusing = await receiver((_r, res) => {
      res.statusCode = 400;
      res.end("no such hook");
    });
    const busy = await receiver((_r, res) => {
      res.statusCode = 429;
      res.setHeader("retry-after", "120");
      res.end();
    });
    const refused = await endpointFor(t.db, admin, refusing.url, { now: start });
    const limited = await endpointFor(t.db, admin, busy.url, { now: start });
    await invite(t.db, { actor: admin, now: start });
    await deliverNow(t.db, { clock });
    const [failed] = await deliveriesOf(refused.id);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 1,
      lastStatusCode: 400,
      lastResponse: "no such hook",
    });
    const [held] = await deliveriesOf(limited.id);
    expect(held).toMatchObject({ status: "pending", lastStatusCode: 429 });
    expect(held!.nextAttemptAt.getTime()).toBe(start.getTime() + 120_000);
  });

  it("holds at most the per-endpoint number of attempts to one endpoint, and a hanging one holds up no other", async () => {
    const now = new Date();
    const admin = await makeActor(t.db);
    let open = 0;
    let most = 0;
    const held: { end(): void }[] = [];
    let released = false;
    const releaseOnceAllIn = () => {
      if (fast.received.length === 12 && slow.received.length === 12 && !released) {
        released = true;
        for (const res of held.splice(0)) res.end();
      }
    };
    const slow = await receiver((_r, res) => {
      open++;
      most = Math.max(most, open);
      setTimeout(() => {
        open--;
        res.end();
        releaseOnceAllIn();
      }, 50);
    });
    // Answers nothing until every other endpoint has had all its deliveries: were the
    // worker waiting on it, they would never arrive, and its attempts would time out.
    const hanging = await receiver((_r, res) => (released ? res.end() : held.push(res)));
    const fast = await receiver((_r, res) => {
      res.end();
      releaseOnceAllIn();
    });
    await endpointFor(t.db, admin, hanging.url, { now });
    await endpointFor(t.db, admin, slow.url, { now });
    await endpointFor(t.db, admin, fast.url, { now });
    for (let i = 0; i < 12; i++)
      await invite(t.db, { actor: admin, email: `c${i}@contoso.example`, now });
    const report = await deliverNow(t.db, { perEndpoint: 2, concurrency: 8 });
    expect(most).toBe(2);
    expect(report).toEqual({ succeeded: 36, retrying: 0, failed: 0 });
    // The hanging endpoint had two attempts under way while the others had all theirs.
    expect(hanging.received.length).toBe(12);
  });

  it("turns off an endpoint failing for five days, tells its Administrators once, and sends what is due when it is on again", async () => {
    const start = new Date("2026-12-01T08:00:00Z");
    const clock = manualClock(start);
    const admin = await makeActor(t.db);
    let up = false;
    const hooks = await receiver((_r, res) => {
      res.statusCode = up ? 200 : 500;
      res.end();
    });
    const { id } = await endpointFor(t.db, admin, hooks.url, { now: start });
    const day = 24 * HOUR;
    for (let at = start.getTime(); at <= start.getTime() + 6 * day; at += HOUR) {
      clock.set(new Date(at));
      // An event a day keeps deliveries coming after the first ones give up.
      if ((at - start.getTime()) % day === 0)
        await invite(t.db, { actor: admin, email: `d${at}@contoso.example`, now: clock.now() });
      await deliverNow(t.db, { clock });
    }
    const [endpoint] = await t.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, id));
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "failing" });
    expect(endpoint!.failingSince!.getTime()).toBe(start.getTime());
    const told = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, "webhook-disabled"));
    expect(told.map((email) => email.toAddress)).toEqual([admin.email]);
    expect(told[0]!.subject).toBe("A webhook endpoint was turned off");
    expect(told[0]!.text).toContain(hooks.url);
    // Deliveries older than three days failed; the newer ones wait for the endpoint.
    const rows = await deliveriesOf(id);
    const pending = rows.filter((row) => row.status === "pending");
    expect(pending.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.status === "failed").length).toBeGreaterThan(0);
    const before = hooks.received.length;
    await deliverNow(t.db, { clock });
    expect(hooks.received).toHaveLength(before);
    up = true;
    await updateWebhookEndpoint(
      t.db,
      admin,
      { id, changes: { enabled: true } },
      clock.now(),
      LOCAL_RULES,
    );
    expect(await deliverNow(t.db, { clock })).toMatchObject({ succeeded: pending.length });
    expect(DISABLE_AFTER_MS).toBe(5 * day);
  });

  it("signs with the old secret too for a day after a rotation, then with the new one alone", async () => {
    const now = new Date();
    const admin = await makeActor(t.db);
    const hooks = await receiver();
    const { id, secret: old } = await endpointFor(t.db, admin, hooks.url, { now });
    const { secret: fresh } = await rotateWebhookSecret(t.db, admin, { id }, now);
    await invite(t.db, { actor: admin, now });
    await deliverNow(t.db);
    const [first] = hooks.received;
    const headers = first!.headers as Record<string, string>;
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(old).verify(first!.body, headers)).not.toThrow();
    expect(() => new Webhook(fresh).verify(first!.body, headers)).not.toThrow();
    const clock = manualClock(new Date(now.getTime() + 25 * HOUR));
    await invite(t.db, { actor: admin, email: "later@contoso.example", now: clock.now() });
    await deliverNow(t.db, { clock });
    const second = hooks.received.at(-1)!;
    expect((second.headers["webhook-signature"] as string).split(" ")).toHaveLength(1);
  });

  it("is not held up by a queue of another endpoint that is off, an answer with NUL bytes, or a secret that cannot be read", async () => {
    const now = new Date();
    const admin = await makeActor(t.db);
    const off = await endpointFor(t.db, admin, "http://127.0.0.1:9/off", { enabled: false, now });
    // More waiting for the endpoint that is off than a claim looks at in one go.
    const waiting = Array.from({ length: 600 }, (_, i) =>
      deliveryOf(
        off.id,
        { id: v7(), type: "invitation.created", createdAt: now, data: { i } },
        now,
      ),
    );
    for (let i = 0; i < waiting.length; i += 300)
      await t.db.insert(webhookDeliveries).values(waiting.slice(i, i + 300));
    const binary = await receiver((_r, res) =>
      res.end(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x6f, 0x6b])),
    );
    const { id } = await endpointFor(t.db, admin, binary.url, { now });
    const broken = await receiver();
    const unreadable = await endpointFor(t.db, admin, broken.url, { now });
    await t.db
      .update(webhookEndpoints)
      .set({ secret: "v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA" })
      .where(eq(webhookEndpoints.id, unreadable.id));
    await invite(t.db, { actor: admin, now });
    const report = await deliverNow(t.db);
    expect(binary.received).toHaveLength(1);
    const [row] = await deliveriesOf(id);
    expect(row).toMatchObject({ status: "succeeded", lastStatusCode: 200 });
    expect(row!.lastResponse).not.toContain("\u0000");
    // Nothing was sent without its signature; the delivery waits for the secret to be fixed.
    expect(broken.received).toHaveLength(0);
    const [stuck] = await deliveriesOf(unreadable.id);
    expect(stuck).toMatchObject({ status: "pending", attempts: 1 });
    expect(stuck!.lastError).toMatch(/signing secret/);
    expect(report).toMatchObject({ succeeded: 1, retrying: 1 });
  });
});
