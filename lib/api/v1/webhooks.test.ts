import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { makeActor } from "@/tests/helpers/actors";
import { apiClient } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { startReceiver } from "@/tests/helpers/webhook-receiver";
import { deliverNow } from "@/tests/helpers/webhooks";

const t = setupTestDb();
const clock = { now: new Date() };
const call = apiClient(t, clock);

async function keyed() {
  const admin = await makeActor(t.db, { accountName: "Hopper Security" });
  const { key } = await apiKeyOf(t.db, admin, { now: clock.now });
  return { admin, key };
}

describe("/api/v1/webhook_endpoints", () => {
  it("creates an endpoint with its secret once, sends it a test event a receiver can verify, and redelivers it", async () => {
    const { key } = await keyed();
    const hooks = await startReceiver();
    try {
      const created = await call("POST", "/webhook_endpoints", {
        key,
        body: { url: hooks.url, description: "CRM", event_types: ["invitation.accepted"] },
        headers: { "idempotency-key": "make-hook-1" },
      });
      expect(created.status).toBe(201);
      expect(created.headers.get("location")).toBe(`/api/v1/webhook_endpoints/${created.body.id}`);
      expect(created.body).toMatchObject({
        url: hooks.url,
        description: "CRM",
        event_types: ["invitation.accepted"],
        enabled: true,
        created_by: expect.any(String),
      });
      const secret = created.body.secret as string;
      expect(secret).toMatch(/^whsec_/);
      // A retry is answered the endpoint, never the secret again.
      const retried = await call("POST", "/webhook_endpoints", {
        key,
        body: { url: hooks.url, description: "CRM", event_types: ["invitation.accepted"] },
        headers: { "idempotency-key": "make-hook-1" },
      });
      expect(retried.body.id).toBe(created.body.id);
      expect(JSON.stringify(retried.body)).not.toContain(secret);
      const id = created.body.id as string;
      const listed = await call("GET", "/webhook_endpoints", { key });
      expect(listed.body.data.map((e: { id: string }) => e.id)).toEqual([id]);
      expect(JSON.stringify(listed.body)).not.toContain(secret);

      const test = await call("POST", `/webhook_endpoints/${id}/test`, { key });
      expect(test.status).toBe(202);
      await deliverNow(t.db);
      const [got] = hooks.received;
      const payload = new Webhook(secret).verify(got!.body, got!.headers as Record<string, string>);
      expect(payload).toMatchObject({ type: "webhook.test", data: { endpoint_id: id } });
      expect(got!.headers["webhook-id"]).toBe(test.body.event_id);

      const deliveries = await call("GET", `/webhook_endpoints/${id}/deliveries`, { key });
      expect(deliveries.body.data).toEqual([
        expect.objectContaining({
          id: test.body.delivery_id,
          status: "succeeded",
          attempts: 1,
          last_status_code: 200,
          last_response: "ok",
          next_attempt_at: null,
        }),
      ]);
      const again = await call(
        "POST",
        `/webhook_endpoints/${id}/deliveries/${test.body.delivery_id}/redeliver`,
        { key },
      );
      expect(again.body.event_id).toBe(test.body.event_id);
      await deliverNow(t.db);
      expect(hooks.received.map((r) => r.headers["webhook-id"])).toEqual([
        test.body.event_id,
        test.body.event_id,
      ]);
    } finally {
      await hooks.stop();
    }
  });

  it("refuses an address that leads inside, with the reason, and a bad type", async () => {
    const { key } = await keyed();
    const inside = await call("POST", "/webhook_endpoints", {
      key,
      body: { url: "https://169.254.169.254/latest" },
    });
    expect(inside.status).toBe(422);
    expect(inside.body).toMatchObject({
      code: "webhook_url_refused",
      params: { reason: "private_address", address: "169.254.169.254" },
    });
    const loopback = apiClient(t, clock, { webhooksAllowLoopback: false });
    const local = await loopback("POST", "/webhook_endpoints", {
      key,
      body: { url: "http://127.0.0.1:9/hook" },
    });
    expect(local.body).toMatchObject({
      code: "webhook_url_refused",
      params: { reason: "not_https" },
    });
    const badType = await call("POST", "/webhook_endpoints", {
      key,
      body: { url: "http://127.0.0.1:9/hook", event_types: ["invitation.eaten"] },
    });
    expect(badType.status).toBe(422);
    expect(badType.body.code).toBe("invalid_input");
    expect((await call("GET", "/webhook_endpoints", { key })).body.data).toEqual([]);
  });

  it("changes only the fields given, rotates the secret with a day's overlap, retries what failed, and deletes", async () => {
    const { key } = await keyed();
    const created = await call("POST", "/webhook_endpoints", {
      key,
      body: { url: "http://127.0.0.1:9/hook", description: "First" },
    });
    const id = created.body.id as string;
    const changed = await call("PATCH", `/webhook_endpoints/${id}`, {
      key,
      body: { enabled: false },
    });
    expect(changed.body).toMatchObject({ description: "First", enabled: false, event_types: null });
    const refused = await call("POST", `/webhook_endpoints/${id}/test`, { key });
    expect([refused.status, refused.body.code]).toEqual([409, "webhook_endpoint_disabled"]);
    const rotated = await call("POST", `/webhook_endpoints/${id}/rotate_secret`, { key });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(Date.parse(rotated.body.previous_secret_expires_at)).toBe(
      clock.now.getTime() + 24 * 60 * 60 * 1000,
    );
    const retry = await call("POST", `/webhook_endpoints/${id}/retry_failed`, {
      key,
      body: { since: "2026-01-01T00:00:00Z" },
    });
    expect(retry.body).toEqual({ retried: 0 });
    const deleted = await call("DELETE", `/webhook_endpoints/${id}`, { key });
    expect(deleted.status).toBe(204);
    expect((await call("GET", `/webhook_endpoints/${id}`, { key })).status).toBe(404);
  });
});
