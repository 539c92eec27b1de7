import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, emailOutbox, users } from "@/db/schema";
import { renderInvitationEmail } from "@/lib/email/render";
import { acceptInvitation, viewInvitationLink } from "@/lib/invitations/accept";
import { resendInvitation } from "@/lib/invitations/send";
import { LIMITS } from "@/lib/rate-limit/limits";
import { setPasswordWithToken, viewSetPasswordLinkFrom } from "@/lib/users/set-password";
import { addUser, resendPasswordLink } from "@/lib/users/manage";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";

// "Email as a relay" in docs/security.md: every way to make the app send mail or
// spend a password hash is limited, counted in PostgreSQL.
const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const user = (username: string) => ({
  username,
  email: `${username}@example.com`,
  firstName: "U",
  lastName: "Ser",
  role: "user" as const,
  locale: "en" as const,
});

describe("limits on what sends email", () => {
  it("limits resends of one invitation", async () => {
    const actor = await makeActor(t.db);
    const { id } = await invite(t.db, { actor, email: "again@example.com", now });
    for (let i = 0; i < LIMITS.resendsPerInvitation.limit; i++)
      await resendInvitation(t.db, actor, { id }, now, deps);
    await expect(resendInvitation(t.db, actor, { id }, now, deps)).rejects.toMatchObject({
      code: "resend_rate_limited",
    });
  });

  it("limits resends per account across invitations", async () => {
    const actor = await makeActor(t.db);
    const ids: string[] = [];
    const perInvitation = LIMITS.resendsPerInvitation.limit;
    const needed = Math.ceil(LIMITS.resendsPerAccount.limit / perInvitation) + 1;
    for (let i = 0; i < needed; i++)
      ids.push((await invite(t.db, { actor, email: `r${i}@example.com`, now })).id);
    let refused = 0;
    for (const id of ids)
      for (let i = 0; i < perInvitation; i++)
        await resendInvitation(t.db, actor, { id }, now, deps).catch((e: { code: string }) => {
          expect(e.code).toBe("resend_rate_limited");
          refused++;
        });
    expect(refused).toBe(needed * perInvitation - LIMITS.resendsPerAccount.limit);
  });

  it("limits users added per account", async () => {
    const actor = await makeActor(t.db);
    for (let i = 0; i < LIMITS.usersAddedPerAccount.limit; i++)
      await addUser(t.db, actor, { user: user(`u${i}x`) }, now, deps);
    await expect(
      addUser(t.db, actor, { user: user("one.too.many") }, now, deps),
    ).rejects.toMatchObject({ code: "users_rate_limited" });
    expect(await t.db.$count(users, eq(users.username, "one.too.many"))).toBe(0);
  });

  it("limits new set-password links per user", async () => {
    const actor = await makeActor(t.db);
    const { userId } = await addUser(t.db, actor, { user: user("waiting.user") }, now, deps);
    for (let i = 0; i < LIMITS.passwordLinksPerUser.limit; i++)
      await resendPasswordLink(t.db, actor, { userId }, now, deps);
    const before = await t.db.$count(emailOutbox);
    await expect(resendPasswordLink(t.db, actor, { userId }, now, deps)).rejects.toMatchObject({
      code: "link_rate_limited",
    });
    expect(await t.db.$count(emailOutbox)).toBe(before);
  });
});

