import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authenticate, loadActor } from "@/lib/auth/sign-in";
import { acceptInvitation } from "@/lib/invitations/accept";
import {
  setSubaccountStatus,
  updateBillingAndPricing,
  updateProductTerms,
  updateSubaccountDetails,
} from "@/lib/subaccounts/manage";
import { addUser, changeRole, resendPasswordLink } from "@/lib/users/manage";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import {
  acceptForm,
  makeAccount,
  makeUser,
  organization,
  PASSWORD,
} from "@/tests/helpers/fixtures";
import { setupTestDb } from "@/tests/helpers/db";
import { INVITATION_DEPS as deps, invite } from "@/tests/helpers/invitations";
import { managed, subaccountOf } from "@/tests/helpers/subaccounts";

// The threats in docs/security.md ("Privilege and scope"), each with the test that proves it.
const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");

async function invited(
  actor: Actor,
  email: string,
  type: "enterprise" | "reseller" = "enterprise",
) {
  const { token } = await invite(t.db, { actor, email, subaccountType: type, now });
  return acceptInvitation(t.db, { token, form: acceptForm(email.split("@")[0]!) }, now, deps);
}

async function setRole(actor: Actor, role: Actor["role"]) {
  await t.db.update(users).set({ role }).where(eq(users.id, actor.userId));
}

describe("no one gains a right through an invitation they sent", () => {
  it("refuses billing, pricing and product changes to the Manager who invited the subaccount", async () => {
    const parent = await makeActor(t.db);
    const manager = await actorInAccount(t.db, parent.accountId, "manager");
    const { accountId } = await invited(manager, "ann@accomplice.example");
    const id = accountId;
    await expect(
      updateBillingAndPricing(
        t.db,
        manager,
        { id, billing: "bill_to_parent", pricing: "custom" },
        now,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateProductTerms(t.db, manager, { id, terms: [] }, now)).rejects.toMatchObject({
      code: "forbidden",
    });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(row).toMatchObject({ billing: "bill_to_subaccount", pricing: "standard" });
    // What the Manager role allows stays allowed.
    await updateSubaccountDetails(
      t.db,
      manager,
      { id, details: { ...organization, name: "Accomplice Ltd", nickname: null } },
      now,
    );
  });
});

describe("a parent passes on only what it may create itself", () => {
  it("refuses to let a child create a type the parent may not create", async () => {
    const account = await makeAccount(t.db, { allowedSubaccountTypes: ["enterprise", "retail"] });
    const parent = await actorInAccount(t.db, account.id);
    await expect(
      subaccountOf(t.db, parent, { allowedSubaccountTypes: ["reseller"], nickname: null }, now),
    ).rejects.toMatchObject({
      code: "subaccount_type_not_allowed",
      field: "allowedSubaccountTypes",
    });
    expect(await t.db.$count(accounts, eq(accounts.parentId, account.id))).toBe(0);
    const { id } = await subaccountOf(
      t.db,
      parent,
      { allowedSubaccountTypes: ["retail"], nickname: null },
      now,
    );
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row!.allowedSubaccountTypes).toEqual(["retail"]);
  });

  it("gives an invited Reseller only the types its parent may create", async () => {
    const account = await makeAccount(t.db, { allowedSubaccountTypes: ["reseller", "retail"] });
    const parent = await actorInAccount(t.db, account.id);
    const { accountId } = await invited(parent, "rita@reseller.example", "reseller");
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(row!.allowedSubaccountTypes).toEqual(["reseller", "retail"]);
  });
});

describe("deactivating an account reaches its whole subtree", () => {
  // partner → reseller → customer: the partner deactivates the reseller.
  async function tree() {
    const partner = await makeActor(t.db, { accountName: "Partner" });
    const reseller = await makeAccount(t.db, { name: "Reseller", parentId: partner.accountId });
    const customer = await makeAccount(t.db, { name: "Customer", parentId: reseller.id });
    const customerUser = await makeUser(t.db, customer.id);
    const customerAdmin = (await loadActor(t.db, customerUser.id))!;
    const { token } = await invite(t.db, {
      actor: customerAdmin,
      email: "late@example.com",
      subaccountType: "retail",
      now,
    });
    await setSubaccountStatus(
      t.db,
      partner,
      {
        id: reseller.id,
        status: "deactivated",
      },
      now,
    );
    return { partner, customerUser, customerAdmin, token };
  }

  it("signs no one in below a deactivated account, and ends their sessions", async () => {
    const { partner, customerUser } = await tree();
    expect(
      await authenticate(t.db, {
        username: customerUser.username,
        password: PASSWORD,
        ip: null,
        now,
      }),
    ).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await loadActor(t.db, customerUser.id)).toBeNull();
    expect(await loadActor(t.db, partner.userId)).not.toBeNull();
  });

  it("lets no one below a deactivated account invite, and no one accept their invitations", async () => {
    const { customerAdmin, token } = await tree();
    await expect(
      invite(t.db, {
        actor: customerAdmin,
        email: "new@example.com",
        subaccountType: "retail",
        now,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      acceptInvitation(t.db, { token, form: acceptForm("late.user") }, now, deps),
    ).rejects.toMatchObject({ code: "invitation_not_acceptable" });
  });
});

describe("rights are re-read under the lock the write takes", () => {
  it("refuses a role change by an administrator demoted since the request began", async () => {
    const admin = await makeActor(t.db);
    const other = await actorInAccount(t.db, admin.accountId, "user");
    await setRole(admin, "user");
    await expect(
      changeRole(t.db, admin, { userId: other.userId, role: "administrator" }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await t.db.select().from(users).where(eq(users.id, other.userId));
    expect(row!.role).toBe("user");
  });

  it("refuses adding users and sending links after a demotion", async () => {
    const admin = await makeActor(t.db);
    const newUser = (username: string) => ({
      username,
      email: `${username}@example.com`,
      firstName: "W",
      lastName: "X",
      role: "administrator" as const,
      locale: "en" as const,
    });
    const waiting = await addUser(t.db, admin, { user: newUser("waiting") }, now, deps);
    await setRole(admin, "manager");
    await expect(
      addUser(t.db, admin, { user: newUser("sneaky") }, now, deps),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      resendPasswordLink(t.db, admin, { userId: waiting.userId }, now, deps),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.db.$count(users, eq(users.username, "sneaky"))).toBe(0);
  });

  it("refuses terms and status changes after a demotion", async () => {
    const parent = await makeActor(t.db);
    const { id } = await subaccountOf(
      t.db,
      parent,
      { ...managed, billing: "bill_to_subaccount", pricing: "standard", nickname: null },
      now,
    );
    await setRole(parent, "user");
    await expect(
      updateBillingAndPricing(
        t.db,
        parent,
        {
          id,
          billing: "bill_to_parent",
          pricing: "custom",
        },
        now,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      setSubaccountStatus(t.db, parent, { id, status: "deactivated" }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row).toMatchObject({ billing: "bill_to_subaccount", status: "active" });
  });
});

describe("contracts are written with the rights of the moment", () => {
  it("refuses a contract from an administrator demoted since the request began", async () => {
    const { createContract } = await import("@/lib/contracts/manage");
    const { contracts } = await import("@/db/schema");
    const admin = await makeActor(t.db);
    await setRole(admin, "manager");
    await expect(
      createContract(
        t.db,
        admin,
        {
          contract: {
            name: "Sneaky",
            startsOn: "2027-01-01",
            endsOn: null,
            billing: "bill_to_parent",
            pricing: "custom",
          },
        },
        now,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.db.$count(contracts)).toBe(0);
  });
});
