import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, products } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { invitationSnapshot } from "@/tests/helpers/invitations";
import { formData, actionRequest } from "@/tests/helpers/request";
import { invite } from "@/tests/helpers/invitations";
import { saveInvitationTemplate } from "@/lib/invitations/templates";
import { inviteSubaccount, resendExistingInvitation } from "./actions";

const t = setupTestDb();
const request = actionRequest(t, new Date("2026-04-01T10:00:00Z"));
const inviteForm = (fields: Record<string, string | string[]> = {}) =>
  formData({ email: "new@example.com", subaccountType: "enterprise", locale: "en", ...fields });

describe("sending an invitation", () => {
  it("refuses a signed-out caller and sends nothing", async () => {
    expect(await inviteSubaccount(undefined, inviteForm())).toMatchObject({
      ok: false,
      message: "errors.signed_out",
    });
    expect((await invitationSnapshot(t.db)).emails).toBe(0);
  });

  it("refuses a User, who may not invite, and sends nothing", async () => {
    const owner = await makeActor(t.db);
    request.actor = await actorInAccount(t.db, owner.accountId, "user");
    expect(await inviteSubaccount(undefined, inviteForm())).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await invitationSnapshot(t.db)).toEqual({ invitations: [], emails: 0 });
  });

  it("lets a Manager invite, into their own account only", async () => {
    const owner = await makeActor(t.db);
    request.actor = await actorInAccount(t.db, owner.accountId, "manager");
    await expect(inviteSubaccount(undefined, inviteForm())).rejects.toMatchObject({
      message: "NEXT_REDIRECT",
    });
    const [created] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, "new@example.com"));
    expect(created!.accountId).toBe(owner.accountId);
  });

  it("stays on the form after Send and invite another, saying where the invitation went", async () => {
    request.actor = await makeActor(t.db);
    const state = await inviteSubaccount(
      undefined,
      inviteForm({ email: "next@example.com", then: "another" }),
    );
    expect(state).toMatchObject({
      ok: true,
      message: "invite.sentAnother",
      params: { email: "next@example.com" },
    });
    expect((await invitationSnapshot(t.db)).invitations.map((i) => i.email)).toEqual([
      "next@example.com",
    ]);
  });

  it("sends the pending invitation again from Resend it now, in the actor's own account only", async () => {
    const { actor, id } = await invite(t.db, { email: "again@example.com" });
    request.actor = await makeActor(t.db);
    expect(await resendExistingInvitation(undefined, formData({ id }))).toMatchObject({
      ok: false,
      message: "errors.invitation_not_found",
    });
    request.actor = actor;
    await expect(resendExistingInvitation(undefined, formData({ id }))).rejects.toMatchObject({
      message: "NEXT_REDIRECT",
    });
    const [again] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(again!.sendCount).toBe(2);
  });

  it("refuses a custom message over 1,000 characters and keeps what was typed", async () => {
    request.actor = await makeActor(t.db);
    const state = await inviteSubaccount(
      undefined,
      inviteForm({
        email: "long@example.com",
        subaccountType: "retail",
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

  it("sends the custom message only when it is to be sent", async () => {
    request.actor = await makeActor(t.db);
    await expect(
      inviteSubaccount(
        undefined,
        inviteForm({ email: "quiet@example.com", customMessage: "typed, then unticked" }),
      ),
    ).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    const [created] = await t.db.select().from(invitations);
    expect(created!.customMessage).toBeNull();
  });
});

describe("terms on the invite form", () => {
  it("reads an Administrator's terms from their fields, leaving defaults and untouched products out", async () => {
    const admin = await makeActor(t.db);
    const colleague = await actorInAccount(t.db, admin.accountId, "manager");
    request.actor = admin;
    const [p1, p2] = await t.db.select({ id: products.id }).from(products).limit(2);
    await expect(
      inviteSubaccount(
        undefined,
        inviteForm({
          subaccountType: "reseller",
          terms_billing: "bill_to_parent",
          terms_pricing: "custom",
          productIds: `${p1!.id},${p2!.id}`,
          [`price_${p1!.id}`]: "199,50",
          [`available_${p1!.id}`]: "on",
          [`price_${p2!.id}`]: "",
          [`available_${p2!.id}`]: "on",
          terms_accountManagerId: colleague.userId,
          terms_chooseTypes: "on",
          terms_allowedSubaccountTypes: ["retail", "enterprise"],
        }),
      ),
    ).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    const [created] = await t.db.select().from(invitations);
    expect(created!.terms).toEqual({
      billing: "bill_to_parent",
      pricing: "custom",
      products: [{ productId: p1!.id, priceCents: 19950, available: true }],
      accountManagerId: colleague.userId,
      allowedSubaccountTypes: ["retail", "enterprise"],
    });
  });

  it("sends no terms when the fields stay at their defaults", async () => {
    request.actor = await makeActor(t.db);
    await expect(
      inviteSubaccount(
        undefined,
        inviteForm({ terms_billing: "bill_to_subaccount", terms_pricing: "standard" }),
      ),
    ).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    const [created] = await t.db.select().from(invitations);
    expect(created!.terms).toBeNull();
  });

  it("refuses a Manager's billing terms sent past the read-only form, and writes nothing", async () => {
    const owner = await makeActor(t.db);
    request.actor = await actorInAccount(t.db, owner.accountId, "manager");
    expect(
      await inviteSubaccount(undefined, inviteForm({ terms_billing: "bill_to_parent" })),
    ).toMatchObject({ ok: false, message: "errors.forbidden" });
    expect(await invitationSnapshot(t.db)).toEqual({ invitations: [], emails: 0 });
  });
});

describe("a template on the invite form", () => {
  it("brings its terms the form showed read-only: a Manager is refused rather than sent on the defaults", async () => {
    const admin = await makeActor(t.db);
    const { id: templateId } = await saveInvitationTemplate(
      t.db,
      admin,
      {
        template: {
          name: "Billed to us",
          subaccountType: "enterprise",
          locale: "en",
          customMessage: null,
          terms: { billing: "bill_to_parent" },
        },
      },
      new Date("2026-04-01T10:00:00Z"),
    );
    request.actor = await actorInAccount(t.db, admin.accountId, "manager");
    expect(await inviteSubaccount(undefined, inviteForm({ templateId }))).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await invitationSnapshot(t.db)).toEqual({ invitations: [], emails: 0 });
    // An Administrator's form sends the terms as shown: here, cleared back to the defaults.
    request.actor = admin;
    await expect(
      inviteSubaccount(undefined, inviteForm({ templateId, terms_billing: "bill_to_subaccount" })),
    ).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    const [created] = await t.db.select().from(invitations);
    expect(created!.terms).toBeNull();
  });
});
