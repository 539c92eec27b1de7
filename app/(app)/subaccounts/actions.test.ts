import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { emailOutbox, invitations } from "@/db/schema";
import type { RequestContext } from "@/lib/actions/context";
import type { Actor } from "@/lib/auth/actor";
import { createInvitation } from "@/lib/invitations/service";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";

// The session is the one thing faked here: everything below it is the real action on a real database.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const t = setupTestDb();
vi.mock("@/lib/actions/context", () => ({
  requestContext: async (): Promise<RequestContext> => ({
    actor: session.actor,
    db: t.db,
    now: new Date("2026-04-01T10:00:00Z"),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/server", () => ({ after: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));

const { inviteSubaccount } = await import("./invite/actions");
const { cancelInvitation, resendInvitation } = await import("./invitations/[id]/actions");

function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}

const inviteForm = () =>
  form({ email: "new@example.com", subaccountType: "enterprise", locale: "en" });

async function existingInvitation() {
  const owner = await makeActor(t.db, { accountName: "Owner" });
  const { id } = await createInvitation(
    t.db,
    {
      actor: owner,
      email: "bob@example.com",
      subaccountType: "retail",
      customMessage: null,
      locale: "en",
      now: new Date("2026-03-30T00:00:00Z"),
    },
    { appUrl: "http://x", invitationsPerHour: 100 },
  );
  const snapshot = async () => ({
    invitations: await t.db.select().from(invitations).orderBy(invitations.id),
    emails: await t.db.$count(emailOutbox),
  });
  return { owner, id, before: await snapshot(), snapshot };
}

describe("invitation actions refuse callers who may not act", () => {
  it("refuse a signed-out caller and change nothing", async () => {
    const { id, before, snapshot } = await existingInvitation();
    session.actor = null;
    expect(await inviteSubaccount(undefined, inviteForm())).toEqual({
      ok: false,
      message: "errors.signed_out",
    });
    expect(await resendInvitation(undefined, form({ id }))).toEqual({
      ok: false,
      message: "errors.signed_out",
    });
    expect(await cancelInvitation(undefined, form({ id }))).toEqual({
      ok: false,
      message: "errors.signed_out",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuse a User of the same account and change nothing", async () => {
    const { owner, id, before, snapshot } = await existingInvitation();
    session.actor = await actorInAccount(t.db, owner.accountId, "user");
    expect(await inviteSubaccount(undefined, inviteForm())).toEqual({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await resendInvitation(undefined, form({ id }))).toEqual({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await cancelInvitation(undefined, form({ id }))).toEqual({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuse a manager of another account, as if the invitation did not exist", async () => {
    const { id, before, snapshot } = await existingInvitation();
    session.actor = await makeActor(t.db, { accountName: "Elsewhere", role: "manager" });
    expect(await resendInvitation(undefined, form({ id }))).toMatchObject({
      ok: false,
      message: "errors.invitation_not_found",
    });
    expect(await cancelInvitation(undefined, form({ id }))).toMatchObject({
      ok: false,
      message: "errors.invitation_not_found",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("let the owning account's manager resend and cancel, and invite into their own account only", async () => {
    const { owner, id } = await existingInvitation();
    session.actor = await actorInAccount(t.db, owner.accountId, "manager");
    expect(await resendInvitation(undefined, form({ id }))).toMatchObject({
      ok: true,
      message: "invitation.resent",
    });
    expect(await cancelInvitation(undefined, form({ id }))).toMatchObject({
      ok: true,
      message: "invitation.canceled",
    });
    await expect(inviteSubaccount(undefined, inviteForm())).rejects.toMatchObject({
      message: "NEXT_REDIRECT",
    });
    const [created] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, "new@example.com"));
    expect(created!.accountId).toBe(owner.accountId);
  });

  it("reject a malformed id without touching the database", async () => {
    const { owner } = await existingInvitation();
    session.actor = await actorInAccount(t.db, owner.accountId, "administrator");
    expect(await cancelInvitation(undefined, form({ id: "1 or 1=1" }))).toMatchObject({
      ok: false,
      message: "errors.invalid_input",
    });
  });

  it("refuse a custom message over 1,000 characters and keep what was typed", async () => {
    const { owner } = await existingInvitation();
    session.actor = await actorInAccount(t.db, owner.accountId, "administrator");
    const state = await inviteSubaccount(
      undefined,
      form({
        email: "long@example.com",
        subaccountType: "retail",
        locale: "en",
        sendCustomMessage: "on",
        customMessage: "x".repeat(1001),
      }),
    );
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { customMessage: [{ code: "validation.custom_message_too_long" }] },
      values: {
        email: ["long@example.com"],
        subaccountType: ["retail"],
        sendCustomMessage: ["on"],
      },
    });
  });
});
