import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  accountPrices,
  accounts,
  invitationEvents,
  invitations,
  products,
  rateLimits,
  users,
} from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";
import { acceptInvitation, viewInvitationToken } from "./accept";
import { changeInvitationTerms } from "./change-terms";
import { cancelInvitation } from "./send";
import { sendAgain } from "./send-again";
import { type InvitationTerms, settableTerms } from "./terms";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const later = new Date("2026-03-02T09:00:00Z");

async function productIds() {
  const rows = await t.db.select({ id: products.id }).from(products).orderBy(asc(products.sku));
  return rows.map((r) => r.id);
}

async function accept(token: string, username = "bob.contoso", at = later) {
  return acceptInvitation(
    t.db,
    { token, form: { ...acceptForm(username), name: "Contoso Ltd" } },
    at,
    deps,
  );
}

/** The new subaccount's terms as they stand. */
async function subaccountTerms(accountId: string) {
  const [account] = await t.db.select().from(accounts).where(eq(accounts.id, accountId));
  const prices = await t.db
    .select({
      productId: accountPrices.productId,
      priceCents: accountPrices.priceCents,
      available: accountPrices.available,
    })
    .from(accountPrices)
    .where(eq(accountPrices.accountId, accountId))
    .orderBy(asc(accountPrices.productId));
  return {
    billing: account!.billing,
    pricing: account!.pricing,
    accountManagerId: account!.accountManagerId,
    allowedSubaccountTypes: account!.allowedSubaccountTypes,
    prices,
  };
}

