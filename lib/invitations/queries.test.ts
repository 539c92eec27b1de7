import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/tests/helpers/db";
import { makeActor } from "@/tests/helpers/actors";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";
import { everyPage } from "@/tests/helpers/lists";
import { PAGE_SIZE } from "@/lib/lists/keyset";
import { accountOverview } from "@/lib/accounts/own";
import { extendInvitation } from "./extend";
import {
  expiringSoonCount,
  getInvitationDetail,
  invitationListParams,
  invitationListTotal,
  listInvitations,
} from "./queries";
import { acceptInvitation } from "./accept";
import { cancelInvitation, resendInvitation } from "./send";

const t = setupTestDb();
const t0 = new Date("2026-01-01T00:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const params = (p: Record<string, string | undefined> = {}) => invitationListParams.parse(p);

async function seed(count: number) {
  const actor = await makeActor(t.db);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `person${i}@example.com`;
    const { id } = await invite(t.db, { actor, email, subaccountType: "retail", now: minutes(i) });
    ids.push(id);
  }
  return { actor, ids };
}

describe("listing invitations", () => {
  it("pages through every invitation newest first without gaps or repeats", async () => {
    const { actor, ids } = await seed(PAGE_SIZE * 2 + 3);
    const pages = await everyPage((after) =>
      listInvitations(t.db, actor.accountId, params({ after }), minutes(100)),
    );
    expect(pages.flat().map((r) => r.id)).toEqual([...ids].reverse());
  });

  it("goes back one page with Previous, not to the first, in either order and on the Expired list", async () => {
    const { actor, ids } = await seed(PAGE_SIZE * 3 + 2);
    const walk = async (filters: Record<string, string>, now: Date) => {
      const pages = (
        await everyPage((after) =>
          listInvitations(t.db, actor.accountId, params({ ...filters, after }), now),
        )
      ).map((rows) => rows.map((r) => r.id));
      // From the last page, Previous leads through each page before it in turn.
      let back = await listInvitations(t.db, actor.accountId, params(filters), now);
      for (let i = 0; i < pages.length - 1; i++)
        back = await listInvitations(
          t.db,
          actor.accountId,
          params({ ...filters, after: back.nextCursor! }),
          now,
        );
      expect(back.rows.map((r) => r.id)).toEqual(pages.at(-1));
      for (let i = pages.length - 2; i >= 0; i--) {
        expect(back.previousCursor).not.toBeNull();
        back = await listInvitations(
          t.db,
          actor.accountId,
          params({ ...filters, before: back.previousCursor! }),
          now,
        );
        expect(back.rows.map((r) => r.id)).toEqual(pages[i]);
      }
      expect(back.previousCursor).toBeNull();
      return pages;
    };
    const newest = await walk({}, minutes(200));
    expect(newest.flat()).toEqual([...ids].reverse());
    const oldest = await walk({ sort: "oldest" }, minutes(200));
    expect(oldest.flat()).toEqual(ids);
    // All lapsed, none swept yet: the Expired list reads them through its second part.
    const expired = await walk(
      { status: "expired" },
      new Date(minutes(200).getTime() + 31 * 86_400_000),
    );
    expect(expired.flat()).toEqual([...ids].reverse());
  });

  it("sorts oldest first on request", async () => {
    const { actor, ids } = await seed(3);
    const page = await listInvitations(
      t.db,
      actor.accountId,
      params({ sort: "oldest" }),
      minutes(10),
    );
    expect(page.rows.map((r) => r.id)).toEqual(ids);
  });

  it("orders the Pending and Expired tabs by expiry, either way, and falls back elsewhere", async () => {
    const { actor, ids } = await seed(3);
    // One resent: its expiry moves past the others'.
    await resendInvitation(t.db, actor, { id: ids[0]! }, minutes(5), deps);
    const order = async (p: Record<string, string>) =>
      (await listInvitations(t.db, actor.accountId, params(p), minutes(10))).rows.map((r) => r.id);
    const byExpiry = [ids[1], ids[2], ids[0]];
    expect(await order({ status: "pending", sort: "expires" })).toEqual(byExpiry);
    expect(await order({ status: "pending", sort: "expiresLatest" })).toEqual(
      [...byExpiry].reverse(),
    );
    // A month on, they have all lapsed: the Expired tab orders them the same way.
    const later = await listInvitations(
      t.db,
      actor.accountId,
      params({ status: "expired", sort: "expires" }),
      minutes(60 * 24 * 40),
    );
    expect(later.rows.map((r) => r.id)).toEqual(byExpiry);
    // Accepted and canceled ones show no expiry: newest sent first.
    expect(await order({ sort: "expires" })).toEqual([ids[0], ids[2], ids[1]]);
  });

  it("filters by the status a person sees, expired included", async () => {
    const { actor, ids } = await seed(4);
    await cancelInvitation(t.db, actor, { id: ids[0]! }, minutes(5));
    const [, second] = ids;
    // Only the most recent invitation stays pending: the others are past 30 days when resent later.
    const later = new Date(minutes(3).getTime() + 30 * 24 * 3600_000 - 1000);
    const { token } = await resendInvitation(t.db, actor, { id: ids[3]! }, minutes(3), deps);
    await acceptInvitation(t.db, { token, form: acceptForm("accepted.one") }, minutes(6), deps);
    const status = async (s: string) =>
      (await listInvitations(t.db, actor.accountId, params({ status: s }), later)).rows.map(
        (r) => r.id,
      );
    expect(await status("canceled")).toEqual([ids[0]]);
    expect(await status("accepted")).toEqual([ids[3]]);
    expect((await status("expired")).sort()).toEqual([second, ids[2]].sort());
    expect(await status("pending")).toEqual([]);
    const early = await listInvitations(
      t.db,
      actor.accountId,
      params({ status: "pending" }),
      minutes(7),
    );
    expect(early.rows.map((r) => r.status)).toEqual(["pending", "pending"]);
  });

  it("searches by part of the email, treating % and _ literally", async () => {
    const { actor } = await seed(12);
    const page = await listInvitations(
      t.db,
      actor.accountId,
      params({ q: "PERSON1" }),
      minutes(20),
    );
    expect(page.rows.map((r) => r.email).sort()).toEqual(
      ["person1@example.com", "person10@example.com", "person11@example.com"].sort(),
    );
    expect(
      (await listInvitations(t.db, actor.accountId, params({ q: "%" }), minutes(20))).rows,
    ).toEqual([]);
  });

  it("shows one account nothing of another's", async () => {
    await seed(3);
    const stranger = await makeActor(t.db, { accountName: "Stranger" });
    expect((await listInvitations(t.db, stranger.accountId, params(), minutes(10))).rows).toEqual(
      [],
    );
  });

  it("ignores malformed filters and cursors in the URL", async () => {
    expect(params({ status: "bogus", sort: "sideways", after: "!!" })).toMatchObject({
      status: undefined,
      sort: "newest",
    });
  });
});

