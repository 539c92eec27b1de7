import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "@/db";
import { emailOutbox, invitations, products } from "@/db/schema";
import { makeActor } from "@/tests/helpers/actors";
import { apiClient } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { invitationSnapshot, invite } from "@/tests/helpers/invitations";

const t = setupTestDb();
const clock = { now: new Date("2026-03-01T09:00:00Z") };
const call = apiClient(t, clock);

async function keyed(scope: "read" | "write" = "write") {
  const admin = await makeActor(t.db, { accountName: "Hopper Security" });
  const { key } = await apiKeyOf(t.db, admin, {
    scope,
    name: scope === "write" ? "CRM" : "Reports",
  });
  return { admin, key };
}

describe("POST /api/v1/invitations", () => {
  it("invites each address on its own: a bad or duplicate one is refused, the others are sent", async () => {
    const { admin, key } = await keyed();
    await invite(t.db, { actor: admin, email: "taken@example.com" });
    const res = await call("POST", "/invitations", {
      key,
      body: {
        emails: ["ann@example.com", "not-an-address", "TAKEN@example.com", "bob@example.com"],
        subaccount_type: "enterprise",
        locale: "de",
        message: "Willkommen",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, refused: 2 });
    expect(
      res.body.results.map(
        (r: { result: string; problem?: { code: string } }) => r.problem?.code ?? r.result,
      ),
    ).toEqual(["created", "invalid_input", "invitation_duplicate_pending", "created"]);
    const ann = res.body.results[0].invitation;
    expect(ann).toMatchObject({ email: "ann@example.com", status: "pending", sent_by: admin.name });
    const emails = await t.db.select().from(emailOutbox);
    expect(emails.map((e) => e.toAddress).sort()).toEqual([
      "ann@example.com",
      "bob@example.com",
      "taken@example.com",
    ]);
    const detail = await call("GET", `/invitations/${ann.id}`, { key });
    expect(detail.body).toMatchObject({ locale: "de", message: "Willkommen" });
    expect(detail.body.history[0]).toMatchObject({
      type: "created",
      by: { name: admin.name, api_key: "CRM" },
    });
  });

  it("with a read-only key is forbidden and writes nothing", async () => {
    const { key } = await keyed("read");
    const before = await invitationSnapshot(t.db);
    const res = await call("POST", "/invitations", {
      key,
      body: { emails: ["ann@example.com"], subaccount_type: "retail", locale: "en" },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({
      code: "forbidden",
      type: "tag:certportal,2026:problem:forbidden",
    });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });

  it("refuses malformed JSON, another content type, a body over 1 MiB and unknown fields, as problems", async () => {
    const { key } = await keyed();
    const valid = { emails: ["ann@example.com"], subaccount_type: "retail", locale: "en" };
    const malformed = await call("POST", "/invitations", {
      key,
      raw: { text: "{", type: "application/json" },
    });
    expect([malformed.status, malformed.body.code]).toEqual([400, "malformed_json"]);
    const form = await call("POST", "/invitations", {
      key,
      raw: { text: "emails=a", type: "application/x-www-form-urlencoded" },
    });
    expect([form.status, form.body.code]).toEqual([415, "unsupported_media_type"]);
    const huge = await call("POST", "/invitations", {
      key,
      body: { ...valid, message: "x".repeat(1024 * 1024) },
    });
    expect([huge.status, huge.body.code]).toEqual([413, "payload_too_large"]);
    const unknown = await call("POST", "/invitations", {
      key,
      body: { ...valid, role: "administrator" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ in: "body", pointer: "", code: "unrecognized_keys" }]);
    const tooMany = await call("POST", "/invitations", {
      key,
      body: { ...valid, emails: Array.from({ length: 101 }, (_, i) => `a${i}@example.com`) },
    });
    expect(tooMany.body.errors).toEqual([{ in: "body", pointer: "/emails", code: "too_big" }]);
    expect(await t.db.$count(invitations)).toBe(0);
  });
});

describe("Idempotency-Key", () => {
  const body = { emails: ["ann@example.com"], subaccount_type: "retail", locale: "en" };

  it("answers a retry with the first answer and invites once; another body under the key is refused", async () => {
    const { key } = await keyed();
    const headers = { "idempotency-key": "deal-4711" };
    const first = await call("POST", "/invitations", { key, body, headers });
    const again = await call("POST", "/invitations", { key, body, headers });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await t.db.$count(invitations)).toBe(1);
    const other = await call("POST", "/invitations", {
      key,
      body: { ...body, locale: "de" },
      headers,
    });
    expect([other.status, other.body.code]).toEqual([422, "idempotency_key_reused"]);
  });

  it("lets two requests at once create one invitation", async () => {
    const { key } = await keyed();
    const headers = { "idempotency-key": "deal-4712" };
    const answers = await Promise.all(
      [1, 2, 3].map(() => call("POST", "/invitations", { key, body, headers })),
    );
    expect(await t.db.$count(invitations)).toBe(1);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect(
      answers.filter((a) => a.status === 200 && a.body.created === 1).length,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe("Idempotency-Key across instances and time", () => {
  const body = { emails: ["ann@example.com"], subaccount_type: "retail", locale: "en" };

  it("decides between two app instances on one PostgreSQL server", async (ctx) => {
    if (!t.url) ctx.skip(); // PGlite serves one process: there is no second instance to be.
    const second = createDb({ url: t.url!, poolSize: 5 });
    try {
      const { key } = await keyed();
      const headers = { "idempotency-key": "deal-4713" };
      const other = apiClient({ db: second.db }, clock);
      const answers = await Promise.all(
        [call, other, call, other].map((c) => c("POST", "/invitations", { key, body, headers })),
      );
      expect(await t.db.$count(invitations)).toBe(1);
      for (const a of answers) expect([200, 409]).toContain(a.status);
    } finally {
      await second.close();
    }
  });

  it("starts afresh after 24 hours", async () => {
    const { key } = await keyed();
    const headers = { "idempotency-key": "deal-4714" };
    await call("POST", "/invitations", { key, body, headers });
    const later = apiClient(t, { now: new Date(clock.now.getTime() + 24 * 3600 * 1000 + 1) });
    const again = await later("POST", "/invitations", {
      key,
      body: { ...body, locale: "de" },
      headers,
    });
    expect(again.status).toBe(200);
    expect(again.body.results[0].problem.code).toBe("invitation_duplicate_pending");
  });
});

describe("GET /api/v1/invitations", () => {
  it("pages by cursor with a Link header, filters like Manage invitations, and sees only its account", async () => {
    const { admin, key } = await keyed();
    const other = await makeActor(t.db, { accountName: "Other" });
    await invite(t.db, { actor: other, email: "foreign@example.com" });
    for (let i = 0; i < 5; i++)
      await invite(t.db, {
        actor: admin,
        email: `c${i}@example.com`,
        subaccountType: i % 2 ? "retail" : "enterprise",
        now: new Date(Date.UTC(2026, 0, 1 + i)),
      });
    const first = await call("GET", "/invitations?limit=2", { key });
    expect(first.body.data.map((r: { email: string }) => r.email)).toEqual([
      "c4@example.com",
      "c3@example.com",
    ]);
    expect(first.headers.get("link")).toBe(
      `</api/v1/invitations?limit=2&cursor=${first.body.next_cursor}>; rel="next"`,
    );
    const second = await call("GET", `/invitations?limit=2&cursor=${first.body.next_cursor}`, {
      key,
    });
    expect(second.body.data.map((r: { email: string }) => r.email)).toEqual([
      "c2@example.com",
      "c1@example.com",
    ]);
    const retail = await call("GET", "/invitations?subaccount_type=retail&order=oldest", { key });
    expect(retail.body.data.map((r: { email: string }) => r.email)).toEqual([
      "c1@example.com",
      "c3@example.com",
    ]);
    const between = await call(
      "GET",
      "/invitations?sent_from=2026-01-02T00:00:00Z&sent_until=2026-01-04T00:00:00Z",
      { key },
    );
    expect(between.body.data.map((r: { email: string }) => r.email)).toEqual([
      "c2@example.com",
      "c1@example.com",
    ]);
    const searched = await call("GET", "/invitations?q=C3", { key });
    expect(searched.body.data.map((r: { email: string }) => r.email)).toEqual(["c3@example.com"]);
    const expired = await call("GET", "/invitations?status=expired", { key });
    expect(expired.body.data).toHaveLength(5);
    const lost = await call("GET", "/invitations?cursor=not-a-cursor", { key });
    expect([lost.status, lost.body.errors]).toEqual([
      422,
      [{ in: "query", pointer: "/cursor", code: "invalid_cursor" }],
    ]);
    const bad = await call("GET", "/invitations?limit=500&status=lost", { key });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/limit",
      "/status",
    ]);
  });
});

describe("an invitation's actions", () => {
  it("resend, cancel and correct the address with the browser's rules; another account's id is not found", async () => {
    const { admin, key } = await keyed();
    const sentBefore = new Date("2026-02-27T09:00:00Z");
    const { id } = await invite(t.db, { actor: admin, email: "ann@example.com", now: sentBefore });
    const resent = await call("POST", `/invitations/${id}/resend`, { key });
    expect(resent.body).toMatchObject({ send_count: 2, status: "pending" });
    expect(resent.body.history[0]).toMatchObject({ type: "resent", by: { api_key: "CRM" } });
    const notYet = await call("POST", `/invitations/${id}/correct_address`, {
      key,
      body: { email: "ann@example.org" },
    });
    expect([notYet.status, notYet.body.code]).toEqual([409, "address_not_correctable"]);
    await t.db.update(invitations).set({ deliveryStatus: "bounced" }).where(eq(invitations.id, id));
    const corrected = await call("POST", `/invitations/${id}/correct_address`, {
      key,
      body: { email: "ann@example.org" },
    });
    expect(corrected.body).toMatchObject({ email: "ann@example.org", send_count: 3 });
    const canceled = await call("POST", `/invitations/${id}/cancel`, { key });
    expect(canceled.body.status).toBe("canceled");
    const again = await call("POST", `/invitations/${id}/resend`, { key });
    expect([again.status, again.body.code]).toEqual([409, "invitation_not_resendable"]);

    const other = await makeActor(t.db, { accountName: "Other" });
    const { id: foreign } = await invite(t.db, { actor: other });
    for (const path of [`/invitations/${foreign}`, "/invitations/not-a-uuid"]) {
      const res = await call("GET", path, { key });
      expect([res.status, res.body.code]).toEqual([404, "not_found"]);
    }
    const cancelForeign = await call("POST", `/invitations/${foreign}/cancel`, { key });
    expect([cancelForeign.status, cancelForeign.body.code]).toEqual([404, "invitation_not_found"]);
  });
});

describe("GET /api/v1/invitations?expiring=soon", () => {
  it("lists only the pending invitations expiring within 7 days", async () => {
    const { admin, key } = await keyed();
    const sent = (email: string, days: number) =>
      invite(t.db, {
        actor: admin,
        email,
        now: new Date(clock.now.getTime() - days * 24 * 3600 * 1000),
      });
    const soon = await sent("soon@example.com", 25);
    await sent("later@example.com", 10);
    await sent("lapsed@example.com", 31);
    const res = await call("GET", "/invitations?expiring=soon", { key });
    expect(res.status).toBe(200);
    expect(res.body.data.map((i: { id: string }) => i.id)).toEqual([soon.id]);
    const bad = await call("GET", "/invitations?expiring=later", { key });
    expect(bad.status).toBe(422);
  });
});

describe("extend and send again", () => {
  it("extends a pending invitation up to its ceiling, then refuses with a problem", async () => {
    const { key } = await keyed();
    const created = await call("POST", "/invitations", {
      key,
      body: { emails: ["ann@example.com"], subaccount_type: "retail", locale: "en" },
    });
    const id = created.body.results[0].invitation.id;
    const first = await call("POST", `/invitations/${id}/extend`, { key });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: "pending",
      send_count: 1,
      expires_at: "2026-04-30T09:00:00.000Z",
    });
    // Made and extended at the same moment: found by its type, not its place.
    const extended = first.body.history.find((h: { type: string }) => h.type === "extended");
    expect(extended).toMatchObject({
      by: { api_key: "CRM" },
      from: "2026-03-31T09:00:00.000Z",
      to: "2026-04-30T09:00:00.000Z",
    });
    const second = await call("POST", `/invitations/${id}/extend`, { key });
    expect(second.body.expires_at).toBe("2026-05-30T09:00:00.000Z");
    const third = await call("POST", `/invitations/${id}/extend`, { key });
    expect(third.status).toBe(409);
    expect(third.headers.get("content-type")).toBe("application/problem+json");
    expect(third.body).toMatchObject({
      code: "invitation_extension_limit",
      type: "tag:certportal,2026:problem:invitation_extension_limit",
    });
    await call("POST", `/invitations/${id}/cancel`, { key });
    const closed = await call("POST", `/invitations/${id}/extend`, { key });
    expect([closed.status, closed.body.code]).toEqual([409, "invitation_not_extendable"]);
  });

  it("sends a canceled invitation again as a new one, answering 201 with it", async () => {
    const { admin, key } = await keyed();
    const { id } = await invite(t.db, { actor: admin, email: "ann@example.com", locale: "de" });
    const pending = await call("POST", `/invitations/${id}/send_again`, { key });
    expect([pending.status, pending.body.code]).toEqual([409, "invitation_not_sendable_again"]);
    await call("POST", `/invitations/${id}/cancel`, { key });
    const res = await call("POST", `/invitations/${id}/send_again`, { key });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(id);
    expect(res.headers.get("location")).toBe(`/api/v1/invitations/${res.body.id}`);
    expect(res.body).toMatchObject({ email: "ann@example.com", locale: "de", status: "pending" });
    expect(res.body.history[0]).toMatchObject({ type: "created", from: id });
    const old = await call("GET", `/invitations/${id}`, { key });
    expect(old.body.status).toBe("canceled");
    // Canceled and sent again at the same moment: in either order.
    expect(old.body.history).toContainEqual(
      expect.objectContaining({ type: "sent_again", to: res.body.id }),
    );
    const list = await call("GET", "/invitations", { key });
    expect(list.body.data.map((i: { id: string }) => i.id).sort()).toEqual(
      [id, res.body.id].sort(),
    );
  });

  it("with a read-only key refuses both and writes nothing", async () => {
    const { admin } = await keyed();
    const { key } = await apiKeyOf(t.db, admin, { scope: "read", name: "Reports" });
    const { id } = await invite(t.db, { actor: admin });
    const before = await invitationSnapshot(t.db);
    for (const action of ["extend", "send_again"]) {
      const res = await call("POST", `/invitations/${id}/${action}`, { key });
      expect([res.status, res.body.code]).toEqual([403, "forbidden"]);
    }
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });
});

describe("limits and keys", () => {
  it("counts requests per key in PostgreSQL, with RateLimit headers and 429 with Retry-After", async () => {
    const { key } = await keyed();
    const limited = apiClient(t, clock, { requestsPerMinute: 2 });
    const one = await limited("GET", "/me", { key });
    expect(one.headers.get("ratelimit-policy")).toBe('"default";q=2;w=60');
    expect(one.headers.get("ratelimit")).toBe('"default";r=1;t=60');
    await limited("GET", "/me", { key });
    const three = await limited("GET", "/me", { key });
    expect([three.status, three.body.code]).toEqual([429, "rate_limited"]);
    expect(three.headers.get("retry-after")).toBe("60");
  });

  it("answers 401 for a missing, malformed or unknown key, and /me for a good one", async () => {
    const { admin, key } = await keyed("read");
    for (const k of [null, "nonsense", `cp_live_${"A".repeat(40)}`]) {
      const res = await call("GET", "/me", { key: k });
      expect([res.status, res.body.code]).toEqual([401, "unauthorized"]);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
    const me = await call("GET", "/me", { key });
    expect(me.body).toMatchObject({
      account: { id: admin.accountId, name: "Hopper Security" },
      key: { name: "Reports", scope: "read", acts_as: admin.name },
    });
    expect(JSON.stringify(me.body)).not.toContain(key);
  });
});

describe("an invitation's terms", () => {
  it("are sent with the invitation, shown on it, replaced while pending and recorded in its history", async () => {
    const { admin, key } = await keyed();
    const [product] = await t.db.select({ id: products.id }).from(products).limit(1);
    const created = await call("POST", "/invitations", {
      key,
      body: {
        emails: ["ann@example.com"],
        subaccount_type: "retail",
        locale: "en",
        terms: {
          billing: "bill_to_parent",
          pricing: "custom",
          products: [{ product_id: product!.id, price_cents: 24900, available: true }],
        },
      },
    });
    expect(created.body).toMatchObject({ created: 1 });
    const id = created.body.results[0].invitation.id;
    const shown = await call("GET", `/invitations/${id}`, { key });
    expect(shown.body.terms).toEqual({
      billing: "bill_to_parent",
      pricing: "custom",
      products: [{ product_id: product!.id, price_cents: 24900, available: true }],
    });

    const changed = await call("PUT", `/invitations/${id}/terms`, {
      key,
      body: { terms: { billing: "bill_to_subaccount", account_manager_id: admin.userId } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.terms).toEqual({
      billing: "bill_to_subaccount",
      account_manager_id: admin.userId,
    });
    // Made at the same moment as the invitation: found in its history, not by position.
    expect(changed.body.history).toContainEqual(
      expect.objectContaining({
        type: "terms_changed",
        by: { name: admin.name, api_key: "CRM" },
      }),
    );
    const cleared = await call("PUT", `/invitations/${id}/terms`, { key, body: { terms: null } });
    expect(cleared.body.terms).toBeNull();
  });

  it("refuses terms it cannot take as the invalid fields, and an unknown product as its problem", async () => {
    const { key } = await keyed();
    const bad = await call("POST", "/invitations", {
      key,
      body: {
        emails: ["ann@example.com"],
        subaccount_type: "retail",
        locale: "en",
        terms: { billing: "whoever_pays", discount: 10 },
      },
    });
    expect(bad.status).toBe(422);
    const unknown = await call("POST", "/invitations", {
      key,
      body: {
        emails: ["ann@example.com"],
        subaccount_type: "retail",
        locale: "en",
        terms: {
          products: [{ product_id: crypto.randomUUID(), price_cents: 1, available: true }],
        },
      },
    });
    expect(unknown.body.results[0].problem).toMatchObject({ code: "product_not_found" });
    expect(await t.db.$count(invitations)).toBe(0);
  });
});
