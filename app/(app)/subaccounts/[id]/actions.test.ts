import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { accounts, contracts } from "@/db/schema";
import type { RequestContext } from "@/lib/actions/context";
import type { Actor } from "@/lib/auth/actor";
import { createSubaccount } from "@/lib/subaccounts/service";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
const t = setupTestDb();
vi.mock("@/lib/actions/context", () => ({
  requestContext: async (): Promise<RequestContext> => ({
    actor: session.actor,
    db: t.db,
    now: new Date("2026-10-01T10:00:00Z"),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/server", () => ({ after: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));

const detailActions = await import("./actions");
const { createSubaccount: createAction } = await import("../new/actions");
const { updateOrganization } = await import("../../actions");

function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}

const org = {
  name: "Umbrella",
  addressLine1: "1 Hive Way",
  city: "Raccoon City",
  postalCode: "12345",
  country: "US",
  contactFirstName: "Albert",
  contactLastName: "W",
  contactEmail: "albert@umbrella.example",
};

async function world() {
  const parent = await makeActor(t.db, { accountName: "Parent" });
  const { id } = await createSubaccount(
    t.db,
    {
      actor: parent,
      now: new Date(),
      subaccount: {
        ...org,
        addressLine2: null,
        region: null,
        phone: null,
        contactPhone: null,
        type: "enterprise",
        billing: "bill_to_subaccount",
        pricing: "standard",
        allowedSubaccountTypes: [],
        nickname: null,
        administrator: null,
      },
    },
    { appUrl: "http://x" },
  );
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
    [detailActions.updateDetails, form({ id, ...org, name: "Hacked" })],
    [detailActions.updateTerms, form({ id, billing: "bill_to_parent", pricing: "custom" })],
    [detailActions.updateProducts, form({ id, productIds: "" })],
    [detailActions.setContract, form({ id, contractId })],
    [detailActions.setAccountManager, form({ id, userId })],
    [detailActions.setStatus, form({ id, status: "deactivated" })],
  ] as const;

describe("subaccount actions", () => {
  it("refuse a signed-out caller", async () => {
    const w = await world();
    session.actor = null;
    const before = await w.snapshot();
    for (const [act, fd] of calls(w.id, w.contractId, w.parent.userId)) {
      expect(await act(undefined, fd)).toEqual({ ok: false, message: "errors.signed_out" });
    }
    expect(await w.snapshot()).toEqual(before);
  });

  it("refuse administrators of a sibling, of the subaccount itself and of an unrelated account; nothing changes", async () => {
    const w = await world();
    const before = await w.snapshot();
    for (const actor of [w.sibling, w.child, w.unrelated]) {
      session.actor = actor;
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
    session.actor = await actorInAccount(t.db, w.parent.accountId, "user");
    const before = await w.snapshot();
    for (const [act, fd] of calls(w.id, w.contractId, w.parent.userId)) {
      expect((await act(undefined, fd)).ok).toBe(false);
    }
    expect(await w.snapshot()).toEqual(before);
  });

  it("let the parent's administrator act", async () => {
    const w = await world();
    session.actor = w.parent;
    expect(
      await detailActions.updateTerms(
        undefined,
        form({ id: w.id, billing: "bill_to_parent", pricing: "custom" }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await detailActions.setContract(undefined, form({ id: w.id, contractId: w.contractId })),
    ).toMatchObject({ ok: true });
    expect(
      await detailActions.updateTerms(
        undefined,
        form({ id: w.id, billing: "bill_to_subaccount", pricing: "standard" }),
      ),
    ).toMatchObject({
      ok: false,
      message: "errors.subaccount_locked_by_contract",
    });
  });

  it("refuse a malformed custom price and change nothing", async () => {
    const w = await world();
    session.actor = w.parent;
    const { products } = await import("@/db/schema");
    const [product] = await t.db.select().from(products).limit(1);
    const state = await detailActions.updateProducts(
      undefined,
      form({ id: w.id, productIds: product!.id, [`price_${product!.id}`]: "12,34.5" }),
    );
    expect(state).toMatchObject({
      ok: false,
      message: "errors.invalid_price",
      fieldErrors: { [`price_${product!.id}`]: [{ code: "errors.invalid_price" }] },
    });
  });
});

describe("create subaccount action", () => {
  it("asks for the administrator of every type but Managed, per field", async () => {
    const parent = await makeActor(t.db);
    session.actor = parent;
    const base = { ...org, type: "enterprise", billing: "bill_to_parent", pricing: "standard" };
    const state = await createAction(undefined, form(base));
    expect(state).toMatchObject({ ok: false, message: "errors.invalid_input" });
    expect(Object.keys(state.ok ? {} : (state.fieldErrors ?? {}))).toEqual(
      expect.arrayContaining(["adminFirstName", "adminEmail", "adminUsername"]),
    );
    expect(await t.db.$count(accounts, eq(accounts.parentId, parent.accountId))).toBe(0);
    await expect(createAction(undefined, form({ ...base, type: "managed" }))).rejects.toMatchObject(
      { message: "NEXT_REDIRECT" },
    );
    expect(await t.db.$count(accounts, eq(accounts.parentId, parent.accountId))).toBe(1);
  });

  it("puts a taken username on the administrator's username field, keeping every choice", async () => {
    const parent = await makeActor(t.db);
    session.actor = parent;
    const fd = form({
      ...org,
      type: "reseller",
      billing: "bill_to_parent",
      pricing: "custom",
      adminFirstName: "Ann",
      adminLastName: "Other",
      adminEmail: "ann@example.com",
      adminUsername: parent.username,
      locale: "de",
    });
    fd.append("allowedSubaccountTypes", "retail");
    fd.append("allowedSubaccountTypes", "enterprise");
    const state = await createAction(undefined, fd);
    expect(state).toMatchObject({
      ok: false,
      message: "errors.username_taken",
      fieldErrors: { adminUsername: [{ code: "errors.username_taken" }] },
      values: {
        type: ["reseller"],
        billing: ["bill_to_parent"],
        pricing: ["custom"],
        locale: ["de"],
        allowedSubaccountTypes: ["retail", "enterprise"],
      },
    });
    expect(await t.db.$count(accounts, eq(accounts.parentId, parent.accountId))).toBe(0);
  });

  it("is for administrators only", async () => {
    const parent = await makeActor(t.db);
    session.actor = await actorInAccount(t.db, parent.accountId, "manager");
    expect(
      await createAction(
        undefined,
        form({ ...org, type: "managed", billing: "bill_to_parent", pricing: "standard" }),
      ),
    ).toEqual({ ok: false, message: "errors.forbidden" });
  });
});

describe("own organization action", () => {
  it("changes only the actor's own account, and only for administrators", async () => {
    const w = await world();
    session.actor = await actorInAccount(t.db, w.parent.accountId, "manager");
    expect(await updateOrganization(undefined, form({ ...org, name: "Renamed" }))).toEqual({
      ok: false,
      message: "errors.forbidden",
    });
    session.actor = w.child;
    expect(
      await updateOrganization(undefined, form({ ...org, name: "Umbrella Corp" })),
    ).toMatchObject({ ok: true });
    const [own] = await t.db.select().from(accounts).where(eq(accounts.id, w.id));
    const [parentRow] = await t.db
      .select()
      .from(accounts)
      .where(eq(accounts.id, w.parent.accountId));
    expect([own!.name, parentRow!.name]).toEqual(["Umbrella Corp", "Parent"]);
  });
});
