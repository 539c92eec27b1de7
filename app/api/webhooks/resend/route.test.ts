import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type * as DbModule from "@/db";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emailOutbox, invitationEvents } from "@/db/schema";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { invitationTopic } from "@/lib/invitations/delivery";

const t = setupTestDb();
vi.mock("@/db", async (original) => ({
  ...(await original<typeof DbModule>()),
  getDb: async () => t.db,
}));

const SECRET = `whsec_${Buffer.from("certportal-webhook-test-secret!!").toString("base64")}`;

async function loadRoute(secret: string | undefined) {
  vi.resetModules();
  vi.stubEnv("RESEND_WEBHOOK_SECRET", secret ?? "");
  return import("./route");
}

function signed(body: object, id = `msg_${Math.random().toString(36).slice(2)}`, secret = SECRET) {
  const payload = JSON.stringify(body);
  const timestamp = new Date();
  const signature = new Webhook(secret).sign(id, timestamp, payload);
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    body: payload,
    headers: {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": signature,
    },
  });
}

/** A report of Resend's about the message it was given as re_42, unless said otherwise. */
function report(
  type: string,
  {
    at = "2026-11-01T10:00:00Z",
    data = { email_id: "re_42" },
  }: { at?: string; data?: object } = {},
) {
  return { type, created_at: at, data };
}

async function sentInvitation() {
  const { id } = await invite(t.db, { email: "bob@example.com", now: new Date() });
  await t.db
    .update(emailOutbox)
    .set({ status: "sent", providerMessageId: "re_42" })
    .where(eq(emailOutbox.topic, invitationTopic(id)));
  return id;
}

const timeline = (id: string) =>
  t.db
    .select({ type: invitationEvents.type, detail: invitationEvents.detail })
    .from(invitationEvents)
    .where(eq(invitationEvents.invitationId, id));

describe("POST /api/webhooks/resend", () => {
  beforeEach(() => vi.unstubAllEnvs());
  afterEach(() => vi.unstubAllEnvs());

  it("does not exist without a configured secret", async () => {
    const { POST } = await loadRoute(undefined);
    expect((await POST(signed({ type: "email.delivered" }))).status).toBe(404);
  });

  it("refuses a report that is not signed with the secret", async () => {
    const id = await sentInvitation();
    const { POST } = await loadRoute(SECRET);
    const forged = signed(
      {
        type: "email.bounced",
        created_at: new Date().toISOString(),
        data: { email_id: "re_42", bounce: { message: "x" } },
      },
      "msg_forged",
      `whsec_${Buffer.from("some-other-secret-some-other-sec").toString("base64")}`,
    );
    expect((await POST(forged)).status).toBe(400);
    expect((await timeline(id)).map((e) => e.type)).toEqual(["created"]);
  });

  it("puts delivery and bounce on the invitation's timeline, once per report", async () => {
    const id = await sentInvitation();
    const { POST } = await loadRoute(SECRET);
    const delivered = report("email.delivered");
    expect((await POST(signed(delivered, "msg_1"))).status).toBe(204);
    expect((await POST(signed(delivered, "msg_1"))).status).toBe(204);
    const bounced = report("email.bounced", {
      at: "2026-11-01T10:05:00Z",
      data: { email_id: "re_42", bounce: { message: "Mailbox does not exist" } },
    });
    expect((await POST(signed(bounced, "msg_2"))).status).toBe(204);
    const events = await timeline(id);
    expect(events.map((e) => e.type).sort()).toEqual(["bounced", "created", "delivered"]);
    expect(events.find((e) => e.type === "bounced")?.detail).toMatchObject({
      reason: "Mailbox does not exist",
    });
  });

  it("ignores reports about messages it did not send", async () => {
    const { POST } = await loadRoute(SECRET);
    const other = report("email.delivered", { data: { email_id: "re_unknown" } });
    expect((await POST(signed(other))).status).toBe(204);
    expect(await t.db.$count(invitationEvents)).toBe(0);
  });

  it("refuses a body over the size limit before verifying it", async () => {
    const { POST } = await loadRoute(SECRET);
    const huge = signed(
      report("email.delivered", { data: { email_id: "re_42", padding: "x".repeat(300_000) } }),
    );
    expect((await POST(huge)).status).toBe(413);
  });

  it("records a report once even when it arrives many times at once", async () => {
    const id = await sentInvitation();
    const { POST } = await loadRoute(SECRET);
    const delivered = report("email.delivered");
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => POST(signed(delivered, "msg_parallel"))),
    );
    expect(answers.every((a) => a.status === 204)).toBe(true);
    expect((await timeline(id)).filter((e) => e.type === "delivered")).toHaveLength(1);
  });

  it("records complaints, and answers unknown event types with success so they are not retried", async () => {
    const id = await sentInvitation();
    const { POST } = await loadRoute(SECRET);
    const complained = report("email.complained", { at: "2026-11-01T11:00:00Z" });
    expect((await POST(signed(complained, "msg_c"))).status).toBe(204);
    const opened = { type: "email.opened", created_at: "x", data: { anything: true } };
    expect((await POST(signed(opened, "msg_o"))).status).toBe(204);
    const strange = { type: "contact.created", data: null };
    expect((await POST(signed(strange, "msg_s"))).status).toBe(204);
    expect((await timeline(id)).map((e) => e.type).sort()).toEqual(["complained", "created"]);
  });
});
