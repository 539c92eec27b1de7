import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/sign-in";
import { acceptInvitation } from "@/lib/invitations/accept";
import { setPasswordWithToken } from "@/lib/users/set-password";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { acceptForm } from "@/tests/helpers/fixtures";
import { INVITATION_DEPS, invite } from "@/tests/helpers/invitations";
import { newSubaccount as newSub, subaccountOf } from "@/tests/helpers/subaccounts";
import { getSubaccountDetail } from "./queries";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");

describe("creating a subaccount", () => {
  it("starts on what the manager chose, and its administrator chooses a password from the email", async () => {
    const parent = await makeActor(t.db);
    const { id, token } = await subaccountOf(t.db, parent);
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
    const { id, token } = await subaccountOf(t.db, parent, { type: "managed" });
    expect(token).toBeNull();
    expect(await t.db.$count(users, eq(users.accountId, id))).toBe(0);
  });

  it("refuses a type the parent may not create, and creates nothing on a taken username", async () => {
    const parent = await makeActor(t.db);
    await t.db
      .update(accounts)
      .set({ allowedSubaccountTypes: ["retail"] })
      .where(eq(accounts.id, parent.accountId));
    await expect(subaccountOf(t.db, parent)).rejects.toMatchObject({
      code: "subaccount_type_not_allowed",
    });
    await t.db
      .update(accounts)
      .set({ allowedSubaccountTypes: ["enterprise"] })
      .where(eq(accounts.id, parent.accountId));
    const before = await t.db.$count(accounts);
    await expect(
      subaccountOf(t.db, parent, {
        administrator: { ...newSub().administrator!, username: parent.username.toUpperCase() },
      }),
    ).rejects.toMatchObject({ code: "username_taken" });
    expect(await t.db.$count(accounts)).toBe(before);
  });

  it("gives an invited subaccount bill to subaccount and standard pricing", async () => {
    const parent = await makeActor(t.db);
    const { token } = await invite(t.db, {
      actor: parent,
      email: "x@example.com",
      subaccountType: "retail",
      now,
    });
    const { accountId } = await acceptInvitation(
      t.db,
      { token, form: acceptForm("invited") },
      now,
      INVITATION_DEPS,
    );
    expect(await getSubaccountDetail(t.db, parent.accountId, accountId, now)).toMatchObject({
      billing: "bill_to_subaccount",
      pricing: "standard",
      contactEmail: "x@example.com",
    });
  });
});
