import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, emailOutbox, invitationEvents, invitations } from "@/db/schema";
import { setupTestDb } from "@/tests/helpers/db";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";
import { makeActor } from "@/tests/helpers/actors";
import { acceptInvitation, viewInvitationToken } from "./accept";
import { cancelInvitation, createInvitation, resendInvitation } from "./send";
import { expiryFor } from "./status";
import { hashToken } from "@/lib/tokens";
import { invitationTopic } from "./delivery";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 24 * 3600 * 1000);

const form = acceptForm("bob.contoso");

describe("create invitation", () => {
  it("stores only the token's hash and queues the email with the link in one go", async () => {
    const { id, token, actor } = await invite(t.db, {
      customMessage: "Hi <b>Bob</b>,\nsee you soon.\n\nAnna",
    });
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row).toMatchObject({
      status: "pending",
      tokenHash: hashToken(token),
      sendCount: 1,
      sentAt: now,
      lastSentAt: now,
      expiresAt: expiryFor(now),
    });
    expect(JSON.stringify(row)).not.toContain(token);
    const [mail] = await t.db.select().from(emailOutbox);
    // Sent for the inviter: their name in the sender's, and replies go to them.
    expect(mail).toMatchObject({
      toAddress: "bob@contoso.example",
      topic: invitationTopic(id),
      status: "pending",
      onBehalfOf: `${actor.name} (${actor.accountName})`,
      replyTo: actor.email,
    });
    expect(mail!.text).toContain(`https://portal.example/accept/${token}`);
    // The plain-text part keeps the message's lines; the footer says who invited them.
    expect(mail!.text).toContain("Hi <b>Bob</b>,\nsee you soon.\n\nAnna");
    expect(mail!.text).toContain(
      `You received this email because ${actor.name} of ${actor.accountName} invited you`,
    );
    expect(mail!.html).toContain("Hi &lt;b&gt;Bob&lt;/b&gt;");
    const events = await t.db
      .select()
      .from(invitationEvents)
      .where(eq(invitationEvents.invitationId, id));
    expect(events.map((e) => e.type)).toEqual(["created"]);
  });

  it("greets the invitee by the name the inviter gave, and starts the accept form with it", async () => {
    const { token } = await invite(t.db, {
      firstName: "Bob",
      lastName: "Builder",
      company: "Contoso Ltd",
    });
    const [mail] = await t.db.select().from(emailOutbox);
    expect(mail!.text).toContain("Hello Bob,");
    const view = await viewInvitationToken(t.db, token, now);
    expect(view.state === "valid" && view.invitation.invitee).toEqual({
      firstName: "Bob",
      lastName: "Builder",
      company: "Contoso Ltd",
    });
  });

  it("greets no one by name when the inviter gave none", async () => {
    const { token } = await invite(t.db);
    const [mail] = await t.db.select().from(emailOutbox);
    expect(mail!.text).not.toContain("Hello");
    const view = await viewInvitationToken(t.db, token, now);
    expect(view.state === "valid" && view.invitation.invitee).toEqual({
      firstName: null,
      lastName: null,
      company: null,
    });
  });

  it("refuses a second pending invitation to the same address, whatever its case, and names the first", async () => {
    const { actor, id } = await invite(t.db);
    await expect(invite(t.db, { actor, email: "BOB@contoso.example" })).rejects.toMatchObject({
      code: "invitation_duplicate_pending",
      params: { existingId: id },
    });
    expect(await t.db.$count(invitations)).toBe(1);
  });

  it("lets another account invite the same address", async () => {
    await invite(t.db);
    const other = await makeActor(t.db, { accountName: "Other" });
    await expect(invite(t.db, { actor: other })).resolves.toHaveProperty("id");
  });

  it("lets an expired invitation be replaced by a new one, which closes the old one as expired", async () => {
    const { actor, id } = await invite(t.db);
    const later = days(31);
    const second = await invite(t.db, { actor, now: later });
    const rows = await t.db
      .select({ id: invitations.id, status: invitations.status })
      .from(invitations);
    expect(rows).toEqual(
      expect.arrayContaining([
        { id, status: "expired" },
        { id: second.id, status: "pending" },
      ]),
    );
  });

  it("refuses Managed and types the account may not create", async () => {
    const actor = await makeActor(t.db);
    await expect(invite(t.db, { actor, subaccountType: "managed" as never })).rejects.toMatchObject(
      {
        code: "invitation_type_not_allowed",
      },
    );
    await t.db
      .update(accounts)
      .set({ allowedSubaccountTypes: ["retail"] })
      .where(eq(accounts.id, actor.accountId));
    await expect(invite(t.db, { actor, subaccountType: "enterprise" })).rejects.toMatchObject({
      code: "invitation_type_not_allowed",
    });
    await expect(invite(t.db, { actor, subaccountType: "retail" })).resolves.toHaveProperty("id");
  });

  it("limits how many invitations an account sends per hour", async () => {
    const actor = await makeActor(t.db);
    const limited = { ...deps, invitationsPerHour: 2 };
    const send = (email: string, at = now) =>
      createInvitation(
        t.db,
        actor,
        { email, subaccountType: "retail", customMessage: null, locale: "de" },
        at,
        limited,
      );
    await send("a@example.com");
    await send("b@example.com");
    await expect(send("c@example.com")).rejects.toMatchObject({ code: "invitation_rate_limited" });
    await expect(send("c@example.com", new Date(now.getTime() + 3600_000))).resolves.toHaveProperty(
      "id",
    );
  });
});

