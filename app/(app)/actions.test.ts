import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { organizationForm } from "@/tests/helpers/fixtures";
import { formData, actionRequest } from "@/tests/helpers/request";
import { updateOrganization } from "./actions";

const t = setupTestDb();
const request = actionRequest(t, new Date("2026-10-01T10:00:00Z"));

const org = organizationForm;

describe("own organization action", () => {
  it("changes only the actor's own account, and only for administrators", async () => {
    const parent = await makeActor(t.db, { accountName: "Parent" });
    const child = await makeActor(t.db, { accountName: "Umbrella", parentId: parent.accountId });
    request.actor = await actorInAccount(t.db, parent.accountId, "manager");
    expect(
      await updateOrganization(undefined, formData({ ...org, name: "Renamed" })),
    ).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    request.actor = child;
    expect(
      await updateOrganization(undefined, formData({ ...org, name: "Umbrella Corp" })),
    ).toMatchObject({ ok: true });
    const [own] = await t.db.select().from(accounts).where(eq(accounts.id, child.accountId));
    const [parentRow] = await t.db.select().from(accounts).where(eq(accounts.id, parent.accountId));
    expect([own!.name, parentRow!.name]).toEqual(["Umbrella Corp", "Parent"]);
  });
});
