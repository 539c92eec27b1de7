import { describe, expect, it } from "vitest";
import { invitations } from "@/db/schema";
import { cancelInvitation } from "@/lib/invitations/send";
import { makeActor } from "@/tests/helpers/actors";
import { apiClient, CERTCENTRAL } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { certCentralDate } from "./certcentral";

const t = setupTestDb();
const clock = { now: new Date("2026-03-01T09:00:00Z") };
const call = apiClient(t, clock, {}, CERTCENTRAL);

async function keyed(scope: "read" | "write" = "write") {
  const admin = await makeActor(t.db);
  const { key } = await apiKeyOf(t.db, admin, { scope });
  return { admin, key };
}

describe("CertCentral's invitation endpoints", () => {
  it("send invites as that API takes them, answering 204, with the same history and emails", async () => {
    const { key } = await keyed();
    const res = await call("POST", "/account/subaccount/invite", {
      key,
      body: {
        emails: ["email@dev.com", "other@dev.com"],
        subaccount_type: "reseller",
        invite_note: "Sign up!",
      },
    });
    expect(res.status).toBe(204);
    const rows = await t.db.select().from(invitations);
    expect(rows.map((r) => [r.email, r.subaccountType, r.customMessage])).toEqual([
      ["email@dev.com", "reseller", "Sign up!"],
      ["other@dev.com", "reseller", "Sign up!"],
    ]);
  });

  it("names each refused address in its error shape; the others are invited", async () => {
    const { admin, key } = await keyed();
    await invite(t.db, { actor: admin, email: "taken@dev.com" });
    const res = await call("POST", "/account/subaccount/invite", {
      key,
      body: { emails: ["new@dev.com", "taken@dev.com"], subaccount_type: "retail" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [
        { code: "invitation_duplicate_pending", message: expect.stringContaining("taken@dev.com") },
      ],
    });
    expect(await t.db.$count(invitations)).toBe(2);
  });

  it("list invites with its filters, sort, offset and page, dates as yyyy-MM-dd HH:mm:ss", async () => {
    const { admin, key } = await keyed("read");
    for (let i = 0; i < 4; i++)
      await invite(t.db, {
        actor: admin,
        email: `c${i}@gmail.com`,
        now: new Date(Date.UTC(2026, 1, 10 + i, 8, 5, 9)),
      });
    const { id: gone } = await invite(t.db, {
      actor: admin,
      email: "x@corp.example",
      now: new Date(Date.UTC(2026, 1, 1)),
    });
    await cancelInvitation(t.db, admin, { id: gone }, new Date(Date.UTC(2026, 1, 2)));
    const all = await call("GET", "/account/subaccount/invite?limit=2&offset=1", { key });
    expect(all.body.page).toEqual({ total: 5, limit: 2, offset: 1 });
    expect(all.body.subaccount_invites.map((i: { email: string }) => i.email)).toEqual([
      "c2@gmail.com",
      "c1@gmail.com",
    ]);
    expect(all.body.subaccount_invites[0]).toEqual({
      id: expect.any(String),
      email: "c2@gmail.com",
      subaccount_type: "enterprise",
      invite_note: null,
      date_created: "2026-02-12 08:05:09",
      last_sent_date: "2026-02-12 08:05:09",
      status: "pending",
    });
    const canceled = await call("GET", "/account/subaccount/invite?filters[status]=cancelled", {
      key,
    });
    expect(canceled.body.subaccount_invites).toMatchObject([
      { email: "x@corp.example", status: "cancelled" },
    ]);
    const contains = await call(
      "GET",
      "/account/subaccount/invite?filters[search]=%25gmail&sort=last_sent_date",
      { key },
    );
    expect(contains.body.subaccount_invites.map((i: { email: string }) => i.email)).toEqual([
      "c0@gmail.com",
      "c1@gmail.com",
      "c2@gmail.com",
      "c3@gmail.com",
    ]);
    const exact = await call("GET", "/account/subaccount/invite?filters[search]=C1@gmail.com", {
      key,
    });
    expect(exact.body.subaccount_invites.map((i: { email: string }) => i.email)).toEqual([
      "c1@gmail.com",
    ]);
    const info = await call("GET", `/account/subaccount/${gone}`, { key });
    expect(info.body).toMatchObject({ id: gone, status: "cancelled" });
  });

  it("refuse as that API does: a bad key, a read-only key's invite, an unknown invite", async () => {
    const { key } = await keyed("read");
    const noKey = await call("GET", "/account/subaccount/invite", { key: null });
    expect(noKey).toMatchObject({
      status: 401,
      body: { errors: [{ code: "access_denied|invalid_api_key" }] },
    });
    const readOnly = await call("POST", "/account/subaccount/invite", {
      key,
      body: { emails: ["a@dev.com"], subaccount_type: "retail" },
    });
    expect(readOnly).toMatchObject({
      status: 403,
      body: { errors: [{ code: "access_denied|missing_permission" }] },
    });
    const unknown = await call("GET", "/account/subaccount/00000000-0000-4000-8000-000000000000", {
      key,
    });
    expect(unknown).toMatchObject({
      status: 404,
      body: { errors: [{ code: "not_found|invite" }] },
    });
    const badLimit = await call("GET", "/account/subaccount/invite?limit=5000", { key });
    expect(badLimit).toMatchObject({
      status: 400,
      body: { errors: [{ code: "invalid_request|limit" }] },
    });
    expect(certCentralDate(new Date("2026-01-14T11:17:38.999Z"))).toBe("2026-01-14 11:17:38");
  });
});
