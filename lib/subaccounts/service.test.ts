import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, products, users } from "@/db/schema";
import { createContract } from "@/lib/contracts/service";
import { loadActor } from "@/lib/auth/service";
import type { Actor } from "@/lib/auth/actor";
import { acceptInvitation, createInvitation } from "@/lib/invitations/service";
import { setPasswordWithToken } from "@/lib/users/service";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { organization } from "@/tests/helpers/fixtures";
import { getSubaccountDetail, listSubaccounts, priceList, subaccountListParams } from "./queries";
import {
  assignAccountManager,
  assignContract,
  createSubaccount,
  type NewSubaccount,
  setSubaccountStatus,
  updateBillingAndPricing,
  updateProductTerms,
  updateSubaccountDetails,
} from "./service";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const deps = { appUrl: "https://portal.example" };
const org = organization;
const newSub = (overrides: Partial<NewSubaccount> = {}): NewSubaccount => ({
  ...org,
  type: "enterprise",
  billing: "bill_to_parent",
  pricing: "custom",
  allowedSubaccountTypes: [],
  nickname: "Globex (key account)",
  administrator: {
    username: "hank",
    email: "hank@globex.example",
    firstName: "Hank",
    lastName: "Scorpio",
    role: "administrator",
    locale: "en",
  },
  ...overrides,
});

async function subaccountOf(parent: Actor, overrides: Partial<NewSubaccount> = {}) {
  return createSubaccount(t.db, { actor: parent, subaccount: newSub(overrides), now }, deps);
}

describe("creating a subaccount", () => {
  it("starts on what the manager chose, and its administrator chooses a password from the email", async () => {
    const parent = await makeActor(t.db);
    const { id, token } = await subaccountOf(parent);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row).toMatchObject({
      parentId: parent.accountId,
      type: "enterprise",
      billing: "bill_to_parent",
      pricing: "custom",
      createdVia: "manual",
      accountManagerId: parent.userId,
    });
    const { username } = await setPasswordWithToken(t.db, {
      token: token!,
      password: "Globex-Passw0rd!",
      now,
    });
    const [admin] = await t.db.select().from(users).where(eq(users.username, username));
    expect(await loadActor(t.db, admin!.id)).toMatchObject({
      accountId: id,
      role: "administrator",
    });
  });

  it("creates no user for a Managed subaccount", async () => {
    const parent = await makeActor(t.db);
    const { id, token } = await subaccountOf(parent, { type: "managed" });
    expect(token).toBeNull();
    expect(await t.db.$count(users, eq(users.accountId, id))).toBe(0);
  });

  it("refuses a type the parent may not create, and creates nothing on a taken username", async () => {
    const parent = await makeActor(t.db);
    await t.db
      .update(accounts)
      .set({ allowedSubaccountTypes: ["retail"] })
      .where(eq(accounts.id, parent.accountId));
    await expect(subaccountOf(parent)).rejects.toMatchObject({
      code: "subaccount_type_not_allowed",
    });
    await t.db
      .update(accounts)
      .set({ allowedSubaccountTypes: ["enterprise"] })
      .where(eq(accounts.id, parent.accountId));
    const before = await t.db.$count(accounts);
    await expect(
      subaccountOf(parent, {
        administrator: { ...newSub().administrator!, username: parent.username.toUpperCase() },
      }),
    ).rejects.toMatchObject({ code: "username_taken" });
    expect(await t.db.$count(accounts)).toBe(before);
  });

  it("gives an invited subaccount bill to subaccount and standard pricing", async () => {
    const parent = await makeActor(t.db);
    const { token } = await createInvitation(
      t.db,
      {
        actor: parent,
        email: "x@example.com",
        subaccountType: "retail",
        customMessage: null,
        locale: "en",
        now,
      },
      { ...deps, invitationsPerHour: 10 },
    );
    const { accountId } = await acceptInvitation(
      t.db,
      {
        token,
        now,
        form: {
          firstName: "X",
          lastName: "Y",
          phone: null,
          jobTitle: null,
          legalName: "Invited Inc",
          addressLine1: "a",
          addressLine2: null,
          city: "c",
          region: null,
          postalCode: "1",
          country: "DE",
          orgPhone: null,
          username: "invited",
          password: "Sturdy-Passw0rd!",
        },
      },
      deps,
    );
    expect(await getSubaccountDetail(t.db, parent.accountId, accountId)).toMatchObject({
      billing: "bill_to_subaccount",
      pricing: "standard",
      contactEmail: "x@example.com",
    });
  });
});