describe("limits on guessing through the public links", () => {
  it("limits failed accepts of one link, before any password is hashed", async () => {
    const actor = await makeActor(t.db);
    const { token } = await invite(t.db, { actor, email: "taken@example.com", now });
    for (let i = 0; i < LIMITS.failedAcceptsPerToken.limit; i++)
      await expect(
        acceptInvitation(
          t.db,
          { token, form: acceptForm(actor.username), ip: `198.51.100.${i}` },
          now,
          deps,
        ),
      ).rejects.toMatchObject({ code: "username_taken" });
    // Even a good attempt is refused now, without reaching the usernames.
    await expect(
      acceptInvitation(
        t.db,
        { token, form: acceptForm("fresh.name"), ip: "203.0.113.1" },
        now,
        deps,
      ),
    ).rejects.toMatchObject({ code: "accept_rate_limited" });
    expect(await t.db.$count(accounts, eq(accounts.parentId, actor.accountId))).toBe(0);
  });

  it("limits failed accepts from one address across links", async () => {
    const actor = await makeActor(t.db);
    const ip = "203.0.113.99";
    for (let i = 0; i < LIMITS.failedAcceptsPerAddress.limit; i++)
      await acceptInvitation(
        t.db,
        { token: "B".repeat(43), form: acceptForm("x"), ip },
        now,
        deps,
      ).catch(() => {});
    const { token } = await invite(t.db, { actor, email: "fine@example.com", now });
    await expect(
      acceptInvitation(t.db, { token, form: acceptForm("fine.user"), ip }, now, deps),
    ).rejects.toMatchObject({ code: "accept_rate_limited" });
  });

  it("limits bad set-password links per address", async () => {
    const ip = "203.0.113.42";
    const attempt = () =>
      setPasswordWithToken(
        t.db,
        {
          token: "C".repeat(43),
          password: "Whatever-Passw0rd!",
          ip,
        },
        now,
      );
    for (let i = 0; i < LIMITS.badSetPasswordLinksPerAddress.limit; i++)
      await expect(attempt()).rejects.toMatchObject({ code: "set_password_link_invalid" });
    await expect(attempt()).rejects.toMatchObject({ code: "set_password_rate_limited" });
  });
});

describe("what goes into an email", () => {
  it("loses control and direction-override characters, but keeps what was written", async () => {
    const email = await renderInvitationEmail({
      locale: "en",
      inviterName: "Mallory\u0007 \u202Eevil",
      organization: "Acme\u202E\u2066gnp.exe\r\nBcc: victim@example.com",
      subaccountType: "retail",
      customMessage: "Line one\nLine\u0000 two\u200F",
      acceptUrl: "https://portal.example/accept/x",
      expiresAt: now,
    });
    // (React Email pads the preview line with invisible marks of its own; only ours count.)
    for (const part of [email.subject, email.text, email.html])
      expect(part).not.toMatch(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\u2066-\u2069]/,
      );
    expect(email.text).not.toMatch(/[\u200E\u200F]/);
    expect(email.subject).not.toContain("\n");
    expect(email.subject).toContain("Acmegnp.exe Bcc: victim@example.com");
    // The message's line break stays, in the plain text as in the HTML.
    expect(email.text).toContain("Line one\nLine two");
    expect(email.html).toMatch(/Line one<br\/?>Line two/);
  });
});

describe("limits counted before the check they guard", () => {
  it("let no more bad links through than the limit, however many arrive at once", async () => {
    const ip = "203.0.113.77";
    const views = await Promise.all(
      Array.from({ length: LIMITS.badInvitationLinksPerAddress.limit + 10 }, () =>
        viewInvitationLink(t.db, { token: "D".repeat(43), ip }, now),
      ),
    );
    expect(views.filter((v) => v.state !== "rate_limited")).toHaveLength(
      LIMITS.badInvitationLinksPerAddress.limit,
    );
    const links = await Promise.all(
      Array.from({ length: LIMITS.badSetPasswordLinksPerAddress.limit + 10 }, () =>
        viewSetPasswordLinkFrom(t.db, { token: "E".repeat(43), ip }, now),
      ),
    );
    expect(links.filter((v) => v.state !== "rate_limited")).toHaveLength(
      LIMITS.badSetPasswordLinksPerAddress.limit,
    );
  });

  it("give a good link's count back, so opening one's own link never locks one out", async () => {
    const actor = await makeActor(t.db);
    const { token } = await invite(t.db, { actor, email: "good@example.com", now });
    const ip = "203.0.113.78";
    for (let i = 0; i < LIMITS.badInvitationLinksPerAddress.limit + 5; i++)
      expect((await viewInvitationLink(t.db, { token, ip }, now)).state).toBe("valid");
  });
});
