import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, activity, apiKeys, users } from "@/db/schema";
import { listActivity } from "@/lib/activity/queries";
import { getInvitationDetail } from "@/lib/invitations/queries";
import { cancelInvitation } from "@/lib/invitations/send";
import { updateBillingAndPricing } from "@/lib/subaccounts/manage";
import { changeRole } from "@/lib/users/manage";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { apiKeyOf, KEY_MADE_AT } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { newSubaccount, subaccountOf } from "@/tests/helpers/subaccounts";
import { createSubaccount } from "@/lib/subaccounts/create";
import { activityListParams } from "@/lib/activity/queries";
import { ACTIVITY_KINDS } from "@/lib/enums";
import { authenticateApiKey } from "./authenticate";
import { createApiKey, revokeApiKey } from "./manage";
import { listApiKeys } from "./queries";
import { looksLikeApiKey } from "./rules";

const t = setupTestDb();
const later = (ms: number) => new Date(KEY_MADE_AT.getTime() + ms);
const ip = { ip: "198.51.100.7" };

describe("API keys", () => {
  it("are cp_live_ and 40 base62 characters, shown once and stored only as a hash", async () => {
    const admin = await makeActor(t.db);
    const { key, id } = await apiKeyOf(t.db, admin);
    expect(key).toMatch(/^cp_live_[0-9A-Za-z]{40}$/);
    expect(looksLikeApiKey(key)).toBe(true);
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(JSON.stringify(row)).not.toContain(key.slice(8));
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.prefix).toBe(key.slice(0, 12));
  });

  it("act as their maker within their scope: a read key looks, never changes", async () => {
    const admin = await makeActor(t.db);
    const { id: invitationId } = await invite(t.db, { actor: admin });
    const { actor: reader } = await apiKeyOf(t.db, admin, { name: "Reporting", scope: "read" });
    expect(reader).toMatchObject({ userId: admin.userId, role: "administrator" });
    await expect(cancelInvitation(t.db, reader, { id: invitationId }, later(1000))).rejects.toThrow(
      "forbidden",
    );
    const { actor: writer } = await apiKeyOf(t.db, admin, { name: "CRM" });
    await cancelInvitation(t.db, writer, { id: invitationId }, later(2000));
  });

  it("are refused once revoked or expired, and revoking another account's key finds nothing", async () => {
    const admin = await makeActor(t.db);
    const other = await makeActor(t.db, { accountName: "Other" });
    const { key, id } = await apiKeyOf(t.db, admin);
    const short = await apiKeyOf(t.db, admin, { name: "Short", expiresInDays: 1 });
    await expect(revokeApiKey(t.db, other, { id }, later(1))).rejects.toThrow("api_key_not_found");
    expect(await authenticateApiKey(t.db, key, { now: later(2), ...ip })).not.toBeNull();
    await revokeApiKey(t.db, admin, { id }, later(3));
    expect(await authenticateApiKey(t.db, key, { now: later(4), ...ip })).toBeNull();
    const day = 24 * 3600 * 1000;
    expect(
      await authenticateApiKey(t.db, short.key, { now: later(day - 1), ...ip }),
    ).not.toBeNull();
    expect(await authenticateApiKey(t.db, short.key, { now: later(day), ...ip })).toBeNull();
  });

  it("are refused when the maker is deactivated or no longer an Administrator", async () => {
    const admin = await makeActor(t.db);
    const colleague = await actorInAccount(t.db, admin.accountId);
    const { key } = await apiKeyOf(t.db, colleague);
    await changeRole(t.db, admin, { userId: colleague.userId, role: "manager" }, later(1));
    expect(await authenticateApiKey(t.db, key, { now: later(2), ...ip })).toBeNull();
    await changeRole(t.db, admin, { userId: colleague.userId, role: "administrator" }, later(3));
    expect(await authenticateApiKey(t.db, key, { now: later(4), ...ip })).not.toBeNull();
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, colleague.userId));
    expect(await authenticateApiKey(t.db, key, { now: later(5), ...ip })).toBeNull();
  });

  it("are refused when their account or any account above it is deactivated", async () => {
    const parent = await makeActor(t.db);
    const child = await makeActor(t.db, { parentId: parent.accountId, accountName: "Child" });
    const { key } = await apiKeyOf(t.db, child);
    await t.db
      .update(accounts)
      .set({ status: "deactivated" })
      .where(eq(accounts.id, parent.accountId));
    expect(await authenticateApiKey(t.db, key, { now: later(1), ...ip })).toBeNull();
  });

  it("record their last use at most once a minute", async () => {
    const admin = await makeActor(t.db);
    const { key, id } = await apiKeyOf(t.db, admin);
    const lastUse = async () => (await t.db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;
    expect((await lastUse()).lastUsedAt).toEqual(KEY_MADE_AT);
    await authenticateApiKey(t.db, key, { now: later(59_000), ip: "192.0.2.1" });
    expect((await lastUse()).lastUsedIp).toBe("203.0.113.9");
    await authenticateApiKey(t.db, key, { now: later(60_000), ip: "192.0.2.1" });
    expect(await lastUse()).toMatchObject({ lastUsedAt: later(60_000), lastUsedIp: "192.0.2.1" });
  });

  it("never make or revoke keys themselves, and a live name is taken once", async () => {
    const admin = await makeActor(t.db);
    const { actor: key, id } = await apiKeyOf(t.db, admin);
    const input = { name: "Another", scope: "write" as const, expiresInDays: null };
    await expect(createApiKey(t.db, key, input, later(1))).rejects.toThrow("forbidden");
    await expect(revokeApiKey(t.db, key, { id }, later(1))).rejects.toThrow("forbidden");
    await expect(createApiKey(t.db, admin, { ...input, name: "crm" }, later(2))).rejects.toThrow(
      "api_key_name_taken",
    );
    await revokeApiKey(t.db, admin, { id }, later(3));
    await createApiKey(t.db, admin, { ...input, name: "CRM" }, later(4));
    const listed = await listApiKeys(t.db, admin.accountId, later(5));
    expect(listed.map((k) => [k.name, k.status])).toEqual([
      ["CRM", "active"],
      ["CRM", "revoked"],
    ]);
  });

  it("are named in the invitation's history and the activity log for what they change", async () => {
    const admin = await makeActor(t.db);
    const { actor: crm } = await apiKeyOf(t.db, admin, { name: "CRM" });
    const { id } = await invite(t.db, { actor: crm, now: later(1000) });
    const detail = await getInvitationDetail(t.db, admin.accountId, id, later(2000));
    expect(detail!.events[0]).toMatchObject({
      type: "created",
      actorName: admin.name,
      apiKeyName: "CRM",
    });
    const { id: subId } = await subaccountOf(t.db, admin);
    await updateBillingAndPricing(
      t.db,
      crm,
      { id: subId, billing: "bill_to_subaccount", pricing: "standard" },
      later(3000),
    );
    const page = await listActivity(t.db, subId, activityListParams.parse({}), ACTIVITY_KINDS);
    expect(page.rows.map((r) => [r.kind, r.actorName, r.actorApiKeyName])).toContainEqual([
      "billing",
      admin.name,
      "CRM",
    ]);
    const own = await t.db.select().from(activity).where(eq(activity.accountId, admin.accountId));
    expect(own.map((r) => [r.kind, r.subject, r.newValue])).toContainEqual([
      "api_key",
      "CRM",
      "write",
    ]);
  });
});