describe("billing, pricing and contracts", () => {
  it("refuses billing and pricing changes while a contract is assigned, and allows them after it is removed", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(parent);
    const contractId = await createContract(t.db, {
      actor: parent,
      contract: {
        name: "MSA 2026",
        startsOn: "2026-01-01",
        endsOn: null,
        billing: "bill_to_subaccount",
        pricing: "standard",
      },
      now,
    });
    await assignContract(t.db, { actor: parent, id, contractId, now });
    expect(await getSubaccountDetail(t.db, parent.accountId, id)).toMatchObject({
      contractId,
      contractName: "MSA 2026",
      billing: "bill_to_subaccount",
      pricing: "standard",
    });
    await expect(
      updateBillingAndPricing(t.db, {
        actor: parent,
        id,
        billing: "bill_to_parent",
        pricing: "custom",
        now,
      }),
    ).rejects.toMatchObject({ code: "subaccount_locked_by_contract" });
    const [product] = await t.db.select().from(products).limit(1);
    await expect(
      updateProductTerms(t.db, {
        actor: parent,
        id,
        terms: [{ productId: product!.id, priceCents: 1, available: true }],
        now,
      }),
    ).rejects.toMatchObject({ code: "subaccount_locked_by_contract" });
    await assignContract(t.db, { actor: parent, id, contractId: null, now });
    await updateBillingAndPricing(t.db, {
      actor: parent,
      id,
      billing: "bill_to_parent",
      pricing: "custom",
      now,
    });
    expect(await getSubaccountDetail(t.db, parent.accountId, id)).toMatchObject({
      contractId: null,
      billing: "bill_to_parent",
      pricing: "custom",
    });
  });

  it("refuses another account's contract", async () => {
    const parent = await makeActor(t.db);
    const other = await makeActor(t.db, { accountName: "Other" });
    const { id } = await subaccountOf(parent);
    const foreign = await createContract(t.db, {
      actor: other,
      contract: {
        name: "Theirs",
        startsOn: "2026-01-01",
        endsOn: null,
        billing: "bill_to_parent",
        pricing: "custom",
      },
      now,
    });
    await expect(
      assignContract(t.db, { actor: parent, id, contractId: foreign, now }),
    ).rejects.toMatchObject({ code: "contract_not_found" });
  });

  it("applies custom prices and availability to the subaccount's price list", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(parent, { pricing: "custom" });
    const [first, second] = await t.db.select().from(products).orderBy(products.sortOrder).limit(2);
    await updateProductTerms(t.db, {
      actor: parent,
      id,
      now,
      terms: [
        { productId: first!.id, priceCents: 12345, available: true },
        { productId: second!.id, priceCents: null, available: false },
      ],
    });
    const prices = await priceList(t.db, id, "custom");
    expect(prices.find((p) => p.productId === first!.id)).toMatchObject({
      priceCents: 12345,
      available: true,
    });
    expect(prices.find((p) => p.productId === second!.id)).toMatchObject({
      priceCents: second!.standardPriceCents,
      available: false,
    });
    expect(
      (await priceList(t.db, id, "standard")).find((p) => p.productId === first!.id)!.priceCents,
    ).toBe(first!.standardPriceCents);
  });
});

