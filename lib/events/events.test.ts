import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, events } from "@/db/schema";
import { deliverDue } from "@/lib/email/outbox";
import { recordProviderEvent } from "@/lib/email/provider-events";
import { devMailboxTransport } from "@/lib/email/transport";
import { acceptInvitation } from "@/lib/invitations/accept";
import { closeOutExpiredInvitations } from "@/lib/invitations/expiry";
import { cancelInvitation, resendInvitation } from "@/lib/invitations/send";
import { expiryFor } from "@/lib/invitations/status";
import { setSubaccountStatus, updateBillingAndPricing } from "@/lib/subaccounts/manage";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS, invite } from "@/tests/helpers/invitations";
import { subaccountOf } from "@/tests/helpers/subaccounts";
import { EVENT_SETTLE_SECONDS, listEvents, pruneEvents } from "./queries";
import { invitationTopic } from "@/lib/invitations/delivery";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const settled = (at: Date) => new Date(at.getTime() + EVENT_SETTLE_SECONDS * 1000);

async function eventsOf(accountId: string) {
  return t.db
    .select()
    .from(events)
    .where(eq(events.accountId, accountId))
    .orderBy(asc(events.createdAt), asc(events.id));
}

const emailsOf = (invitationId: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.topic, invitationTopic(invitationId)))
    .orderBy(asc(emailOutbox.createdAt));