describe("a Managed subaccount's key", () => {
  it("is listed and revocable by the parent's Administrators, and stops with its maker's rights", async () => {
    const admin = await makeActor(t.db);
    const colleague = await actorInAccount(t.db, admin.accountId);
    const { actor: crm } = await apiKeyOf(t.db, colleague, { name: "CRM" });
    const created = await createSubaccount(
      t.db,
      crm,
      {
        subaccount: newSubaccount({ type: "managed", administrator: null }),
        managedKey: { name: "Own" },
      },
      later(1),
      { appUrl: "https://portal.example" },
    );
    const key = created.apiKey!;
    expect(await authenticateApiKey(t.db, key, { now: later(2), ...ip })).toMatchObject({
      accountId: created.id,
      apiKey: { name: "Own" },
    });
    const listed = await listApiKeys(t.db, admin.accountId, later(3));
    const own = listed.find((k) => k.name === "Own")!;
    expect(own).toMatchObject({ subaccountName: "Globex", createdByName: colleague.name });
    // Its maker loses the right: the key they had made for the subaccount stops too.
    await changeRole(t.db, admin, { userId: colleague.userId, role: "manager" }, later(4));
    expect(await authenticateApiKey(t.db, key, { now: later(5), ...ip })).toBeNull();
    await changeRole(t.db, admin, { userId: colleague.userId, role: "administrator" }, later(6));
    await revokeApiKey(t.db, admin, { id: own.id }, later(7));
    expect(await authenticateApiKey(t.db, key, { now: later(8), ...ip })).toBeNull();
    const other = await makeActor(t.db, { accountName: "Other" });
    await expect(revokeApiKey(t.db, other, { id: own.id }, later(9))).rejects.toThrow(
      "api_key_not_found",
    );
  });
});
