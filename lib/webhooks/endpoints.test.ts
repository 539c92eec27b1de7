import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { listActivity, activityListParams } from "@/lib/activity/queries";
import { ACTIVITY_KINDS } from "@/lib/enums";
import { makeActor } from "@/tests/helpers/actors";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { startReceiver } from "@/tests/helpers/webhook-receiver";
import { deliverNow, endpointFor, LOCAL_RULES } from "@/tests/helpers/webhooks";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliver,
  retryFailedSince,
  sendTestEvent,
  updateWebhookEndpoint,
} from "./endpoints";
import { WEBHOOK_ENDPOINTS_MAX } from "./inputs";
import { getWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints } from "./queries";

const t = setupTestDb();
const now = new Date("2026-12-01T09:00:00Z");
const input = (url: string) => ({ url, description: "CRM", eventTypes: null, enabled: true });

describe("webhook endpoints", () => {
  it.each([
    ["http://127.0.0.1:8080/hook", "not_https", false],
    ["https://127.0.0.1/hook", "private_address", false],
    ["https://10.0.0.1/hook", "private_address", true],
    ["https://172.16.0.1/hook", "private_address", true],
    ["https://192.168.1.1/hook", "private_address", true],
    ["https://169.254.169.254/latest/meta-data", "private_address", true],
    ["https://[::1]/hook", "private_address", false],
    ["https://[fc00::1]/hook", "private_address", true],
    ["https://[::ffff:127.0.0.1]/hook", "private_address", true],
    ["https://user:pw@crm.example/hook", "credentials_in_url", true],
    ["crm.example/hook", "invalid_url", true],
  ])("refuses %s (%s) when it is saved", async (url, reason, evenWithLoopback) => {
    const admin = await makeActor(t.db);
    for (const allowLoopback of evenWithLoopback ? [false, true] : [false])
      await expect(
        createWebhookEndpoint(t.db, admin, input(url), now, { allowLoopback }),
      ).rejects.toMatchObject({ code: "webhook_url_refused", params: { reason } });
    expect(await t.db.$count(webhookEndpoints)).toBe(0);
  });

  it("refuses a name that resolves to a private address, or to nothing", async () => {
    const admin = await makeActor(t.db);
    const rules = {
      allowLoopback: false,
      resolve: async (host: string) =>
        host === "inside.example" ? [{ address: "10.1.2.3", family: 4 }] : [],
    };
    await expect(
      createWebhookEndpoint(t.db, admin, input("https://inside.example/hook"), now, rules),
    ).rejects.toMatchObject({ params: { reason: "private_address" } });
    // What the name resolved to on the operator's network is not told.
    await createWebhookEndpoint(
      t.db,
      admin,
      input("https://inside.example/hook"),
      now,
      rules,
    ).catch((error: { params: Record<string, unknown> }) =>
      expect(error.params.address).toBeUndefined(),
    );
    await expect(
      createWebhookEndpoint(t.db, admin, input("https://nowhere.example/hook"), now, rules),
    ).rejects.toMatchObject({ params: { reason: "unresolvable" } });
    // A change of address is checked the same way.
    const { id } = await createWebhookEndpoint(
      t.db,
      admin,
      input("https://93.184.215.14/hook"),
      now,
      rules,
    );
    await expect(
      updateWebhookEndpoint(
        t.db,
        admin,
        { id, changes: { url: "https://inside.example/x" } },
        now,
        rules,
      ),
    ).rejects.toMatchObject({ code: "webhook_url_refused" });
  });

  it("answers the secret once and keeps it only sealed", async () => {
    const admin = await makeActor(t.db);
    const { id, secret } = await endpointFor(t.db, admin, "http://127.0.0.1:9/hook", { now });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [row] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    expect(JSON.stringify(row)).not.toContain(secret.slice(6, 20));
    expect(row!.secret).toMatch(/^v1\./);
    expect(JSON.stringify(await listWebhookEndpoints(t.db, admin))).not.toContain("v1.");
    const [entry] = (
      await listActivity(t.db, admin.accountId, activityListParams.parse({}), ACTIVITY_KINDS)
    ).rows;
    expect(entry).toMatchObject({
      kind: "webhook_endpoint",
      // The host only: managers read the log, and a URL may carry the receiver's token.
      subject: "127.0.0.1:9",
      newValue: "on",
    });
  });

  it("are an Administrator's: a Manager may not, another account's is not found, a read key only looks", async () => {
    const admin = await makeActor(t.db);
    const manager = await makeActor(t.db, { role: "manager" });
    const other = await makeActor(t.db, { accountName: "Elsewhere" });
    const { id } = await endpointFor(t.db, admin, "http://127.0.0.1:9/hook", { now });
    await expect(listWebhookEndpoints(t.db, manager)).rejects.toThrow("forbidden");
    await expect(
      createWebhookEndpoint(t.db, manager, input("http://127.0.0.1:9/x"), now, LOCAL_RULES),
    ).rejects.toThrow("forbidden");
    await expect(getWebhookEndpoint(t.db, other, id)).rejects.toMatchObject({
      code: "webhook_endpoint_not_found",
    });
    await expect(deleteWebhookEndpoint(t.db, other, { id }, now)).rejects.toMatchObject({
      code: "webhook_endpoint_not_found",
    });
    await expect(sendTestEvent(t.db, other, { id }, now)).rejects.toMatchObject({
      code: "webhook_endpoint_not_found",
    });
    const { actor: reader } = await apiKeyOf(t.db, admin, { scope: "read" });
    expect(await listWebhookEndpoints(t.db, reader)).toHaveLength(1);
    await expect(sendTestEvent(t.db, reader, { id }, now)).rejects.toThrow("forbidden");
  });

  it(`are at most ${WEBHOOK_ENDPOINTS_MAX} an account`, async () => {
    const admin = await makeActor(t.db);
    for (let i = 0; i < WEBHOOK_ENDPOINTS_MAX; i++)
      await endpointFor(t.db, admin, `http://127.0.0.1:9/${i}`, { now });
    await expect(
      endpointFor(t.db, admin, "http://127.0.0.1:9/more", { now }),
    ).rejects.toMatchObject({
      code: "webhook_endpoint_limit",
    });
  });

  it("send a test event on request, redeliver any delivery under its webhook-id, and retry what failed", async () => {
    // The worker reads the real clock: a fixed date here would pass the deliveries' deadline one day.
    const now = new Date();
    const admin = await makeActor(t.db);
    let status = 410;
    const hooks = await startReceiver((_r, res) => {
      res.statusCode = status;
      res.end();
    });
    try {
      const { id } = await endpointFor(t.db, admin, hooks.url, { now });
      await invite(t.db, { actor: admin, now });
      const test = await sendTestEvent(t.db, admin, { id }, now);
      await deliverNow(t.db);
      expect(hooks.received.map((r) => JSON.parse(r.body).type).sort()).toEqual([
        "invitation.created",
        "webhook.test",
      ]);
      const page = await listWebhookDeliveries(t.db, admin, { endpointId: id }, new Date(), {
        size: 10,
      });
      expect(page.rows.map((row) => row.status)).toEqual(["failed", "failed"]);
      status = 200;
      const again = await redeliver(
        t.db,
        admin,
        { endpointId: id, deliveryId: test.deliveryId },
        new Date(),
      );
      await deliverNow(t.db);
      expect(hooks.received.at(-1)!.headers["webhook-id"]).toBe(test.eventId);
      const [copy] = await t.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, again.deliveryId));
      expect(copy).toMatchObject({ status: "succeeded", eventId: test.eventId });
      // The invitation's delivery failed for good (410): retried on request, with the test's first one.
      expect(await retryFailedSince(t.db, admin, { id, since: now }, new Date())).toEqual({
        retried: 2,
      });
      expect(await deliverNow(t.db)).toMatchObject({ succeeded: 2 });
      expect(await retryFailedSince(t.db, admin, { id, since: now }, new Date())).toEqual({
        retried: 0,
      });
      // While off, no test event.
      await updateWebhookEndpoint(
        t.db,
        admin,
        { id, changes: { enabled: false } },
        now,
        LOCAL_RULES,
      );
      await expect(sendTestEvent(t.db, admin, { id }, now)).rejects.toMatchObject({
        code: "webhook_endpoint_disabled",
      });
      await expect(
        redeliver(
          t.db,
          admin,
          { endpointId: id, deliveryId: "0197a3c4-0000-7000-8000-000000000000" },
          now,
        ),
      ).rejects.toMatchObject({ code: "webhook_delivery_not_found" });
      await deleteWebhookEndpoint(t.db, admin, { id }, now);
      expect(await t.db.$count(webhookDeliveries)).toBe(0);
    } finally {
      await hooks.stop();
    }
  });
});
