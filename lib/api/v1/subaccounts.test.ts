import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, apiIdempotency, emailOutbox, products } from "@/db/schema";
import { createContract } from "@/lib/contracts/manage";
import { assignContract } from "@/lib/subaccounts/manage";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { apiClient } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { organization } from "@/tests/helpers/fixtures";
import { managed, subaccountOf } from "@/tests/helpers/subaccounts";

const t = setupTestDb();
const clock = { now: new Date("2026-09-01T10:00:00Z") };
const call = apiClient(t, clock);

const body = {
  name: organization.name,
  address_line1: organization.addressLine1,
  city: organization.city,
  postal_code: organization.postalCode,
  country: organization.country,
  contact_first_name: organization.contactFirstName,
  contact_last_name: organization.contactLastName,
  contact_email: organization.contactEmail,
  billing: "bill_to_parent",
  pricing: "custom",
};

async function keyed() {
  const admin = await makeActor(t.db, { accountName: "Hopper Security" });
  const { key } = await apiKeyOf(t.db, admin);
  return { admin, key };
}

describe("POST /api/v1/subaccounts", () => {
  it("creates a Managed subaccount and answers its own key once; the key acts for it", async () => {
    const { key } = await keyed();
    const res = await call("POST", "/subaccounts", {
      key,
      body: { ...body, type: "managed", nickname: "Globex API", api_key_name: "Provisioning" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/subaccounts/${res.body.id}`);
    expect(res.body).toMatchObject({
      type: "managed",
      name: "Globex",
      organization: { nickname: "Globex API" },
    });
    expect(res.body.api_key).toMatch(/^cp_live_/);
    const me = await call("GET", "/me", { key: res.body.api_key });
    expect(me.body).toMatchObject({
      account: { id: res.body.id, type: "managed" },
      key: { name: "Provisioning" },
    });
    // Only the creation answers it: reading the subaccount never shows a key.
    const again = await call("GET", `/subaccounts/${res.body.id}`, { key });
    expect(again.body.api_key).toBeUndefined();
    await call("POST", `/subaccounts/${res.body.id}/deactivate`, { key });
    expect((await call("GET", "/me", { key: res.body.api_key })).status).toBe(401);
  });

  it("creates any other type with its Administrator, who is emailed a link; without one it is refused", async () => {
    const { key } = await keyed();
    const administrator = {
      first_name: "Hank",
      last_name: "Scorpio",
      email: "hank@globex.example",
      username: "hank",
      locale: "de",
    };
    const res = await call("POST", "/subaccounts", {
      key,
      body: { ...body, type: "enterprise", administrator, allowed_subaccount_types: ["retail"] },
    });
    expect(res.status).toBe(201);
    expect(res.body.api_key).toBeUndefined();
    expect(res.body.allowed_subaccount_types).toEqual(["retail"]);
    const emails = await t.db.select().from(emailOutbox);
    expect(emails.map((e) => e.toAddress)).toEqual(["hank@globex.example"]);
    const missing = await call("POST", "/subaccounts", { key, body: { ...body, type: "retail" } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      { in: "body", pointer: "/administrator", code: "required" },
    ]);
    const taken = await call("POST", "/subaccounts", {
      key,
      body: { ...body, type: "retail", administrator },
    });
    expect([taken.status, taken.body.code]).toEqual([409, "username_taken"]);
    expect(taken.body.errors).toEqual([
      { in: "body", pointer: "/username", code: "username_taken" },
    ]);
  });
});

describe("a Managed subaccount's key at rest", () => {
  it("is never kept for a retry: the retry answers the subaccount without it", async () => {
    const { key } = await keyed();
    const headers = { "idempotency-key": "provision-globex" };
    const first = await call("POST", "/subaccounts", {
      key,
      body: { ...body, type: "managed" },
      headers,
    });
    const again = await call("POST", "/subaccounts", {
      key,
      body: { ...body, type: "managed" },
      headers,
    });
    expect(first.body.api_key).toMatch(/^cp_live_/);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.api_key).toBeUndefined();
    const stored = await t.db.select().from(apiIdempotency);
    expect(JSON.stringify(stored)).not.toContain(first.body.api_key);
  });
});

describe("reading subaccounts", () => {
  it("lists by cursor with search and type, and shows one with its terms; another account's is not found", async () => {
    const { admin, key } = await keyed();
    const names = ["Beta", "Alpha", "Gamma"];
    for (const [i, name] of names.entries())
      await subaccountOf(t.db, admin, { name, ...managed }, new Date(Date.UTC(2026, 0, 1 + i)));
    const first = await call("GET", "/subaccounts?limit=2", { key });
    expect(first.body.data.map((s: { name: string }) => s.name)).toEqual(["Gamma", "Alpha"]);
    const next = await call("GET", `/subaccounts?limit=2&cursor=${first.body.next_cursor}`, {
      key,
    });
    expect(next.body).toMatchObject({ data: [{ name: "Beta" }], next_cursor: null });
    const searched = await call("GET", "/subaccounts?q=amm&type=managed", { key });
    expect(searched.body.data.map((s: { name: string }) => s.name)).toEqual(["Gamma"]);
    const one = await call("GET", `/subaccounts/${first.body.data[1].id}`, { key });
    expect(one.body).toMatchObject({
      name: "Alpha",
      terms_locked: false,
      account_manager: { name: admin.name },
    });
    expect(one.body.products.length).toBeGreaterThan(0);
    const other = await makeActor(t.db, { accountName: "Other" });
    const { id: foreign } = await subaccountOf(t.db, other, managed);
    expect((await call("GET", `/subaccounts/${foreign}`, { key })).status).toBe(404);
  });
});

describe("changing a subaccount", () => {
  it("changes only the fields given, all or none: a contract's lock refuses the whole request", async () => {
    const { admin, key } = await keyed();
    const { id } = await subaccountOf(t.db, admin, managed);
    const renamed = await call("PATCH", `/subaccounts/${id}`, {
      key,
      body: { nickname: "Renewal due", city: "Springfield" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.organization).toMatchObject({
      nickname: "Renewal due",
      city: "Springfield",
      name: "Globex",
    });
    const colleague = await actorInAccount(t.db, admin.accountId, "manager");
    const reassigned = await call("PATCH", `/subaccounts/${id}`, {
      key,
      body: {
        account_manager_id: colleague.userId,
        allowed_subaccount_types: ["enterprise", "retail"],
      },
    });
    expect(reassigned.body).toMatchObject({
      account_manager: { id: colleague.userId },
      allowed_subaccount_types: ["enterprise", "retail"],
    });
    const contractId = await createContract(
      t.db,
      admin,
      {
        contract: {
          name: "Frame",
          startsOn: "2026-01-01",
          endsOn: null,
          billing: "bill_to_parent",
          pricing: "custom",
        },
      },
      clock.now,
    );
    await assignContract(t.db, admin, { id, contractId }, clock.now);
    const locked = await call("PATCH", `/subaccounts/${id}`, {
      key,
      body: { nickname: "Never", billing: "bill_to_subaccount" },
    });
    expect([locked.status, locked.body.code]).toEqual([409, "subaccount_locked_by_contract"]);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row).toMatchObject({ nickname: "Renewal due", billing: "bill_to_parent" });
    const empty = await call("PATCH", `/subaccounts/${id}`, { key, body: {} });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([{ in: "body", pointer: "", code: "nothing_to_change" }]);
    const nobody = await call("PATCH", `/subaccounts/${id}`, {
      key,
      body: { account_manager_id: admin.accountId },
    });
    expect([nobody.status, nobody.body.code]).toEqual([422, "account_manager_not_found"]);
  });

  it("lands two changes of different fields made at once: neither undoes the other", async () => {
    const { admin, key } = await keyed();
    const { id } = await subaccountOf(t.db, admin);
    const [renamed, moved, billed, priced] = await Promise.all([
      call("PATCH", `/subaccounts/${id}`, { key, body: { nickname: "Globex (renewal)" } }),
      call("PATCH", `/subaccounts/${id}`, { key, body: { city: "Cypress Creek" } }),
      call("PATCH", `/subaccounts/${id}`, { key, body: { billing: "bill_to_subaccount" } }),
      call("PATCH", `/subaccounts/${id}`, { key, body: { pricing: "standard" } }),
    ]);
    expect([renamed, moved, billed, priced].map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, id));
    expect(row).toMatchObject({
      nickname: "Globex (renewal)",
      city: "Cypress Creek",
      billing: "bill_to_subaccount",
      pricing: "standard",
    });
  });

  it("sets the whole product list: a product left out is back at its list price", async () => {
    const { admin, key } = await keyed();
    const { id } = await subaccountOf(t.db, admin, managed);
    const [a, b] = await t.db.select().from(products).limit(2);
    await call("PUT", `/subaccounts/${id}/products`, {
      key,
      body: {
        products: [
          { product_id: a!.id, price_cents: 1000, available: true },
          { product_id: b!.id, price_cents: null, available: false },
        ],
      },
    });
    const res = await call("PUT", `/subaccounts/${id}/products`, {
      key,
      body: { products: [{ product_id: a!.id, price_cents: 1250, available: true }] },
    });
    const byId = new Map(res.body.products.map((p: { product_id: string }) => [p.product_id, p]));
    expect(byId.get(a!.id)).toMatchObject({
      price_cents: 1250,
      custom_price_cents: 1250,
      available: true,
    });
    expect(byId.get(b!.id)).toMatchObject({ custom_price_cents: null, available: true });
    const unknown = await call("PUT", `/subaccounts/${id}/products`, {
      key,
      body: {
        products: [
          { product_id: "00000000-0000-4000-8000-000000000000", price_cents: 1, available: true },
        ],
      },
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, "product_not_found"]);
    const twice = await call("PUT", `/subaccounts/${id}/products`, {
      key,
      body: {
        products: [
          { product_id: a!.id, price_cents: 1, available: true },
          { product_id: a!.id, price_cents: 2, available: true },
        ],
      },
    });
    expect(twice.status).toBe(422);
  });
});
