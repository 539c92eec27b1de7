import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { organizationForm } from "@/tests/helpers/fixtures";
import { formData, actionRequest } from "@/tests/helpers/request";
import { createSubaccount } from "./actions";

const t = setupTestDb();
const request = actionRequest(t, new Date("2026-10-01T10:00:00Z"));

const org = organizationForm;

describe("create subaccount action", () => {
  it("asks for the administrator of every type but Managed, per field", async () => {
    const parent = await makeActor(t.db);
    request.actor = parent;
    const base = { ...org, type: "enterprise", billing: "bill_to_parent", pricing: "standard" };
    const state = await createSubaccount(undefined, formData(base));
    expect(state).toMatchObject({ ok: false, message: "errors.invalid_input" });
    expect(Object.keys(state.ok ? {} : (state.fieldErrors ?? {}))).toEqual(
      expect.arrayContaining(["adminFirstName", "adminEmail", "adminUsername"]),
    );
    expect(await t.db.$count(accounts, eq(accounts.parentId, parent.accountId))).toBe(0);
    await expect(
      createSubaccount(undefined, formData({ ...base, type: "managed" })),
    ).rejects.toMatchObject({ message: "NEXT_REDIRECT" });
    expect(await t.db.$count(accounts, eq(accounts.parentId, parent.accountId))).toBe(1);
  });

  it("puts a taken username on the administrator's username field, keeping every choice", async () => {
    const parent = await makeActor(t.db);
    request.actor = parent;
    const fd = formData({
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
    const state = await createSubaccount(undefined, fd);
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
    request.actor = await actorInAccount(t.db, parent.accountId, "manager");
    expect(
      await createSubaccount(
        undefined,
        formData({ ...org, type: "managed", billing: "bill_to_parent", pricing: "standard" }),
      ),
    ).toMatchObject({ ok: false, message: "errors.forbidden" });
  });
});
