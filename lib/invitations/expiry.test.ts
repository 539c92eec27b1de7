import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations } from "@/db/schema";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { closeOutExpiredInvitations } from "./expiry";
import { invitationCounts, invitationListParams, listInvitations } from "./queries";
import { INVITATION_TTL_DAYS } from "./constants";
import { displayStatus } from "./status";
import { acceptInvitation } from "./accept";
import { cancelInvitation, resendInvitation } from "./send";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";
import { everyPage } from "@/tests/helpers/lists";

const t = setupTestDb();
const t0 = new Date("2026-01-01T00:00:00Z");
const DAY = 24 * 3600_000;
const at = (days: number, minutes = 0) => new Date(t0.getTime() + days * DAY + minutes * 60_000);
const TTL = INVITATION_TTL_DAYS;

/** The counts as an exact count(*) over the rows would give them. */
async function countedByRows(accountId: string, now: Date) {
  const rows = await t.db
    .select({ status: invitations.status, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(eq(invitations.accountId, accountId));
  const by = (s: string) => rows.filter((r) => displayStatus(r, now) === s).length;
  return {
    pending: by("pending"),
    expired: by("expired"),
    accepted: by("accepted"),
    canceled: by("canceled"),
    all: rows.length,
  };
}

describe("invitation counts", () => {
  it("follow every change in the same transaction and agree with counting the rows", async () => {
    const actor = await makeActor(t.db);
    const other = await makeActor(t.db, { accountName: "Other" });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push((await invite(t.db, { actor, email: `p${i}@example.com`, now: at(0, i) })).id);
    await invite(t.db, { actor: other, email: "elsewhere@example.com", now: at(0) });
    expect(await invitationCounts(t.db, actor.accountId, at(1))).toEqual({
      pending: 6,
      expired: 0,
      accepted: 0,
      canceled: 0,
      all: 6,
    });

    await cancelInvitation(t.db, actor, { id: ids[0]! }, at(1));
    const { token } = await resendInvitation(t.db, actor, { id: ids[1]! }, at(2), deps);
    await acceptInvitation(t.db, { token, form: acceptForm("counted.one") }, at(3), deps);
    // Past the first five's expiry, before the sweep has run: they show as expired at once.
    const later = at(TTL, 30);
    await resendInvitation(t.db, actor, { id: ids[5]! }, at(TTL, 10), deps);
    expect(await invitationCounts(t.db, actor.accountId, later)).toEqual(
      await countedByRows(actor.accountId, later),
    );
    expect(await invitationCounts(t.db, actor.accountId, later)).toMatchObject({
      pending: 1,
      expired: 3,
      accepted: 1,
      canceled: 1,
    });

    // The sweep stores "expired" (here and in the other account); what people see does not change.
    expect(await closeOutExpiredInvitations(t.db, later)).toBe(4);
    expect(await invitationCounts(t.db, actor.accountId, later)).toEqual(
      await countedByRows(actor.accountId, later),
    );
    // A newer invitation to a closed-out address, and resending an expired one.
    await invite(t.db, { actor, email: "p2@example.com", now: later });
    await resendInvitation(t.db, actor, { id: ids[3]! }, later, deps);
    expect(await invitationCounts(t.db, actor.accountId, later)).toMatchObject({
      pending: 3,
      expired: 2,
      all: 7,
    });
    // Rows removed by any means leave the counters too.
    await t.db.delete(invitations).where(eq(invitations.accountId, actor.accountId));
    expect(await invitationCounts(t.db, actor.accountId, later)).toMatchObject({ all: 0 });
    expect(await invitationCounts(t.db, other.accountId, later)).toMatchObject({
      expired: 1,
      all: 1,
    });
  });

  it("are emptied with the invitations by TRUNCATE, which fires no delete trigger", async () => {
    const actor = await makeActor(t.db);
    await invite(t.db, { actor, email: "gone@example.com", now: at(0) });
    await t.db.execute(sql`truncate table invitations cascade`);
    expect((await invitationCounts(t.db, actor.accountId, at(1))).all).toBe(0);
  });

  it("count a bulk insert of many rows in one statement", async () => {
    const actor = await makeActor(t.db);
    await t.db.execute(sql`
      insert into invitations (account_id, email, subaccount_type, locale, token_hash, status, sent_by, sent_at, last_sent_at, expires_at)
      select ${actor.accountId}, 'bulk' || g || '@example.com', 'retail', 'en', md5(g::text),
             (array['pending','accepted','canceled']::invitation_status[])[1 + g % 3], ${actor.userId},
             ${t0.toISOString()}::timestamptz, ${t0.toISOString()}::timestamptz, ${at(TTL).toISOString()}::timestamptz
      from generate_series(1, 300) g`);
    expect(await invitationCounts(t.db, actor.accountId, at(1))).toEqual({
      pending: 100,
      expired: 0,
      accepted: 100,
      canceled: 100,
      all: 300,
    });
  });
});

describe("the expiry sweep", () => {
  it("closes out only pending invitations past their expiry, in batches", async () => {
    const actor = await makeActor(t.db);
    for (let i = 0; i < 5; i++)
      await invite(t.db, { actor, email: `old${i}@example.com`, now: at(0, i) });
    await invite(t.db, { actor, email: "fresh@example.com", now: at(TTL) });
    expect(await closeOutExpiredInvitations(t.db, at(TTL, 10), { batchSize: 2 })).toBe(5);
    const stored = await t.db
      .select({ status: invitations.status, n: count() })
      .from(invitations)
      .groupBy(invitations.status)
      .orderBy(invitations.status);
    expect(stored).toEqual([
      { status: "pending", n: 1 },
      { status: "expired", n: 5 },
    ]);
    expect(await closeOutExpiredInvitations(t.db, at(TTL, 10))).toBe(0);
  });

  it("lists closed-out and not yet closed-out expired invitations as one list, in order", async () => {
    const actor = await makeActor(t.db);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++)
      ids.push((await invite(t.db, { actor, email: `e${i}@example.com`, now: at(0, i) })).id);
    // Half of them closed out (the older ones), the rest still stored as pending.
    await closeOutExpiredInvitations(t.db, at(TTL, 15));
    const now = at(TTL, 45);
    for (const sort of ["newest", "oldest"] as const) {
      const seen = (
        await everyPage((after) =>
          listInvitations(
            t.db,
            actor.accountId,
            invitationListParams.parse({ status: "expired", sort, after }),
            now,
          ),
        )
      ).flat();
      expect(seen.every((r) => r.status === "expired")).toBe(true);
      expect(seen.map((r) => r.id)).toEqual(sort === "newest" ? [...ids].reverse() : ids);
    }
  });
});