describe("terms set at invite time", () => {
  it("apply to the subaccount the acceptance creates: billing, pricing, prices, availability, account manager, types", async () => {
    const admin = await makeActor(t.db);
    const colleague = await actorInAccount(t.db, admin.accountId, "manager");
    const [p1, p2] = await productIds();
    const terms: InvitationTerms = {
      billing: "bill_to_parent",
      pricing: "custom",
      products: [
        { productId: p1!, priceCents: 19900, available: true },
        { productId: p2!, priceCents: null, available: false },
      ],
      accountManagerId: colleague.userId,
      allowedSubaccountTypes: ["retail", "retail"],
    };
    const { token, id } = await invite(t.db, { actor: admin, subaccountType: "reseller", terms });
    const [stored] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(stored!.terms).toMatchObject({ allowedSubaccountTypes: ["retail"] });

    const { accountId } = await accept(token);
    expect(await subaccountTerms(accountId)).toEqual({
      billing: "bill_to_parent",
      pricing: "custom",
      accountManagerId: colleague.userId,
      allowedSubaccountTypes: ["retail"],
      prices: [
        { productId: p1!, priceCents: 19900, available: true },
        { productId: p2!, priceCents: null, available: false },
      ].sort((a, b) => (a.productId < b.productId ? -1 : 1)),
    });
  });

  it("leave the defaults of every invited subaccount when there are none", async () => {
    const { actor, token } = await invite(t.db, { subaccountType: "enterprise", terms: null });
    const { accountId } = await accept(token);
    expect(await subaccountTerms(accountId)).toEqual({
      billing: "bill_to_subaccount",
      pricing: "standard",
      accountManagerId: actor.userId,
      allowedSubaccountTypes: [],
      prices: [],
    });
  });

  it("are refused, writing nothing, when they name another account's user, a product that does not exist or a type the parent may not pass on", async () => {
    const admin = await makeActor(t.db, { accountName: "Hopper" });
    const stranger = await makeActor(t.db, { accountName: "Other" });
    await t.db
      .update(accounts)
      .set({ allowedSubaccountTypes: ["enterprise", "retail"] })
      .where(eq(accounts.id, admin.accountId));
    const refusals: [InvitationTerms, string][] = [
      [{ accountManagerId: stranger.userId }, "account_manager_not_found"],
      [
        { products: [{ productId: crypto.randomUUID(), priceCents: 1, available: true }] },
        "product_not_found",
      ],
      [{ allowedSubaccountTypes: ["reseller"] }, "subaccount_type_not_allowed"],
    ];
    for (const [terms, code] of refusals)
      await expect(invite(t.db, { actor: admin, terms })).rejects.toMatchObject({ code });
    expect(await t.db.$count(invitations)).toBe(0);
  });

  it("a Manager may set none of them: by the permission table, in every door that writes an invitation", async () => {
    expect(settableTerms("manager")).toEqual([]);
    expect(settableTerms("finance_manager").sort()).toEqual(
      ["billing", "pricing", "products", "showPrices"].sort(),
    );
    expect(settableTerms("administrator")).toHaveLength(6);
    const admin = await makeActor(t.db);
    const manager = await actorInAccount(t.db, admin.accountId, "manager");
    for (const terms of [
      { billing: "bill_to_parent" },
      { pricing: "custom" },
      { showPrices: true },
    ] as InvitationTerms[])
      await expect(invite(t.db, { actor: manager, terms })).rejects.toMatchObject({
        code: "forbidden",
      });
    // An empty set is no terms at all: the invitation goes out with the defaults.
    const { id } = await invite(t.db, { actor: manager, terms: {} });
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row!.terms).toBeNull();
    await expect(
      changeInvitationTerms(t.db, manager, { id, terms: { billing: "bill_to_parent" } }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the accept page's view of the terms", () => {
  it("shows the invitee the prices only when the inviter ticks show prices", async () => {
    const [p1, p2] = await productIds();
    const terms: InvitationTerms = {
      pricing: "custom",
      products: [
        { productId: p1!, priceCents: 777, available: true },
        { productId: p2!, priceCents: null, available: false },
      ],
    };
    const hidden = await invite(t.db, { email: "ann@example.com", terms });
    const view = await viewInvitationToken(t.db, hidden.token, later);
    expect(view).toMatchObject({ state: "valid", invitation: { prices: null } });

    // A product the parent may not order itself is not on the invitee's list.
    const all = await productIds();
    const withheld = all[all.length - 1]!;
    await t.db.insert(accountPrices).values({
      accountId: hidden.actor.accountId,
      productId: withheld,
      priceCents: null,
      available: false,
    });
    const shown = await invite(t.db, {
      actor: hidden.actor,
      email: "bob@example.com",
      terms: { ...terms, showPrices: true },
    });
    const seen = await viewInvitationToken(t.db, shown.token, later);
    if (seen.state !== "valid") throw new Error(seen.state);
    const byId = new Map(seen.invitation.prices!.map((p) => [p.productId, p]));
    expect(byId.get(p1!)).toMatchObject({ priceCents: 777, available: true });
    expect(byId.get(p2!)).toMatchObject({ available: false });
    expect(byId.has(withheld)).toBe(false);
    expect(seen.invitation.prices).toHaveLength(all.length - 1);
  });
});

describe("changing an invitation's terms", () => {
  it("a Finance manager changes billing and pricing but keeps the account manager an Administrator chose; recorded in the history", async () => {
    const admin = await makeActor(t.db);
    const colleague = await actorInAccount(t.db, admin.accountId, "manager");
    const finance = await actorInAccount(t.db, admin.accountId, "finance_manager");
    const { id, token } = await invite(t.db, {
      actor: admin,
      terms: { accountManagerId: colleague.userId },
    });
    const changed = await changeInvitationTerms(
      t.db,
      finance,
      { id, terms: { accountManagerId: colleague.userId, billing: "bill_to_parent" } },
      now,
    );
    expect(changed).toEqual({ changed: ["billing"] });
    await expect(
      changeInvitationTerms(t.db, finance, { id, terms: { billing: "bill_to_parent" } }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    const history = await t.db
      .select()
      .from(invitationEvents)
      .where(eq(invitationEvents.type, "terms_changed"));
    expect(history).toMatchObject([
      { invitationId: id, actorUserId: finance.userId, detail: { changed: "billing" } },
    ]);
    const { accountId } = await accept(token);
    expect(await subaccountTerms(accountId)).toMatchObject({
      billing: "bill_to_parent",
      pricing: "standard",
      accountManagerId: colleague.userId,
    });
  });

  it("is refused once the invitation is closed", async () => {
    const { actor, id } = await invite(t.db);
    await cancelInvitation(t.db, actor, { id }, now);
    await expect(
      changeInvitationTerms(t.db, actor, { id, terms: { pricing: "custom" } }, now),
    ).rejects.toMatchObject({ code: "invitation_not_pending" });
  });

  it("races an acceptance: the subaccount gets the terms before or after the change, never a mix", async () => {
    const [p1] = await productIds();
    const before: InvitationTerms = { billing: "bill_to_parent", pricing: "standard" };
    const after: InvitationTerms = {
      billing: "bill_to_subaccount",
      pricing: "custom",
      products: [{ productId: p1!, priceCents: 500, available: true }],
    };
    for (let round = 0; round < 8; round++) {
      const admin = await makeActor(t.db, { accountName: `Race ${round}` });
      const { id, token } = await invite(t.db, { actor: admin, terms: before });
      // The accept hashes its password first (tens of milliseconds): the change is sent
      // at once or later, to land before, during or after the accept's transaction.
      const [accepted, changed] = await Promise.allSettled([
        accept(token, `race.${round}`),
        new Promise((resolve) => setTimeout(resolve, round * 12)).then(() =>
          changeInvitationTerms(t.db, admin, { id, terms: after }, later),
        ),
      ]);
      expect(accepted.status).toBe("fulfilled");
      const { accountId } = (accepted as PromiseFulfilledResult<{ accountId: string }>).value;
      const got = await subaccountTerms(accountId);
      const applied = { billing: got.billing, pricing: got.pricing, prices: got.prices };
      if (changed.status === "fulfilled")
        expect(applied).toEqual({
          billing: "bill_to_subaccount",
          pricing: "custom",
          prices: [{ productId: p1!, priceCents: 500, available: true }],
        });
      else {
        expect(changed.reason).toMatchObject({ code: "invitation_not_pending" });
        expect(applied).toEqual({ billing: "bill_to_parent", pricing: "standard", prices: [] });
      }
    }
  });

  it("counts products in another order, or as the database keeps them, as unchanged", async () => {
    const admin = await makeActor(t.db);
    const [p1, p2] = await productIds();
    const products = [
      { productId: p1!, priceCents: 100, available: true },
      { productId: p2!, priceCents: null, available: false },
    ];
    const { id } = await invite(t.db, { actor: admin, terms: { products } });
    expect(
      await changeInvitationTerms(
        t.db,
        admin,
        { id, terms: { products: [...products].reverse() } },
        now,
      ),
    ).toEqual({ changed: [] });
  });

  it("lets a Finance manager change billing when a part set before no longer holds", async () => {
    const admin = await makeActor(t.db);
    const colleague = await actorInAccount(t.db, admin.accountId, "manager");
    const finance = await actorInAccount(t.db, admin.accountId, "finance_manager");
    const { id, token } = await invite(t.db, {
      actor: admin,
      terms: { accountManagerId: colleague.userId },
    });
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, colleague.userId));
    await changeInvitationTerms(
      t.db,
      finance,
      { id, terms: { billing: "bill_to_parent" }, partial: true },
      now,
    );
    // The acceptance gives the account to the inviter instead of a manager who has left.
    const { accountId } = await accept(token);
    expect(await subaccountTerms(accountId)).toMatchObject({
      billing: "bill_to_parent",
      accountManagerId: admin.userId,
    });
  });
});

describe("terms, further", () => {
  it("offer only what the parent may order itself", async () => {
    const admin = await makeActor(t.db);
    const [p1] = await productIds();
    await t.db
      .insert(accountPrices)
      .values({ accountId: admin.accountId, productId: p1!, priceCents: null, available: false });
    await expect(
      invite(t.db, {
        actor: admin,
        terms: { products: [{ productId: p1!, priceCents: 1, available: true }] },
      }),
    ).rejects.toMatchObject({ code: "product_not_found" });
    // Refused before the hourly limit counted it.
    expect(await t.db.$count(rateLimits)).toBe(0);
  });

  it("go with an invitation sent again, and refuse a sender who may not set them", async () => {
    const admin = await makeActor(t.db);
    const terms: InvitationTerms = { billing: "bill_to_parent" };
    const { id } = await invite(t.db, { actor: admin, terms });
    await cancelInvitation(t.db, admin, { id }, now);
    const manager = await actorInAccount(t.db, admin.accountId, "manager");
    await expect(sendAgain(t.db, manager, { id }, later, deps)).rejects.toMatchObject({
      code: "forbidden",
    });
    const again = await sendAgain(t.db, admin, { id }, later, deps);
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, again.id));
    expect(row!.terms).toEqual(terms);
  });
});
