import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/sign-in";
import type { Actor } from "@/lib/auth/actor";
import { acceptInvitation } from "@/lib/invitations/accept";
import { createInvitation } from "@/lib/invitations/send";
import { setPasswordWithToken } from "@/lib/users/set-password";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { newSubaccount as newSub } from "@/tests/helpers/subaccounts";
import { getSubaccountDetail } from "./queries";
import { createSubaccount, type NewSubaccount } from "./create";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const deps = { appUrl: "https://portal.example" };

async function subaccountOf(parent: Actor, overrides: Partial<NewSubaccount> = {}) {
  return createSubaccount(t.db, parent, { subaccount: newSub(overrides) }, now, deps);
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
    const { username } = await setPasswordWithToken(
      t.db,
      {
        token: token!,
        password: "Globex-Passw0rd!",
      },
      now,
    );
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
      parent,
      {
        email: "x@example.com",
        subaccountType: "retail",
        customMessage: null,
        locale: "en",
      },
      now,
      { ...deps, invitationsPerHour: 10 },
    );
    const { accountId } = await acceptInvitation(
      t.db,
      {
        token,
        form: {
          firstName: "X",
          lastName: "Y",
          contactPhone: null,
          jobTitle: null,
          name: "Invited Inc",
          addressLine1: "a",
          addressLine2: null,
          city: "c",
          region: null,
          postalCode: "1",
          country: "DE",
          phone: null,
          username: "invited",
          password: "Sturdy-Passw0rd!",
        },
      },
      now,
      deps,
    );
    expect(await getSubaccountDetail(t.db, parent.accountId, accountId, now)).toMatchObject({
      billing: "bill_to_subaccount",
      pricing: "standard",
      contactEmail: "x@example.com",
    });
  });
});
