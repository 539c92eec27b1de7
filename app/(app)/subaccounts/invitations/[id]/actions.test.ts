import { ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { invitationSnapshot, invite } from "@/tests/helpers/invitations";
import { formData, actionRequest } from "@/tests/helpers/request";
import {
  cancelInvitation,
  changeTerms,
  extendInvitation,
  resendInvitation,
  sendInvitationAgain,
} from "./actions";

const t = setupTestDb();
const request = actionRequest(t, new Date("2026-04-01T10:00:00Z"));

async function existingInvitation() {
  const { actor: owner, id } = await invite(t.db, { now: new Date("2026-03-30T00:00:00Z") });
  return { owner, id, before: await invitationSnapshot(t.db) };
}

describe("resending and canceling an invitation", () => {
  it("refuse a signed-out caller and change nothing", async () => {
    const { id, before } = await existingInvitation();
    for (const act of [resendInvitation, cancelInvitation])
      expect(await act(undefined, formData({ id }))).toMatchObject({
        ok: false,
        message: "errors.signed_out",
      });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });

  it("refuse a User of the same account and change nothing", async () => {
    const { owner, id, before } = await existingInvitation();
    request.actor = await actorInAccount(t.db, owner.accountId, "user");
    for (const act of [resendInvitation, cancelInvitation])
      expect(await act(undefined, formData({ id }))).toMatchObject({
        ok: false,
        message: "errors.forbidden",
      });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });

  it("refuse a manager of another account, as if the invitation did not exist", async () => {
    const { id, before } = await existingInvitation();
    request.actor = await makeActor(t.db, { accountName: "Elsewhere", role: "manager" });
    for (const act of [resendInvitation, cancelInvitation])
      expect(await act(undefined, formData({ id }))).toMatchObject({
        ok: false,
        message: "errors.invitation_not_found",
      });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });

  it("let the owning account's manager resend and cancel", async () => {
    const { owner, id } = await existingInvitation();
    request.actor = await actorInAccount(t.db, owner.accountId, "manager");
    expect(await resendInvitation(undefined, formData({ id }))).toMatchObject({
      ok: true,
      message: "invitation.resent",
    });
    expect(await cancelInvitation(undefined, formData({ id }))).toMatchObject({
      ok: true,
      message: "invitation.canceled",
    });
  });

  it("reject a malformed id without touching the database", async () => {
    const { owner } = await existingInvitation();
    request.actor = await actorInAccount(t.db, owner.accountId, "administrator");
    expect(await cancelInvitation(undefined, formData({ id: "1 or 1=1" }))).toMatchObject({
      ok: false,
      message: "errors.invalid_input",
    });
  });
});

describe("extending and sending an invitation again", () => {
  it("refuse a User and change nothing", async () => {
    const { owner, id, before } = await existingInvitation();
    request.actor = await actorInAccount(t.db, owner.accountId, "user");
    for (const act of [extendInvitation, sendInvitationAgain])
      expect(await act(undefined, formData({ id }))).toMatchObject({
        ok: false,
        message: "errors.forbidden",
      });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });

  it("extend a pending one, refuse to send it again, and send it again once canceled", async () => {
    const { owner, id } = await existingInvitation();
    request.actor = await actorInAccount(t.db, owner.accountId, "manager");
    expect(await extendInvitation(undefined, formData({ id }))).toMatchObject({
      ok: true,
      message: "invitation.extended",
      text: "Invitation to bob@contoso.example extended.",
    });
    expect(await sendInvitationAgain(undefined, formData({ id }))).toMatchObject({
      ok: false,
      message: "errors.invitation_not_sendable_again",
    });
    await cancelInvitation(undefined, formData({ id }));
    // Sent again, the action goes to the new invitation's page.
    const redirect = await sendInvitationAgain(undefined, formData({ id })).catch(
      (e: { to?: string }) => e.to,
    );
    const [fresh] = await t.db
      .select({ id: invitations.id })
      .from(invitations)
      .where(ne(invitations.id, id));
    expect(redirect).toBe(`/subaccounts/invitations/${fresh!.id}?sentAgain=1`);
    expect(await extendInvitation(undefined, formData({ id }))).toMatchObject({
      ok: false,
      message: "errors.invitation_not_extendable",
    });
  });
});

describe("changing an invitation's terms on its page", () => {
  it("a Finance manager's form changes billing and keeps the account manager it showed read-only", async () => {
    const admin = await makeActor(t.db);
    const colleague = await actorInAccount(t.db, admin.accountId, "manager");
    const { id } = await invite(t.db, {
      actor: admin,
      now: new Date("2026-03-30T00:00:00Z"),
      terms: { accountManagerId: colleague.userId },
    });
    request.actor = await actorInAccount(t.db, admin.accountId, "finance_manager");
    // The account manager's field is disabled for this role, so the form does not send it.
    expect(
      await changeTerms(
        undefined,
        formData({ id, terms_billing: "bill_to_parent", terms_pricing: "standard" }),
      ),
    ).toMatchObject({ ok: true, message: "invitationTerms.saved" });
    const [row] = await t.db.select().from(invitations);
    expect(row!.terms).toEqual({ billing: "bill_to_parent", accountManagerId: colleague.userId });
    expect(
      await changeTerms(
        undefined,
        formData({ id, terms_billing: "bill_to_parent", terms_pricing: "standard" }),
      ),
    ).toMatchObject({ ok: true, message: "invitationTerms.unchanged" });
  });

  it("refuses a Manager and another account's invitation, changing nothing", async () => {
    const { owner, id, before } = await existingInvitation();
    request.actor = await actorInAccount(t.db, owner.accountId, "manager");
    expect(
      await changeTerms(undefined, formData({ id, terms_billing: "bill_to_parent" })),
    ).toMatchObject({ ok: false, message: "errors.forbidden" });
    request.actor = await makeActor(t.db, { accountName: "Other" });
    expect(
      await changeTerms(undefined, formData({ id, terms_billing: "bill_to_parent" })),
    ).toMatchObject({ ok: false, message: "errors.invitation_not_found" });
    expect(await invitationSnapshot(t.db)).toEqual(before);
  });
});
