import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, invitationEvents, invitations } from "@/db/schema";
import { hashToken } from "@/lib/tokens";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS as deps, invitationSnapshot, invite } from "@/tests/helpers/invitations";
import { acceptInvitation } from "./accept";
import { closeOutExpiredInvitations } from "./expiry";
import { getInvitationDetail } from "./queries";
import { cancelInvitation } from "./send";
import { sendAgain } from "./send-again";
import { addDays, expiryFor } from "./status";
import { invitationTopic } from "@/lib/invitations/delivery";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const days = (n: number) => addDays(now, n);

const original = {
  email: "Bob@Contoso.example",
  subaccountType: "retail" as const,
  customMessage: "Hallo Bob,\nwie besprochen.",
  firstName: "Bob",
  lastName: "Builder",
  company: "Contoso",
  locale: "de" as const,
  now,
};

async function row(id: string) {
  const [inv] = await t.db.select().from(invitations).where(eq(invitations.id, id));
  return inv!;
}

describe("send again", () => {
  it("makes a new invitation like the canceled one and keeps the old one", async () => {
    const old = await invite(t.db, original);
    await cancelInvitation(t.db, old.actor, { id: old.id }, days(2));
    const later = days(5);
    const fresh = await sendAgain(t.db, old.actor, { id: old.id }, later, deps);
    expect(fresh.id).not.toBe(old.id);
    expect(await row(fresh.id)).toMatchObject({
      email: original.email,
      subaccountType: "retail",
      customMessage: original.customMessage,
      inviteeFirstName: "Bob",
      inviteeLastName: "Builder",
      inviteeCompany: "Contoso",
      locale: "de",
      status: "pending",
      sentAt: later,
      expiresAt: expiryFor(later),
      tokenHash: hashToken(fresh.token),
      sendCount: 1,
    });
    // The old one is kept as it was, its history naming the new one.
    expect(await row(old.id)).toMatchObject({
      status: "canceled",
      tokenHash: hashToken(old.token),
    });
    expect(await t.db.$count(invitations)).toBe(2);
    const oldDetail = await getInvitationDetail(t.db, old.actor.accountId, old.id, later);
    expect(oldDetail!.events[0]).toMatchObject({ type: "sent_again", to: fresh.id });
    const newDetail = await getInvitationDetail(t.db, old.actor.accountId, fresh.id, later);
    expect(newDetail!.events.map((e) => [e.type, e.from])).toEqual([["created", old.id]]);
    // Its own email, in German, with its own link.
    const [mail] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.topic, invitationTopic(fresh.id)));
    expect(mail!.subject).toContain("lädt Sie zu CertPortal ein");
    expect(mail!.text).toContain(`/accept/${fresh.token}`);
    expect(mail!.text).toContain("wie besprochen.");
  });

  it("sends an expired one again, whether or not the sweep has closed it out", async () => {
    const actor = await makeActor(t.db);
    const lapsed = await invite(t.db, { actor, email: "lapsed@contoso.example", now });
    const swept = await invite(t.db, { actor, email: "swept@contoso.example", now });
    await closeOutExpiredInvitations(t.db, days(31));
    await t.db.update(invitations).set({ status: "pending" }).where(eq(invitations.id, lapsed.id));
    for (const old of [lapsed, swept]) {
      const fresh = await sendAgain(t.db, actor, { id: old.id }, days(40), deps);
      expect((await row(fresh.id)).status).toBe("pending");
      expect((await row(old.id)).status).toBe("expired");
    }
    expect(await t.db.$count(invitations)).toBe(4);
  });

  it("refuses a pending or accepted invitation and changes nothing", async () => {
    const actor = await makeActor(t.db);
    const pending = await invite(t.db, { actor, email: "p@contoso.example", now });
    const accepted = await invite(t.db, { actor, email: "a@contoso.example", now });
    await acceptInvitation(
      t.db,
      { token: accepted.token, form: acceptForm("ann.accepts") },
      days(1),
      deps,
    );
    const before = await invitationSnapshot(t.db);
    for (const id of [pending.id, accepted.id])
      await expect(sendAgain(t.db, actor, { id }, days(2), deps)).rejects.toMatchObject({
        code: "invitation_not_sendable_again",
      });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });

  it("refuses while a newer invitation to the same address is pending", async () => {
    const old = await invite(t.db, { now });
    await cancelInvitation(t.db, old.actor, { id: old.id }, days(1));
    await sendAgain(t.db, old.actor, { id: old.id }, days(2), deps);
    await expect(sendAgain(t.db, old.actor, { id: old.id }, days(3), deps)).rejects.toMatchObject({
      code: "invitation_duplicate_pending",
    });
    const sentAgain = await t.db
      .select()
      .from(invitationEvents)
      .where(
        and(eq(invitationEvents.invitationId, old.id), eq(invitationEvents.type, "sent_again")),
      );
    expect(sentAgain).toHaveLength(1);
  });

  it("counts against the account's hourly limit of invitations", async () => {
    const old = await invite(t.db, { now });
    await cancelInvitation(t.db, old.actor, { id: old.id }, days(1));
    const before = await invitationSnapshot(t.db);
    await expect(
      sendAgain(t.db, old.actor, { id: old.id }, now, { ...deps, invitationsPerHour: 1 }),
    ).rejects.toMatchObject({ code: "invitation_rate_limited" });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });

  it("refuses another account's invitation as if it did not exist", async () => {
    const old = await invite(t.db, { now });
    await cancelInvitation(t.db, old.actor, { id: old.id }, days(1));
    const stranger = await makeActor(t.db, { accountName: "Elsewhere" });
    await expect(sendAgain(t.db, stranger, { id: old.id }, days(2), deps)).rejects.toMatchObject({
      code: "invitation_not_found",
    });
    expect(await t.db.$count(invitations)).toBe(1);
  });
});
