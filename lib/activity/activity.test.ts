import { describe, expect, it } from "vitest";
import { activity, products } from "@/db/schema";
import { createContract } from "@/lib/contracts/manage";
import {
  assignAccountManager,
  assignContract,
  setSubaccountStatus,
  updateBillingAndPricing,
  updateSubaccountDetails,
  updateProductTerms,
} from "@/lib/subaccounts/manage";
import { addUser, changeRole, setUserStatus } from "@/lib/users/manage";
import { updateOwnOrganization } from "@/lib/accounts/own";
import { APP_DEPS, newUser, organization } from "@/tests/helpers/fixtures";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { subaccountOf } from "@/tests/helpers/subaccounts";
import { activityListParams, activityPeople, listActivity } from "./queries";
import { activityKindsFor } from "./rules";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const log = async (
  accountId: string,
  filters: Record<string, string> = {},
  reader: "own" | "parent" = "own",
) =>
  (
    await listActivity(t.db, accountId, activityListParams.parse(filters), activityKindsFor(reader))
  ).rows.map((r) => ({
    kind: r.kind,
    subject: r.subject,
    who: r.actorName,
    from: r.oldValue,
    to: r.newValue,
  }));

describe("a subaccount's activity log", () => {
  it("records who changed billing, pricing, products, contract, manager and status, with old and new values", async () => {
    const parent = await makeActor(t.db);
    const finance = await actorInAccount(t.db, parent.accountId, "finance_manager");
    const { id } = await subaccountOf(t.db, parent, {}, now);
    // A save that changes nothing leaves nothing in the log.
    await updateBillingAndPricing(
      t.db,
      finance,
      { id, billing: "bill_to_parent", pricing: "custom" },
      minutes(1),
    );
    expect(await log(id)).toEqual([]);

    await updateBillingAndPricing(
      t.db,
      finance,
      { id, billing: "bill_to_subaccount", pricing: "custom" },
      minutes(2),
    );
    const [product] = await t.db.select().from(products).limit(1);
    await updateProductTerms(
      t.db,
      parent,
      { id, terms: [{ productId: product!.id, priceCents: 15_000, available: true }] },
      minutes(3),
    );
    const contractId = await createContract(
      t.db,
      parent,
      {
        contract: {
          name: "Frame 2027",
          startsOn: "2026-01-01",
          endsOn: null,
          billing: "bill_to_parent",
          pricing: "standard",
        },
      },
      minutes(4),
    );
    await assignContract(t.db, parent, { id, contractId }, minutes(5));
    await assignAccountManager(t.db, parent, { id, userId: finance.userId }, minutes(6));
    await setSubaccountStatus(t.db, parent, { id, status: "deactivated" }, minutes(7));

    const entries = await log(id);
    expect(entries.slice(0, 2)).toEqual([
      { kind: "status", subject: null, who: parent.name, from: "active", to: "deactivated" },
      // Whoever creates a subaccount manages it until someone else is assigned.
      {
        kind: "account_manager",
        subject: null,
        who: parent.name,
        from: parent.name,
        to: finance.name,
      },
    ]);
    // The contract brings its terms: each logged as the change it is, in the same moment.
    expect(entries.slice(2, 5)).toEqual(
      expect.arrayContaining([
        { kind: "contract", subject: null, who: parent.name, from: null, to: "Frame 2027" },
        {
          kind: "billing",
          subject: null,
          who: parent.name,
          from: "bill_to_subaccount",
          to: "bill_to_parent",
        },
        { kind: "pricing", subject: null, who: parent.name, from: "custom", to: "standard" },
      ]),
    );
    expect(entries.slice(5)).toEqual([
      {
        kind: "products",
        subject: product!.name,
        who: parent.name,
        from: { priceCents: null, available: true, currency: product!.currency },
        to: { priceCents: 15_000, available: true, currency: product!.currency },
      },
      {
        kind: "billing",
        subject: null,
        who: finance.name,
        from: "bill_to_parent",
        to: "bill_to_subaccount",
      },
    ]);
    // Filtered by person and by kind.
    expect((await log(id, { who: finance.userId })).map((e) => e.kind)).toEqual(["billing"]);
    expect((await log(id, { kind: "billing" })).map((e) => e.who)).toEqual([
      parent.name,
      finance.name,
    ]);
    expect(
      (await activityPeople(t.db, id, activityKindsFor("parent"))).map((p) => p.name).sort(),
    ).toEqual([parent.name, finance.name].sort());
  });

  it("records each organization or contact field the parent changed, never its private nickname", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(t.db, parent, {}, now);
    const details = { ...organization, nickname: "Globex (key account)" };
    await updateSubaccountDetails(
      t.db,
      parent,
      { id, details: { ...details, city: "Springfield", nickname: "Globex (late payer)" } },
      minutes(1),
    );
    const entry = {
      kind: "organization",
      subject: "city",
      who: parent.name,
      from: "Cypress Creek",
      to: "Springfield",
    };
    // The subaccount reads its own log: the parent's name for it stays the parent's.
    expect(await log(id)).toEqual([entry]);
    expect(await log(id, {}, "parent")).toEqual([entry]);
  });

  it("records nothing when the change is refused", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(t.db, parent, {}, now);
    const contractId = await createContract(
      t.db,
      parent,
      {
        contract: {
          name: "Locked",
          startsOn: "2026-01-01",
          endsOn: null,
          billing: "bill_to_parent",
          pricing: "custom",
        },
      },
      now,
    );
    await assignContract(t.db, parent, { id, contractId }, minutes(1));
    const before = await t.db.$count(activity);
    await expect(
      updateBillingAndPricing(
        t.db,
        parent,
        { id, billing: "bill_to_subaccount", pricing: "standard" },
        minutes(2),
      ),
    ).rejects.toMatchObject({ code: "subaccount_locked_by_contract" });
    expect(await t.db.$count(activity)).toBe(before);
  });
});

