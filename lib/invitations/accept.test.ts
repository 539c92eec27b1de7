import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, emailOutbox, invitationEvents, invitations, users } from "@/db/schema";
import { setupTestDb } from "@/tests/helpers/db";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";
import { makeActor } from "@/tests/helpers/actors";
import { acceptForm, makeUser } from "@/tests/helpers/fixtures";
import { LIMITS } from "@/lib/rate-limit/limits";
import { acceptInvitation, viewInvitationLink, viewInvitationToken } from "./accept";
import type { AcceptInput } from "./inputs";
import { cancelInvitation } from "./send";
import { expiryFor } from "./status";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 24 * 3600 * 1000);

const form: AcceptInput = { ...acceptForm("bob.contoso"), name: "Contoso Ltd" };

describe("accept", () => {
  it("creates the subaccount under the inviter with the invitation's type, own billing and standard pricing", async () => {
    const { actor, id, token } = await invite(t.db, { subaccountType: "reseller", locale: "de" });
    const result = await acceptInvitation(t.db, { token, form }, days(2), deps);
    const [account] = await t.db.select().from(accounts).where(eq(accounts.id, result.accountId));
    expect(account).toMatchObject({
      parentId: actor.accountId,
      name: "Contoso Ltd",
      type: "reseller",
      billing: "bill_to_subaccount",
      pricing: "standard",
      createdVia: "invitation",
      accountManagerId: actor.userId,
    });
    const [user] = await t.db.select().from(users).where(eq(users.id, result.userId));
    expect(user).toMatchObject({
      role: "administrator",
      email: "bob@contoso.example",
      username: "bob.contoso",
      locale: "de",
    });
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(inv).toMatchObject({
      status: "accepted",
      acceptedAt: days(2),
      acceptedAccountId: result.accountId,
    });
    const welcome = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, "welcome"));
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.subject).toBe("Willkommen bei CertPortal");
    expect(
      await t.db.$count(emailOutbox, eq(emailOutbox.template, "welcome-action-required")),
    ).toBe(0);
  });

  it("also sends the action-required welcome when the parent uses single sign-in", async () => {
    const actor = await makeActor(t.db);
    await t.db.update(accounts).set({ singleSignOn: true }).where(eq(accounts.id, actor.accountId));
    const { token } = await invite(t.db, { actor });
    await acceptInvitation(t.db, { token, form }, now, deps);
    const [mail] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, "welcome-action-required"));
    expect(mail!.subject).toBe("[Action required] Welcome to CertPortal account");
    expect(mail!.text).toContain("https://portal.example/sign-in");
  });

  it("is refused a second time, after expiry, after cancel, and once the inviting account is deactivated", async () => {
    const first = await invite(t.db);
    await acceptInvitation(t.db, { token: first.token, form }, now, deps);
    await expect(
      acceptInvitation(
        t.db,
        { token: first.token, form: { ...form, username: "other" } },
        now,
        deps,
      ),
    ).rejects.toMatchObject({ code: "invitation_not_acceptable" });

    const expired = await invite(t.db, { email: "e@example.com" });
    await expect(
      acceptInvitation(
        t.db,
        { token: expired.token, form: { ...form, username: "e1" } },
        expiryFor(now),
        deps,
      ),
    ).rejects.toMatchObject({ code: "invitation_not_acceptable" });
    await expect(
      acceptInvitation(
        t.db,
        {
          token: expired.token,
          form: { ...form, username: "e1" },
        },
        new Date(expiryFor(now).getTime() - 1000),
        deps,
      ),
    ).resolves.toHaveProperty("accountId");

    const canceled = await invite(t.db, { email: "c@example.com" });
    await cancelInvitation(t.db, canceled.actor, { id: canceled.id }, now);
    await expect(
      acceptInvitation(
        t.db,
        { token: canceled.token, form: { ...form, username: "c1" } },
        now,
        deps,
      ),
    ).rejects.toMatchObject({ code: "invitation_not_acceptable" });

    const orphan = await invite(t.db, { email: "o@example.com" });
    await t.db
      .update(accounts)
      .set({ status: "deactivated" })
      .where(eq(accounts.id, orphan.actor.accountId));
    expect(await viewInvitationToken(t.db, orphan.token, now)).toEqual({ state: "unavailable" });
    await expect(
      acceptInvitation(t.db, { token: orphan.token, form: { ...form, username: "o1" } }, now, deps),
    ).rejects.toMatchObject({ code: "invitation_not_acceptable" });
  });

  it("rolls everything back on a taken username and leaves the invitation usable", async () => {
    const { actor, id, token } = await invite(t.db);
    await makeUser(t.db, actor.accountId, { username: "Bob.Contoso" });
    const accountsBefore = await t.db.$count(accounts);
    await expect(acceptInvitation(t.db, { token, form }, now, deps)).rejects.toMatchObject({
      code: "username_taken",
      field: "username",
    });
    expect(await t.db.$count(accounts)).toBe(accountsBefore);
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(inv).toMatchObject({ status: "pending", acceptedAt: null });
    expect(
      await t.db.$count(
        invitationEvents,
        and(eq(invitationEvents.invitationId, id), eq(invitationEvents.type, "accept_failed")),
      ),
    ).toBe(1);
    await expect(
      acceptInvitation(t.db, { token, form: { ...form, username: "bob2" } }, now, deps),
    ).resolves.toHaveProperty("userId");
  });

  it("refuses a password built on the invited email address", async () => {
    const { token } = await invite(t.db);
    await expect(
      acceptInvitation(t.db, { token, form: { ...form, password: "Bob-2026-secure" } }, now, deps),
    ).rejects.toMatchObject({ code: "weak_password" });
  });

  it("opening the link changes nothing", async () => {
    const { id, token } = await invite(t.db);
    const before = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect((await viewInvitationToken(t.db, token, now)).state).toBe("valid");
    expect((await viewInvitationToken(t.db, token, now)).state).toBe("valid");
    expect(await t.db.select().from(invitations).where(eq(invitations.id, id))).toEqual(before);
  });

  it("answers an unknown or malformed token like any invalid link", async () => {
    expect(await viewInvitationToken(t.db, "x".repeat(43), now)).toEqual({ state: "invalid" });
    expect(await viewInvitationToken(t.db, "../../etc", now)).toEqual({ state: "invalid" });
  });
});

