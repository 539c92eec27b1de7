import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, events, invitationEvents, invitations } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS as deps, invitationSnapshot, invite } from "@/tests/helpers/invitations";
import { hashToken } from "@/lib/tokens";
import { acceptInvitation } from "./accept";
import { extendInvitation } from "./extend";
import { cancelInvitation, resendInvitation } from "./send";
import { addDays, expiryFor } from "./status";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const days = (n: number) => addDays(now, n);

async function row(id: string) {
  const [inv] = await t.db.select().from(invitations).where(eq(invitations.id, id));
  return inv!;
}

describe("extend an invitation by 30 days", () => {
  it("keeps the link, moves the expiry and the queued email's deadline, and records it", async () => {
    const { id, token, actor } = await invite(t.db, { now });
    const before = await row(id);
    const result = await extendInvitation(t.db, actor, { id }, days(10));
    expect(result.expiresAt).toEqual(days(60));
    const after = await row(id);
    expect(after).toMatchObject({
      tokenHash: hashToken(token),
      expiresAt: days(60),
      lastSentAt: now,
      sendCount: 1,
      status: "pending",
    });
    expect(after.tokenHash).toBe(before.tokenHash);
    // No new email: the one still waiting to go out is worth retrying as long as its link works.
    const mails = await t.db.select().from(emailOutbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.deadlineAt).toEqual(days(60));
    const [line] = await t.db
      .select()
      .from(invitationEvents)
      .where(eq(invitationEvents.type, "extended"));
    expect(line).toMatchObject({
      invitationId: id,
      actorUserId: actor.userId,
      detail: { from: expiryFor(now).toISOString(), to: days(60).toISOString() },
    });
    const [event] = await t.db.select().from(events).where(eq(events.type, "invitation.extended"));
    expect(event!.data).toMatchObject({ id, expires_at: days(60).toISOString() });
    // The link in the first email still opens it, now past its old expiry.
    await expect(
      acceptInvitation(t.db, { token, form: acceptForm("bob.later") }, days(45), deps),
    ).resolves.toBeDefined();
  });

  it("never takes an invitation past 90 days after it was first sent", async () => {
    const { id, actor } = await invite(t.db, { now });
    await extendInvitation(t.db, actor, { id }, days(1));
    const second = await extendInvitation(t.db, actor, { id }, days(2));
    expect(second.expiresAt).toEqual(days(90));
    const before = await invitationSnapshot(t.db);
    await expect(extendInvitation(t.db, actor, { id }, days(3))).rejects.toMatchObject({
      code: "invitation_extension_limit",
    });
    expect(await invitationSnapshot(t.db)).toEqual(before);
    expect((await row(id)).expiresAt).toEqual(days(90));
  });

  it("counts the ceiling from the first send, not from a resend", async () => {
    const { id, actor } = await invite(t.db, { now });
    await resendInvitation(t.db, actor, { id }, days(50), deps);
    // Resent on day 50, it expires on day 80: an extension stops at day 90.
    expect((await extendInvitation(t.db, actor, { id }, days(51))).expiresAt).toEqual(days(90));
  });

  it("refuses accepted, canceled and expired invitations and changes nothing", async () => {
    const actor = await makeActor(t.db);
    const accepted = await invite(t.db, { actor, email: "a@contoso.example", now });
    await acceptInvitation(
      t.db,
      { token: accepted.token, form: acceptForm("ann.accepts") },
      days(1),
      deps,
    );
    const canceled = await invite(t.db, { actor, email: "c@contoso.example", now });
    await cancelInvitation(t.db, actor, { id: canceled.id }, days(1));
    // Past its expiry, before the sweep has closed it out: it shows as expired.
    const lapsed = await invite(t.db, { actor, email: "e@contoso.example", now });
    const before = await invitationSnapshot(t.db);
    for (const id of [accepted.id, canceled.id, lapsed.id])
      await expect(extendInvitation(t.db, actor, { id }, days(31))).rejects.toMatchObject({
        code: "invitation_not_extendable",
      });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });

  it("refuses a User, and another account's manager as if it did not exist", async () => {
    const { id, actor } = await invite(t.db, { now });
    const user = await actorInAccount(t.db, actor.accountId, "user");
    await expect(extendInvitation(t.db, user, { id }, days(1))).rejects.toMatchObject({
      code: "forbidden",
    });
    const stranger = await makeActor(t.db, { accountName: "Elsewhere", role: "manager" });
    await expect(extendInvitation(t.db, stranger, { id }, days(1))).rejects.toMatchObject({
      code: "invitation_not_found",
    });
    expect((await row(id)).expiresAt).toEqual(expiryFor(now));
  });
});