describe("resend", () => {
  it("rotates the token: the old link stops working, the new one works for 30 more days", async () => {
    const { actor, id, token } = await invite(t.db);
    const later = days(10);
    const resent = await resendInvitation(t.db, actor, { id }, later, deps);
    expect(resent.token).not.toBe(token);
    // The old link stops working, and says why.
    expect(await viewInvitationToken(t.db, token, later)).toEqual({ state: "replaced" });
    expect((await viewInvitationToken(t.db, resent.token, later)).state).toBe("valid");
    await expect(acceptInvitation(t.db, { token, form }, later, deps)).rejects.toMatchObject({
      code: "invitation_not_acceptable",
    });
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row).toMatchObject({
      sendCount: 2,
      sentAt: now,
      lastSentAt: later,
      expiresAt: expiryFor(later),
    });
    const mails = await t.db.select().from(emailOutbox).orderBy(emailOutbox.createdAt);
    // The first email, not yet delivered, would carry a dead link: it is withdrawn.
    expect(mails.map((m) => [m.status, m.text.includes(resent.token)])).toEqual([
      ["failed", false],
      ["pending", true],
    ]);
    // Once the invitation is closed, the replaced link says so too.
    await cancelInvitation(t.db, actor, { id }, later);
    expect(await viewInvitationToken(t.db, token, later)).toEqual({ state: "canceled" });
  });

  it("revives an expired invitation", async () => {
    const { actor, id } = await invite(t.db);
    const { token } = await resendInvitation(t.db, actor, { id }, days(45), deps);
    expect((await viewInvitationToken(t.db, token, days(45))).state).toBe("valid");
  });

  it("refuses to resend an accepted invitation", async () => {
    const { actor, id, token } = await invite(t.db);
    await acceptInvitation(t.db, { token, form }, now, deps);
    await expect(resendInvitation(t.db, actor, { id }, now, deps)).rejects.toMatchObject({
      code: "invitation_not_resendable",
    });
  });

  it("refuses to resend a canceled invitation", async () => {
    const { actor, id } = await invite(t.db);
    await cancelInvitation(t.db, actor, { id }, now);
    await expect(resendInvitation(t.db, actor, { id }, now, deps)).rejects.toMatchObject({
      code: "invitation_not_resendable",
    });
  });

  it("refuses to revive an expired invitation when a newer one to the address is pending", async () => {
    const { actor, id } = await invite(t.db);
    await invite(t.db, { actor, now: days(31) });
    await expect(resendInvitation(t.db, actor, { id }, days(32), deps)).rejects.toMatchObject({
      code: "invitation_duplicate_pending",
    });
  });

  it("does not find another account's invitation", async () => {
    const { id } = await invite(t.db);
    const stranger = await makeActor(t.db, { accountName: "Stranger" });
    await expect(resendInvitation(t.db, stranger, { id }, now, deps)).rejects.toMatchObject({
      code: "invitation_not_found",
    });
  });
});

describe("cancel", () => {
  it("cancels a pending invitation; its link then says so", async () => {
    const { actor, id, token } = await invite(t.db);
    await cancelInvitation(t.db, actor, { id }, days(1));
    expect(await viewInvitationToken(t.db, token, days(1))).toEqual({ state: "canceled" });
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row).toMatchObject({
      status: "canceled",
      canceledAt: days(1),
      canceledBy: actor.userId,
    });
    const [mail] = await t.db.select().from(emailOutbox);
    expect(mail!.status).toBe("failed");
  });

  it("cancels an expired invitation", async () => {
    const { actor, id } = await invite(t.db);
    await expect(cancelInvitation(t.db, actor, { id }, days(40))).resolves.toBeUndefined();
  });

  it("refuses to cancel an accepted invitation", async () => {
    const { actor, id, token } = await invite(t.db);
    await acceptInvitation(t.db, { token, form }, now, deps);
    await expect(cancelInvitation(t.db, actor, { id }, now)).rejects.toMatchObject({
      code: "invitation_not_cancelable",
    });
  });

  it("does not let another account cancel it", async () => {
    const { id } = await invite(t.db);
    const stranger = await makeActor(t.db, { accountName: "Stranger" });
    await expect(cancelInvitation(t.db, stranger, { id }, now)).rejects.toMatchObject({
      code: "invitation_not_found",
    });
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row!.status).toBe("pending");
  });
});
