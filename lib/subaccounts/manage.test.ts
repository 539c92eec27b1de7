import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, products, users } from "@/db/schema";
import { createContract } from "@/lib/contracts/manage";
import { loadActor } from "@/lib/auth/sign-in";
import { setPasswordWithToken } from "@/lib/users/set-password";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { organization } from "@/tests/helpers/fixtures";
import { newSubaccount as newSub, subaccountOf } from "@/tests/helpers/subaccounts";
import { getSubaccountDetail, listSubaccounts, subaccountListParams } from "./queries";
import { priceList } from "@/lib/accounts/prices";
import {
  assignAccountManager,
  assignContract,
  setSubaccountStatus,
  updateBillingAndPricing,
  updateProductTerms,
  updateSubaccountDetails,
} from "./manage";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const org = organization;

describe("billing, pricing and contracts", () => {
  it("refuses billing and pricing changes while a contract is assigned, and allows them after it is removed", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(t.db, parent);
    const contractId = await createContract(
      t.db,
      parent,
      {
        contract: {
          name: "MSA 2026",
          startsOn: "2026-01-01",
          endsOn: null,
          billing: "bill_to_subaccount",
          pricing: "standard",
        },
      },
      now,
    );
    await assignContract(t.db, parent, { id, contractId }, now);
    expect(await getSubaccountDetail(t.db, parent.accountId, id, now)).toMatchObject({
      contractId,
      contractName: "MSA 2026",
      billing: "bill_to_subaccount",
      pricing: "standard",
    });
    const billedToParent = { id, billing: "bill_to_parent", pricing: "custom" } as const;
    await expect(updateBillingAndPricing(t.db, parent, billedToParent, now)).rejects.toMatchObject({
      code: "subaccount_locked_by_contract",
    });
    const [product] = await t.db.select().from(products).limit(1);
    await expect(
      updateProductTerms(
        t.db,
        parent,
        {
          id,
          terms: [{ productId: product!.id, priceCents: 1, available: true }],
        },
        now,
      ),
    ).rejects.toMatchObject({ code: "subaccount_locked_by_contract" });
    await assignContract(t.db, parent, { id, contractId: null }, now);
    await updateBillingAndPricing(t.db, parent, billedToParent, now);
    expect(await getSubaccountDetail(t.db, parent.accountId, id, now)).toMatchObject({
      contractId: null,
      billing: "bill_to_parent",
      pricing: "custom",
    });
  });

  it("refuses another account's contract", async () => {
    const parent = await makeActor(t.db);
    const other = await makeActor(t.db, { accountName: "Other" });
    const { id } = await subaccountOf(t.db, parent);
    const foreign = await createContract(
      t.db,
      other,
      {
        contract: {
          name: "Theirs",
          startsOn: "2026-01-01",
          endsOn: null,
          billing: "bill_to_parent",
          pricing: "custom",
        },
      },
      now,
    );
    await expect(
      assignContract(t.db, parent, { id, contractId: foreign }, now),
    ).rejects.toMatchObject({ code: "contract_not_found" });
  });

  it("applies custom prices and availability to the subaccount's price list", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(t.db, parent, { pricing: "custom" });
    const [first, second] = await t.db.select().from(products).orderBy(products.sortOrder).limit(2);
    await updateProductTerms(
      t.db,
      parent,
      {
        id,
        terms: [
          { productId: first!.id, priceCents: 12345, available: true },
          { productId: second!.id, priceCents: null, available: false },
        ],
      },
      now,
    );
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
    const { id } = await subaccountOf(t.db, parent);
    const plainUser = await actorInAccount(t.db, parent.accountId, "user");
    await assignAccountManager(t.db, parent, { id, userId: plainUser.userId }, now);
    const terms = { id, billing: "bill_to_subaccount", pricing: "standard" } as const;
    await expect(updateBillingAndPricing(t.db, plainUser, terms, now)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      updateSubaccountDetails(
        t.db,
        plainUser,
        {
          id,
          details: { ...org, nickname: null },
        },
        now,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      setSubaccountStatus(t.db, plainUser, { id, status: "deactivated" }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row).toMatchObject({ billing: "bill_to_parent", status: "active", name: "Globex" });
  });

  it("refuses a user of a sibling, of the child itself (looking up) and of an unrelated account: not found, nothing changes", async () => {
    const parent = await makeActor(t.db);
    const { id, token } = await subaccountOf(t.db, parent);
    const { id: siblingId } = await subaccountOf(t.db, parent, {
      administrator: { ...newSub().administrator!, username: "sib" },
    });
    const sibling = await actorInAccount(t.db, siblingId, "administrator");
    await setPasswordWithToken(t.db, { token: token!, password: "Globex-Passw0rd!" }, now);
    const [childAdmin] = await t.db.select().from(users).where(eq(users.accountId, id));
    const child = (await loadActor(t.db, childAdmin!.id))!;
    const unrelated = await makeActor(t.db, { accountName: "Unrelated" });
    const before = await getSubaccountDetail(t.db, parent.accountId, id, now);
    for (const actor of [sibling, child, unrelated]) {
      await expect(
        updateBillingAndPricing(
          t.db,
          actor,
          {
            id,
            billing: "bill_to_subaccount",
            pricing: "standard",
          },
          now,
        ),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      await expect(
        updateSubaccountDetails(
          t.db,
          actor,
          {
            id,
            details: { ...org, name: "Hacked", nickname: null },
          },
          now,
        ),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      await expect(
        setSubaccountStatus(t.db, actor, { id, status: "deactivated" }, now),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      await expect(
        assignContract(t.db, actor, { id, contractId: null }, now),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      await expect(
        assignAccountManager(t.db, actor, { id, userId: null }, now),
      ).rejects.toMatchObject({ code: "subaccount_not_found" });
      expect(await getSubaccountDetail(t.db, actor.accountId, id, now)).toBeNull();
      expect(
        (await listSubaccounts(t.db, actor.accountId, subaccountListParams.parse({}), {})).rows.map(
          (r) => r.id,
        ),
      ).not.toContain(id);
    }
    // The child may not look up at its parent either.
    expect(await getSubaccountDetail(t.db, child.accountId, parent.accountId, now)).toBeNull();
    expect(await getSubaccountDetail(t.db, parent.accountId, id, now)).toEqual(before);
  });

  it("signs a deactivated subaccount's users out and lets them back after reactivation", async () => {
    const parent = await makeActor(t.db);
    const { id, token } = await subaccountOf(t.db, parent);
    await setPasswordWithToken(t.db, { token: token!, password: "Globex-Passw0rd!" }, now);
    const [admin] = await t.db.select().from(users).where(eq(users.accountId, id));
    await setSubaccountStatus(t.db, parent, { id, status: "deactivated" }, now);
    expect(await loadActor(t.db, admin!.id)).toBeNull();
    await setSubaccountStatus(t.db, parent, { id, status: "active" }, now);
    expect(await loadActor(t.db, admin!.id)).not.toBeNull();
  });

  it("assigns only active users of the parent as account manager", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(t.db, parent);
    const stranger = await makeActor(t.db, { accountName: "Stranger" });
    await expect(
      assignAccountManager(t.db, parent, { id, userId: stranger.userId }, now),
    ).rejects.toMatchObject({ code: "account_manager_not_found" });
  });
});
