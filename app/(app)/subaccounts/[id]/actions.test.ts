import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, contracts, products } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { organizationForm } from "@/tests/helpers/fixtures";
import { formData, actionRequest } from "@/tests/helpers/request";
import { subaccountOf } from "@/tests/helpers/subaccounts";
import * as detailActions from "./actions";

const t = setupTestDb();
const request = actionRequest(t, new Date("2026-10-01T10:00:00Z"));

const org = organizationForm;

async function world() {
  const parent = await makeActor(t.db, { accountName: "Parent" });
  const { id } = await subaccountOf(t.db, parent, {
    billing: "bill_to_subaccount",
    pricing: "standard",
    nickname: null,
  });
  const [contract] = await t.db
    .insert(contracts)
    .values({
      accountId: parent.accountId,
      name: "C",
      startsOn: "2026-01-01",
      billing: "bill_to_parent",
      pricing: "custom",
      createdAt: new Date(),
    })
    .returning();
  const sibling = await makeActor(t.db, { accountName: "Sibling", parentId: parent.accountId });
  const child = await actorInAccount(t.db, id, "administrator");
  const unrelated = await makeActor(t.db, { accountName: "Unrelated" });
  const snapshot = () => t.db.select().from(accounts).where(eq(accounts.id, id));
  return { parent, id, contractId: contract!.id, sibling, child, unrelated, snapshot };
}

const calls = (id: string, contractId: string, userId: string) =>
  [
    [detailActions.updateDetails, formData({ id, ...org, name: "Hacked" })],
    [detailActions.updateTerms, formData({ id, billing: "bill_to_parent", pricing: "custom" })],
    [detailActions.updateProducts, formData({ id, productIds: "" })],
    [detailActions.setContract, formData({ id, contractId })],
    [detailActions.setAccountManager, formData({ id, userId })],
    [detailActions.setStatus, formData({ id, status: "deactivated" })],
  ] as const;
describe("subaccount actions", () => {
  it("refuse a signed-out caller", async () => {
    const w = await world();
    request.actor = null;
    const before = await w.snapshot();
    for (const [act, fd] of calls(w.id, w.contractId, w.parent.userId)) {
      expect(await act(undefined, fd)).toMatchObject({ ok: false, message: "errors.signed_out" });
    }
    expect(await w.snapshot()).toEqual(before);
  });

  it("refuse administrators of a sibling, of the subaccount itself and of an unrelated account; nothing changes", async () => {
    const w = await world();
    const before = await w.snapshot();
    for (const actor of [w.sibling, w.child, w.unrelated]) {
      request.actor = actor;
      for (const [act, fd] of calls(w.id, w.contractId, actor.userId)) {
        expect(await act(undefined, fd)).toMatchObject({
          ok: false,
          message: "errors.subaccount_not_found",
        });
      }
    }
    expect(await w.snapshot()).toEqual(before);
  });

  it("refuse a User of the parent who is not the account manager", async () => {
    const w = await world();
    request.actor = await actorInAccount(t.db, w.parent.accountId, "user");
    const before = await w.snapshot();
    for (const [act, fd] of calls(w.id, w.contractId, w.parent.userId)) {
      expect((await act(undefined, fd)).ok).toBe(false);
    }
    expect(await w.snapshot()).toEqual(before);
  });

  it("let the parent's administrator act", async () => {
    const w = await world();
    request.actor = w.parent;
    expect(
      await detailActions.updateTerms(
        undefined,
        formData({ id: w.id, billing: "bill_to_parent", pricing: "custom" }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await detailActions.setContract(undefined, formData({ id: w.id, contractId: w.contractId })),
    ).toMatchObject({ ok: true });
    expect(
      await detailActions.updateTerms(
        undefined,
        formData({ id: w.id, billing: "bill_to_subaccount", pricing: "standard" }),
      ),
    ).toMatchObject({
      ok: false,
      message: "errors.subaccount_locked_by_contract",
    });
  });

  it("refuse a malformed custom price and change nothing", async () => {
    const w = await world();
    request.actor = w.parent;
    const [product] = await t.db.select().from(products).limit(1);
    const state = await detailActions.updateProducts(
      undefined,
      formData({ id: w.id, productIds: product!.id, [`price_${product!.id}`]: "12,34.5" }),
    );
    expect(state).toMatchObject({
      ok: false,
      message: "errors.invalid_input",
      fieldErrors: { [`price_${product!.id}`]: [{ code: "validation.invalid_price" }] },
    });
  });
});
