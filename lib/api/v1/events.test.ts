import { describe, expect, it } from "vitest";
import { EVENT_SETTLE_SECONDS } from "@/lib/events/queries";
import { makeActor } from "@/tests/helpers/actors";
import { apiClient } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";

const t = setupTestDb();
const clock = { now: new Date("2026-03-01T09:00:00Z") };
const call = apiClient(t, clock);
const wait = (seconds: number) => (clock.now = new Date(clock.now.getTime() + seconds * 1000));

describe("GET /api/v1/events", () => {
  it("tells a CRM what its key's calls changed, oldest first, a page at a time, by type", async () => {
    const admin = await makeActor(t.db, { accountName: "Hopper Security" });
    const { key } = await apiKeyOf(t.db, admin, { name: "CRM" });
    const made = await call("POST", "/invitations", {
      key,
      body: {
        emails: ["ann@example.com", "bob@example.com"],
        subaccount_type: "retail",
        locale: "en",
      },
    });
    const [ann, bob] = made.body.results.map((r: { invitation: { id: string } }) => r.invitation);
    wait(1);
    await call("POST", `/invitations/${bob.id}/cancel`, { key });
    wait(EVENT_SETTLE_SECONDS);

    const page = await call("GET", "/events?limit=2", { key });
    expect(page.status).toBe(200);
    expect(
      page.body.data.map((e: { type: string; data: { id: string } }) => [e.type, e.data.id]),
    ).toEqual([
      ["invitation.created", ann.id],
      ["invitation.created", bob.id],
    ]);
    expect(page.body.data[0].data).toMatchObject({ email: "ann@example.com", status: "pending" });
    expect(page.body.has_more).toBe(true);
    const next = await call("GET", `/events?limit=2&cursor=${page.body.next_cursor}`, { key });
    expect(next.body.data.map((e: { type: string }) => e.type)).toEqual(["invitation.canceled"]);
    expect(next.body).toMatchObject({ has_more: false });
    expect(next.body.next_cursor).toEqual(expect.any(String));

    const canceled = await call("GET", "/events?types=invitation.canceled,subaccount.created", {
      key,
    });
    expect(canceled.body.data.map((e: { data: { status: string } }) => e.data.status)).toEqual([
      "canceled",
    ]);
    const since = await call(
      "GET",
      `/events?since=${encodeURIComponent(new Date(clock.now.getTime() - EVENT_SETTLE_SECONDS * 1000).toISOString())}`,
      { key },
    );
    expect(since.body.data.map((e: { type: string }) => e.type)).toEqual(["invitation.canceled"]);
  });

  it("refuses an unknown type and a bad moment, naming the parameter", async () => {
    const { key } = await apiKeyOf(t.db, await makeActor(t.db), { name: "CRM" });
    for (const [query, pointer] of [
      ["types=invitation.eaten", "/types/0"],
      ["since=yesterday", "/since"],
    ]) {
      const res = await call("GET", `/events?${query}`, { key });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ in: "query", pointer })]);
    }
  });
});