describe("invitation details", () => {
  it("includes the timeline and never the token hash, and only for the owning account", async () => {
    const { actor, ids } = await seed(1);
    await resendInvitation(t.db, actor, { id: ids[0]! }, minutes(5), deps);
    const detail = await getInvitationDetail(t.db, actor.accountId, ids[0]!, minutes(6));
    expect(detail).toMatchObject({
      displayStatus: "pending",
      sendCount: 2,
      sentByName: actor.name,
    });
    expect(detail!.events.map((e) => [e.type, e.actorName])).toEqual([
      ["resent", actor.name],
      ["created", actor.name],
    ]);
    expect(detail).not.toHaveProperty("tokenHash");
    const stranger = await makeActor(t.db, { accountName: "Stranger" });
    expect(await getInvitationDetail(t.db, stranger.accountId, ids[0]!, minutes(6))).toBeNull();
  });
});

describe("the list's total", () => {
  const counts = { pending: 3, accepted: 2, expired: 1, canceled: 4, all: 10 };
  it("comes from the counters for a status or all, and is not known for a search or delivery filter", () => {
    expect(invitationListTotal(counts, params())).toBe(10);
    expect(invitationListTotal(counts, params({ status: "canceled" }))).toBe(4);
    expect(invitationListTotal(counts, params({ status: "pending", q: "bob" }))).toBeUndefined();
    expect(invitationListTotal(counts, params({ delivery: "problems" }))).toBeUndefined();
    expect(invitationListTotal(counts, params({ email: "bob@example.com" }))).toBeUndefined();
    expect(invitationListTotal(counts, params({ type: "retail" }))).toBeUndefined();
  });
});

describe("expiring soon", () => {
  const day = (n: number) => new Date(t0.getTime() + n * 24 * 3600 * 1000);
  const now = day(25);

  it("lists and counts the pending invitations expiring within 7 days, extended ones too", async () => {
    const actor = await makeActor(t.db);
    const sent = (email: string, at: number) => invite(t.db, { actor, email, now: day(at) });
    const soon = [
      (await sent("five-days@example.com", 0)).id,
      (await sent("three-days@example.com", -2)).id,
    ];
    // Sent long ago, extended to expire on day 26.
    const extended = await sent("extended@example.com", -34);
    await extendInvitation(t.db, actor, { id: extended.id }, day(-5));
    soon.push(extended.id);
    await sent("later@example.com", 10);
    await sent("lapsed@example.com", -6);
    const canceled = await sent("canceled@example.com", 1);
    await cancelInvitation(t.db, actor, { id: canceled.id }, day(2));
    // Extended out of the window.
    const moved = await sent("moved@example.com", -1);
    await extendInvitation(t.db, actor, { id: moved.id }, day(3));

    const page = await listInvitations(t.db, actor.accountId, params({ expiring: "soon" }), now);
    expect(page.rows.map((r) => r.id).sort()).toEqual([...soon].sort());
    expect(page.rows.every((r) => r.status === "pending")).toBe(true);
    const pending = await listInvitations(
      t.db,
      actor.accountId,
      params({ status: "pending", expiring: "soon", sort: "expires" }),
      now,
    );
    expect(pending.rows.map((r) => r.id).sort()).toEqual([...soon].sort());
    const accepted = await listInvitations(
      t.db,
      actor.accountId,
      params({ status: "accepted", expiring: "soon" }),
      now,
    );
    expect(accepted.rows).toEqual([]);
    expect(await expiringSoonCount(t.db, actor.accountId, now)).toBe(3);
    expect((await accountOverview(t.db, actor.accountId, now)).expiringSoonInvitations).toBe(3);
    // A filter the counters do not know: no total.
    expect(invitationListTotal({ all: 9 } as never, params({ expiring: "soon" }))).toBeUndefined();
  });
});