describe("events", () => {
  it("are written by every change of an invitation, with the invitation as the API shows it", async () => {
    const { actor, id, token } = await invite(t.db, { email: "ann@exmaple.com", now });
    const options = {
      from: "x@example.com",
      requestsPerSecond: 1000,
      clock: { now: () => later(1), sleep: async () => {} },
    };
    await deliverDue(t.db, devMailboxTransport(t.db), options);
    const [message] = await emailsOf(id);
    await recordProviderEvent(
      t.db,
      { eventId: "b1", type: "bounced", providerMessageId: message!.providerMessageId!, at: now },
      later(2),
    );
    // The same report again tells nothing new.
    await recordProviderEvent(
      t.db,
      { eventId: "b1", type: "bounced", providerMessageId: message!.providerMessageId!, at: now },
      later(3),
    );
    const resent = await resendInvitation(
      t.db,
      actor,
      { id, email: "ann@example.com" },
      later(4),
      INVITATION_DEPS,
    );
    await deliverDue(t.db, devMailboxTransport(t.db), {
      ...options,
      clock: { now: () => later(5), sleep: async () => {} },
    });
    const messages = await emailsOf(id);
    await recordProviderEvent(
      t.db,
      {
        eventId: "d1",
        type: "delivered",
        providerMessageId: messages.at(-1)!.providerMessageId!,
        at: later(5),
      },
      later(5),
    );
    const accepted = await acceptInvitation(
      t.db,
      { token: resent.token, form: acceptForm("ann.example") },
      later(6),
      INVITATION_DEPS,
    );
    expect(token).not.toBe(resent.token);

    const written = await eventsOf(actor.accountId);
    expect(written.map((e) => e.type)).toEqual([
      "invitation.created",
      "invitation.bounced",
      "invitation.address_corrected",
      "invitation.resent",
      "invitation.delivered",
      "subaccount.created",
      "invitation.accepted",
    ]);
    expect(written[0]!.data).toEqual({
      id,
      email: "ann@exmaple.com",
      status: "pending",
      delivery: "sending",
      subaccount_type: "enterprise",
      sent_by: actor.name,
      last_sent_at: now.toISOString(),
      expires_at: expiryFor(now).toISOString(),
      subaccount_id: null,
    });
    expect(written[1]!.data).toMatchObject({ delivery: "bounced" });
    expect(written[2]!.data).toMatchObject({ email: "ann@example.com" });
    expect(written.at(-1)!.data).toMatchObject({
      status: "accepted",
      subaccount_id: accepted.accountId,
    });
    expect(written[5]!.data).toMatchObject({ id: accepted.accountId, name: "Example Ltd" });
    // Never a secret: no token, password or hash anywhere in what is told.
    const told = JSON.stringify(written);
    for (const secret of [token, resent.token, "Example-Passw0rd!", "token"])
      expect(told).not.toContain(secret);
  });

  it("tell of an expiry when the sweep closes the invitation out, and of a cancellation", async () => {
    const actor = await makeActor(t.db);
    const { id: lapsing } = await invite(t.db, { actor, email: "late@example.com", now });
    const { id: canceled } = await invite(t.db, { actor, email: "no@example.com", now });
    await cancelInvitation(t.db, actor, { id: canceled }, later(1));
    const sweptAt = new Date(expiryFor(now).getTime() + 60_000);
    expect(await closeOutExpiredInvitations(t.db, sweptAt)).toBe(1);
    const written = await eventsOf(actor.accountId);
    expect(written.slice(2).map((e) => [e.type, e.data.id, e.data.status])).toEqual([
      ["invitation.canceled", canceled, "canceled"],
      ["invitation.expired", lapsing, "expired"],
    ]);
  });

  it("tell the parent of a subaccount's changes; a refused change tells nothing", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(t.db, parent, {}, now);
    await setSubaccountStatus(t.db, parent, { id, status: "deactivated" }, later(1));
    await setSubaccountStatus(t.db, parent, { id, status: "active" }, later(2));
    await updateBillingAndPricing(
      t.db,
      parent,
      { id, billing: "bill_to_subaccount", pricing: "standard" },
      later(3),
    );
    const manager = await actorInAccount(t.db, parent.accountId, "manager");
    await expect(
      setSubaccountStatus(t.db, manager, { id, status: "deactivated" }, later(4)),
    ).rejects.toThrow();
    const written = await eventsOf(parent.accountId);
    expect(written.map((e) => [e.type, e.data.status])).toEqual([
      ["subaccount.created", "active"],
      ["subaccount.deactivated", "deactivated"],
      ["subaccount.reactivated", "active"],
      ["subaccount.updated", "active"],
    ]);
    expect(written.at(-1)!.data).toMatchObject({ id, billing: "bill_to_subaccount" });
    // The subaccount hears nothing of itself.
    expect(await eventsOf(id)).toEqual([]);
  });

  it("are listed oldest first once settled, by type, since a moment and from a cursor; kept for the retention only", async () => {
    const actor = await makeActor(t.db);
    const neighbour = await makeActor(t.db, { accountName: "Neighbour" });
    for (let i = 0; i < 3; i++)
      await invite(t.db, { actor, email: `p${i}@example.com`, now: later(i) });
    const { id } = await invite(t.db, { actor: neighbour, email: "n@example.com", now });
    await cancelInvitation(t.db, neighbour, { id }, later(1));
    const { id: last } = await invite(t.db, { actor, email: "new@example.com", now: later(10) });

    // Not yet settled: the newest is not listed until it is.
    const first = await listEvents(t.db, actor, {}, later(10), { size: 2 });
    expect(first.rows.map((e) => e.data.email)).toEqual(["p0@example.com", "p1@example.com"]);
    expect(first.hasMore).toBe(true);
    const second = await listEvents(t.db, actor, { cursor: first.nextCursor! }, later(10), {
      size: 2,
    });
    expect(second.rows.map((e) => e.data.email)).toEqual(["p2@example.com"]);
    expect(second.hasMore).toBe(false);
    // The cursor of the last page is where what follows will be.
    const after = await listEvents(
      t.db,
      actor,
      { cursor: second.nextCursor! },
      settled(later(10)),
      {
        size: 2,
      },
    );
    expect(after.rows.map((e) => e.data.id)).toEqual([last]);
    const quiet = await listEvents(t.db, actor, { cursor: after.nextCursor! }, later(20), {
      size: 2,
    });
    expect(quiet).toMatchObject({ rows: [], hasMore: false, nextCursor: after.nextCursor });

    const since = await listEvents(t.db, actor, { since: later(2) }, later(20), { size: 10 });
    expect(since.rows.map((e) => e.data.email)).toEqual(["p2@example.com", "new@example.com"]);
    const canceled = await listEvents(
      t.db,
      neighbour,
      { types: ["invitation.canceled"] },
      later(20),
      { size: 10 },
    );
    expect(canceled.rows.map((e) => [e.type, e.data.id])).toEqual([["invitation.canceled", id]]);
    expect(
      (await listEvents(t.db, actor, { types: ["invitation.canceled"] }, later(20), { size: 10 }))
        .rows,
    ).toEqual([]);

    const day = 24 * 60;
    expect(await pruneEvents(t.db, later(30 * day + 5), 30)).toBe(5);
    expect((await t.db.select().from(events)).map((e) => e.data.id)).toEqual([last]);
  });
});
