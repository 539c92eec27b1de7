import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { apiClient } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { formData, actionRequest } from "@/tests/helpers/request";
import { saveInvitationSettings } from "@/app/(app)/account/invitations/actions";
import { getInvitationSettings, updateInvitationSettings } from "./settings";

const t = setupTestDb();
const now = new Date("2026-03-01T09:00:00Z");
const request = actionRequest(t, now);
const call = apiClient(t, { now });

const stored = async (accountId: string) =>
  (await t.db.select().from(accounts).where(eq(accounts.id, accountId)))[0]!.reminderDays;

describe("invitation settings", () => {
  it("remind 7 days before by default; an Administrator sets 1 to 14 days or off", async () => {
    const admin = await makeActor(t.db);
    expect(await getInvitationSettings(t.db, admin)).toEqual({ reminderDays: 7 });
    await updateInvitationSettings(t.db, admin, { reminderDays: 14 }, now);
    expect(await stored(admin.accountId)).toBe(14);
    await updateInvitationSettings(t.db, admin, { reminderDays: null }, now);
    expect(await getInvitationSettings(t.db, admin)).toEqual({ reminderDays: null });
    for (const reminderDays of [0, 15, 2.5])
      await expect(
        updateInvitationSettings(t.db, admin, { reminderDays }, now),
      ).rejects.toBeDefined();
    expect(await stored(admin.accountId)).toBeNull();
  });

  it("refuse a Manager, who may still read them", async () => {
    const admin = await makeActor(t.db);
    const manager = await actorInAccount(t.db, admin.accountId, "manager");
    await expect(
      updateInvitationSettings(t.db, manager, { reminderDays: 3 }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await getInvitationSettings(t.db, manager)).toEqual({ reminderDays: 7 });
  });

  it("are saved by the page's form: off, or a number of days", async () => {
    const admin = await makeActor(t.db);
    request.actor = admin;
    expect(
      await saveInvitationSettings(undefined, formData({ reminderDays: "off" })),
    ).toMatchObject({
      ok: true,
      message: "invitationSettings.saved",
      text: "Invitation settings saved.",
    });
    expect(await stored(admin.accountId)).toBeNull();
    await saveInvitationSettings(undefined, formData({ reminderDays: "3" }));
    expect(await stored(admin.accountId)).toBe(3);
    expect(await saveInvitationSettings(undefined, formData({ reminderDays: "30" }))).toMatchObject(
      { ok: false, message: "errors.invalid_input" },
    );
    request.actor = await actorInAccount(t.db, admin.accountId, "manager");
    expect(await saveInvitationSettings(undefined, formData({ reminderDays: "5" }))).toMatchObject({
      ok: false,
      message: "errors.forbidden",
    });
    expect(await stored(admin.accountId)).toBe(3);
  });

  it("are read and changed through GET and PATCH /api/v1/invitation_settings", async () => {
    const admin = await makeActor(t.db);
    const { key } = await apiKeyOf(t.db, admin, { scope: "write", name: "CRM" });
    const read = await apiKeyOf(t.db, admin, { scope: "read", name: "Reports" });
    expect((await call("GET", "/invitation_settings", { key: read.key })).body).toEqual({
      reminder_days: 7,
    });
    const changed = await call("PATCH", "/invitation_settings", {
      key,
      body: { reminder_days: null },
    });
    expect([changed.status, changed.body]).toEqual([200, { reminder_days: null }]);
    expect(await stored(admin.accountId)).toBeNull();
    const bad = await call("PATCH", "/invitation_settings", { key, body: { reminder_days: 30 } });
    expect([bad.status, bad.body.code]).toEqual([422, "invalid_input"]);
    const readOnly = await call("PATCH", "/invitation_settings", {
      key: read.key,
      body: { reminder_days: 5 },
    });
    expect([readOnly.status, readOnly.body.code]).toEqual([403, "forbidden"]);
    expect(await stored(admin.accountId)).toBeNull();
  });
});