describe("an account's own activity log", () => {
  it("records who changed the account's own organization and contact details", async () => {
    const admin = await makeActor(t.db);
    await updateOwnOrganization(t.db, admin, { details: organization }, minutes(1));
    await updateOwnOrganization(
      t.db,
      admin,
      { details: { ...organization, postalCode: "10115", phone: "+49 30 1234" } },
      minutes(2),
    );
    const latest = (await log(admin.accountId, { kind: "own_organization" })).slice(0, 2);
    expect(latest).toEqual(
      expect.arrayContaining([
        {
          kind: "own_organization",
          subject: "postalCode",
          who: admin.name,
          from: "90210",
          to: "10115",
        },
        {
          kind: "own_organization",
          subject: "phone",
          who: admin.name,
          from: null,
          to: "+49 30 1234",
        },
      ]),
    );
    // Its parent sees neither the change nor who made it: they are its own users.
    expect(await log(admin.accountId, {}, "parent")).toEqual([]);
    expect(await activityPeople(t.db, admin.accountId, activityKindsFor("parent"))).toEqual([]);
  });

  it("records who added a user, with the role given, and who changed a user's role and status", async () => {
    const admin = await makeActor(t.db);
    await addUser(t.db, admin, { user: { ...newUser, role: "manager" } }, minutes(0), APP_DEPS);
    const member = await actorInAccount(t.db, admin.accountId, "user");
    await changeRole(t.db, admin, { userId: member.userId, role: "manager" }, minutes(1));
    await setUserStatus(t.db, admin, { userId: member.userId, status: "deactivated" }, minutes(2));
    expect(await log(admin.accountId)).toEqual([
      {
        kind: "user_status",
        subject: member.name,
        who: admin.name,
        from: "active",
        to: "deactivated",
      },
      { kind: "role", subject: member.name, who: admin.name, from: "user", to: "manager" },
      { kind: "user_added", subject: "Erin Example", who: admin.name, from: null, to: "manager" },
    ]);
    // A parent looking at this account never sees its users' roles and states.
    expect(await log(admin.accountId, {}, "parent")).toEqual([]);
    expect(await activityPeople(t.db, admin.accountId, activityKindsFor("parent"))).toEqual([]);
  });
});
