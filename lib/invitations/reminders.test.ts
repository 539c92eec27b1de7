import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  accounts,
  emailOutbox,
  events,
  invitationEvents,
  invitationRetiredTokens,
  invitations,
  users,
} from "@/db/schema";
import { hashToken, newToken } from "@/lib/tokens";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { acceptForm, APP_DEPS } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";
import { acceptInvitation, viewInvitationToken } from "./accept";
import { setInvitationDelivery } from "./delivery";
import { closeOutExpiredInvitations } from "./expiry";
import { extendInvitation } from "./extend";
import { invitationReminderKey, sendDueReminders } from "./reminders";
import { cancelInvitation, resendInvitation } from "./send";
import { addDays } from "./status";
import { invitationTopic } from "./delivery";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const days = (n: number) => addDays(now, n);

const reminders = () =>
  t.db.select().from(emailOutbox).where(eq(emailOutbox.template, "invitation-reminder"));

/** The token in an email's link: what the invitee would open. */
function linkToken(text: string): string {
  const match = /\/accept\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!match) throw new Error("no link in the email");
  return match[1]!;
}

async function row(id: string) {
  const [inv] = await t.db.select().from(invitations).where(eq(invitations.id, id));
  return inv!;
}

describe("reminders", () => {
  it("reminds once, the account's reminder days before expiry, with the link of the email", async () => {
    const { id, token, actor } = await invite(t.db, { now, firstName: "Bob" });
    // 30 days from now; the default is 7 days before.
    expect(await sendDueReminders(t.db, days(22), APP_DEPS)).toBe(0);
    expect(await sendDueReminders(t.db, days(23.5), APP_DEPS)).toBe(1);
    expect(await sendDueReminders(t.db, days(23.6), APP_DEPS)).toBe(0);
    expect(await sendDueReminders(t.db, days(29), APP_DEPS)).toBe(0);
    const [mail, ...more] = await reminders();
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      toAddress: "bob@contoso.example",
      topic: invitationTopic(id),
      idempotencyKey: invitationReminderKey(id, 1),
      deadlineAt: days(30),
      onBehalfOf: `${actor.name} (${actor.accountName})`,
      replyTo: actor.email,
    });
    expect(mail!.text).toContain("Hello Bob,");
    expect(mail!.text).toContain("The link expires in 7 days");
    // The same link as the invitation's email: it opens the invitation.
    expect(linkToken(mail!.text)).toBe(token);
    expect((await row(id)).tokenHash).toBe(hashToken(token));
    expect((await viewInvitationToken(t.db, token, days(24))).state).toBe("valid");
    const [line] = await t.db
      .select()
      .from(invitationEvents)
      .where(eq(invitationEvents.type, "reminded"));
    expect(line).toMatchObject({ invitationId: id, actorUserId: null, detail: { daysLeft: 7 } });
    expect(await t.db.$count(events, eq(events.type, "invitation.reminded"))).toBe(1);
  });

  it("writes in the invitation's language", async () => {
    await invite(t.db, { now, locale: "de" });
    await sendDueReminders(t.db, days(27), APP_DEPS);
    const [mail] = await reminders();
    expect(mail!.subject).toBe("Erinnerung: Northwind lädt Sie zu CertPortal ein");
    expect(mail!.text).toContain("Der Link läuft in 3 Tagen ab");
    expect(mail!.text).toContain("?lang=de");
  });

  it("never reminds of an accepted, canceled or expired invitation", async () => {
    const actor = await makeActor(t.db);
    const accepted = await invite(t.db, { actor, email: "a@contoso.example", now });
    await acceptInvitation(
      t.db,
      { token: accepted.token, form: acceptForm("ann.accepts") },
      days(1),
      deps,
    );
    const canceled = await invite(t.db, { actor, email: "c@contoso.example", now });
    await cancelInvitation(t.db, actor, { id: canceled.id }, days(2));
    // Expired on day -10: one lapsed and not yet closed out by the sweep, one closed out.
    const lapsed = await invite(t.db, { actor, email: "l@contoso.example", now: days(-40) });
    const swept = await invite(t.db, { actor, email: "s@contoso.example", now: days(-40) });
    await closeOutExpiredInvitations(t.db, days(-9));
    await t.db.update(invitations).set({ status: "pending" }).where(eq(invitations.id, lapsed.id));
    for (const at of [days(-9), days(24), days(29), days(31)])
      expect(await sendDueReminders(t.db, at, APP_DEPS)).toBe(0);
    expect((await row(swept.id)).status).toBe("expired");
    expect(await reminders()).toEqual([]);
  });

  it("after a resend, reminds again of the new send with its new link", async () => {
    const { id, token: first, actor } = await invite(t.db, { now });
    expect(await sendDueReminders(t.db, days(24), APP_DEPS)).toBe(1);
    const { token: second } = await resendInvitation(t.db, actor, { id }, days(25), deps);
    // The new send expires on day 55: not due before day 48.
    expect(await sendDueReminders(t.db, days(47), APP_DEPS)).toBe(0);
    expect(await sendDueReminders(t.db, days(48.5), APP_DEPS)).toBe(1);
    const mails = await reminders();
    expect(mails.map((m) => m.idempotencyKey).sort()).toEqual(
      [invitationReminderKey(id, 1), invitationReminderKey(id, 2)].sort(),
    );
    const latest = mails.find((m) => m.idempotencyKey === invitationReminderKey(id, 2))!;
    const token = linkToken(latest.text);
    expect(token).toBe(second);
    expect(token).not.toBe(first);
    // The token in the email opens the invitation: its hash is the row's.
    expect(hashToken(token)).toBe((await row(id)).tokenHash);
    expect((await viewInvitationToken(t.db, token, days(49))).state).toBe("valid");
  });

  it("does not remind again when an extension moves the expiry of a send already reminded of", async () => {
    const { id, actor } = await invite(t.db, { now });
    expect(await sendDueReminders(t.db, days(24), APP_DEPS)).toBe(1);
    await extendInvitation(t.db, actor, { id }, days(25));
    expect(await sendDueReminders(t.db, days(54), APP_DEPS)).toBe(0);
  });

  it("follows the account's setting: off, or up to 14 days before", async () => {
    const off = await invite(t.db, { now, email: "off@contoso.example" });
    await t.db
      .update(accounts)
      .set({ reminderDays: null })
      .where(eq(accounts.id, off.actor.accountId));
    const early = await invite(t.db, { now, email: "early@contoso.example" });
    await t.db
      .update(accounts)
      .set({ reminderDays: 14 })
      .where(eq(accounts.id, early.actor.accountId));
    expect(await sendDueReminders(t.db, days(15.9), APP_DEPS)).toBe(0);
    expect(await sendDueReminders(t.db, days(16), APP_DEPS)).toBe(1);
    expect(await sendDueReminders(t.db, days(29), APP_DEPS)).toBe(0);
    const [mail] = await reminders();
    expect(mail!.toAddress).toBe("early@contoso.example");
    expect(mail!.text).toContain("The link expires in 14 days");
  });

  it("never reminds within a day of the send it is about", async () => {
    const { id } = await invite(t.db, { now });
    // A link about to expire right after it was sent (a shorter window than ours).
    await t.db
      .update(invitations)
      .set({ expiresAt: days(3) })
      .where(eq(invitations.id, id));
    expect(await sendDueReminders(t.db, days(0.9), APP_DEPS)).toBe(0);
    expect(await sendDueReminders(t.db, days(1), APP_DEPS)).toBe(1);
  });

  it("gives an invitation made before links were derived a new link, retiring the old one", async () => {
    const { id } = await invite(t.db, { now });
    const old = newToken();
    await t.db
      .update(invitations)
      .set({ tokenHash: hashToken(old) })
      .where(eq(invitations.id, id));
    expect(await sendDueReminders(t.db, days(24), APP_DEPS)).toBe(1);
    const token = linkToken((await reminders())[0]!.text);
    expect(hashToken(token)).toBe((await row(id)).tokenHash);
    expect((await viewInvitationToken(t.db, token, days(24))).state).toBe("valid");
    expect((await viewInvitationToken(t.db, old, days(24))).state).toBe("replaced");
    expect(
      await t.db.$count(
        invitationRetiredTokens,
        eq(invitationRetiredTokens.tokenHash, hashToken(old)),
      ),
    ).toBe(1);
  });

  it("waits while the sender is deactivated or the account is not usable", async () => {
    const { id, actor } = await invite(t.db, { now });
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, actor.userId));
    expect(await sendDueReminders(t.db, days(24), APP_DEPS)).toBe(0);
    await t.db.update(users).set({ status: "active" }).where(eq(users.id, actor.userId));
    await t.db
      .update(accounts)
      .set({ status: "deactivated" })
      .where(eq(accounts.id, actor.accountId));
    expect(await sendDueReminders(t.db, days(24), APP_DEPS)).toBe(0);
    await t.db.update(accounts).set({ status: "active" }).where(eq(accounts.id, actor.accountId));
    expect(await sendDueReminders(t.db, days(25), APP_DEPS)).toBe(1);
    expect((await row(id)).remindedSendCount).toBe(1);
  });

  it("sends each reminder once when two instances run at the same moment", async () => {
    const actor = await makeActor(t.db);
    for (let i = 0; i < 5; i++) await invite(t.db, { actor, email: `p${i}@contoso.example`, now });
    const counts = await Promise.all([
      sendDueReminders(t.db, days(24), APP_DEPS, { batchSize: 2 }),
      sendDueReminders(t.db, days(24), APP_DEPS, { batchSize: 2 }),
    ]);
    expect(counts[0]! + counts[1]!).toBe(5);
    expect(await reminders()).toHaveLength(5);
  });

  it("leaves the invitation's delivery state to its own email", async () => {
    const { id } = await invite(t.db, { now });
    await t.db
      .update(invitations)
      .set({ deliveryStatus: "delivered" })
      .where(eq(invitations.id, id));
    await sendDueReminders(t.db, days(24), APP_DEPS);
    const message = { topic: invitationTopic(id), idempotencyKey: invitationReminderKey(id, 1) };
    expect(await setInvitationDelivery(t.db, message, "bounced", ["delivered"])).toBe(false);
    expect((await row(id)).deliveryStatus).toBe("delivered");
    const reminded = await t.db
      .select()
      .from(invitationEvents)
      .where(and(eq(invitationEvents.invitationId, id), eq(invitationEvents.type, "reminded")));
    expect(reminded).toHaveLength(1);
  });
});