describe("concurrent accepts", () => {
  it("twenty accepts of one link at once create exactly one subaccount and one user", async () => {
    const { actor, token } = await invite(t.db);
    const accountsBefore = await t.db.$count(accounts);
    const usersBefore = await t.db.$count(users);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        acceptInvitation(t.db, { token, form: { ...form, username: `racer${i}` } }, now, deps),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The losers find the link used, or (past the per-link limit) are refused before trying.
    for (const r of results)
      if (r.status === "rejected")
        expect(["invitation_not_acceptable", "accept_rate_limited"]).toContain(
          (r.reason as { code: string }).code,
        );
    expect(await t.db.$count(accounts)).toBe(accountsBefore + 1);
    expect(await t.db.$count(users)).toBe(usersBefore + 1);
    expect(await t.db.$count(accounts, eq(accounts.parentId, actor.accountId))).toBe(1);
  });
});

describe("bad links", () => {
  it("refuses an address that opened too many invalid links, even for a valid one", async () => {
    const { token } = await invite(t.db);
    const ip = "203.0.113.7";
    for (let i = 0; i < LIMITS.badInvitationLinksPerAddress.limit; i++) {
      expect(
        (await viewInvitationLink(t.db, { token: `${"A".repeat(42)}${i % 10}`, ip }, now)).state,
      ).toBe("invalid");
    }
    expect((await viewInvitationLink(t.db, { token, ip }, now)).state).toBe("rate_limited");
    expect((await viewInvitationLink(t.db, { token, ip: "198.51.100.1" }, now)).state).toBe(
      "valid",
    );
    expect((await viewInvitationLink(t.db, { token, ip }, days(1))).state).toBe("valid");
  });
});