describe("who may act on a subaccount", () => {
  it("lets an assigned account manager change no more than their role allows", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(parent);
    const plainUser = await actorInAccount(t.db, parent.accountId, "user");
    await assignAccountManager(t.db, { actor: parent, id, userId: plainUser.userId, now });
    const terms = {
      actor: plainUser,
      id,
      billing: "bill_to_subaccount",
      pricing: "standard",
      now,
    } as const;
    await expect(updateBillingAndPricing(t.db, terms)).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      updateSubaccountDetails(t.db, {
        actor: plainUser,
        id,
        details: { ...org, nickname: null },
        now,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      setSubaccountStatus(t.db, { actor: plainUser, id, status: "deactivated", now }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row).toMatchObject({ billing: "bill_to_parent", status: "active", name: "Globex" });
  });

  it("refuses a user of a sibling, of the child itself (looking up) and of an unrelated account: not found, nothing changes", async () => {
    const parent = await makeActor(t.db);
    const { id, token } = await subaccountOf(parent);
    const { id: siblingId } = await subaccountOf(parent, {
      administrator: { ...newSub().administrator!, username: "sib" },
    });
    const sibling = await actorInAccount(t.db, siblingId, "administrator");
    await setPasswordWithToken(t.db, { token: token!, password: "Globex-Passw0rd!", now });
    const [childAdmin] = await t.db.select().from(users).where(eq(users.accountId, id));
    const child = (await loadActor(t.db, childAdmin!.id))!;
    const unrelated = await makeActor(t.db, { accountName: "Unrelated" });
    const before = await getSubaccountDetail(t.db, parent.accountId, id);
    for (const actor of [sibling, child, unrelated]) {
      await expect(
        updateBillingAndPricing(t.db, {
          actor,
          id,
          billing: "bill_to_subaccount",
          pricing: "standard",
          now,
        }),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      await expect(
        updateSubaccountDetails(t.db, {
          actor,
          id,
          details: { ...org, name: "Hacked", nickname: null },
          now,
        }),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      await expect(
        setSubaccountStatus(t.db, { actor, id, status: "deactivated", now }),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      await expect(
        assignContract(t.db, { actor, id, contractId: null, now }),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      await expect(
        assignAccountManager(t.db, { actor, id, userId: null, now }),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      expect(await getSubaccountDetail(t.db, actor.accountId, id)).toBeNull();
      expect(
        (await listSubaccounts(t.db, actor.accountId, subaccountListParams.parse({}))).rows.map(
          (r) => r.id,
        ),
      ).not.toContain(id);
    }
    // The child may not look up at its parent either.
    expect(await getSubaccountDetail(t.db, child.accountId, parent.accountId)).toBeNull();
    expect(await getSubaccountDetail(t.db, parent.accountId, id)).toEqual(before);
  });

  it("signs a deactivated subaccount's users out and lets them back after reactivation", async () => {
    const parent = await makeActor(t.db);
    const { id, token } = await subaccountOf(parent);
    await setPasswordWithToken(t.db, { token: token!, password: "Globex-Passw0rd!", now });
    const [admin] = await t.db.select().from(users).where(eq(users.accountId, id));
    await setSubaccountStatus(t.db, { actor: parent, id, status: "deactivated", now });
    expect(await loadActor(t.db, admin!.id)).toBeNull();
    await setSubaccountStatus(t.db, { actor: parent, id, status: "active", now });
    expect(await loadActor(t.db, admin!.id)).not.toBeNull();
  });

  it("assigns only active users of the parent as account manager", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(parent);
    const stranger = await makeActor(t.db, { accountName: "Stranger" });
    await expect(
      assignAccountManager(t.db, { actor: parent, id, userId: stranger.userId, now }),
    ).rejects.toMatchObject({ code: "account_manager_not_found" });
  });
});

describe("listing subaccounts", () => {
  it("searches by name, nickname or account ID and filters by type and status", async () => {
    const parent = await makeActor(t.db);
    const a = await subaccountOf(parent, {
      name: "Alpha Corp",
      nickname: null,
      administrator: null,
      type: "managed",
    });
    const b = await subaccountOf(parent, {
      name: "Beta GmbH",
      nickname: "the Berlin one",
      administrator: null,
      type: "managed",
    });
    await setSubaccountStatus(t.db, { actor: parent, id: b.id, status: "deactivated", now });
    const list = async (p: Record<string, string>) =>
      (await listSubaccounts(t.db, parent.accountId, subaccountListParams.parse(p))).rows.map(
        (r) => r.id,
      );
    const [alpha] = await t.db.select().from(accounts).where(eq(accounts.id, a.id));
    expect(await list({ q: "alpha" })).toEqual([a.id]);
    expect(await list({ q: "berlin" })).toEqual([b.id]);
    expect(await list({ q: String(alpha!.number) })).toEqual([a.id]);
    expect(await list({ status: "deactivated" })).toEqual([b.id]);
    expect(await list({ type: "enterprise" })).toEqual([]);
  });
});

describe("an account manager's own list", () => {
  it("shows a user without the role to see all subaccounts just the ones they manage", async () => {
    const parent = await makeActor(t.db);
    const mine = await subaccountOf(parent, { name: "Mine", administrator: null, type: "managed" });
    await subaccountOf(parent, { name: "Not mine", administrator: null, type: "managed" });
    const user = await actorInAccount(t.db, parent.accountId, "user");
    await assignAccountManager(t.db, { actor: parent, id: mine.id, userId: user.userId, now });
    const page = await listSubaccounts(
      t.db,
      parent.accountId,
      subaccountListParams.parse({}),
      user.userId,
    );
    expect(page.rows.map((r) => r.name)).toEqual(["Mine"]);
  });
});
