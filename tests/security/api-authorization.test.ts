import fc from "fast-check";
import { eq, inArray } from "drizzle-orm";
import { createActionBatch } from "@/lib/batches/create";
import { describe, expect, it } from "vitest";
import {
  accounts,
  apiKeys,
  emailOutbox,
  invitationEvents,
  invitations,
  webhookDeliveries,
  webhookEndpoints,
} from "@/db/schema";
import type { AnyEndpoint } from "@/lib/api/endpoint";
import { CERTCENTRAL_ENDPOINTS } from "@/lib/api/certcentral";
import { ENDPOINTS } from "@/lib/api/v1/document";
import { revokeApiKey } from "@/lib/api-keys/manage";
import { makeActor } from "@/tests/helpers/actors";
import { apiClient, CERTCENTRAL } from "@/tests/helpers/api";
import { apiKeyOf } from "@/tests/helpers/api-keys";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { subaccountOf } from "@/tests/helpers/subaccounts";
import { endpointFor } from "@/tests/helpers/webhooks";
import { sendTestEvent } from "@/lib/webhooks/endpoints";
import { invitationTopic } from "@/lib/invitations/delivery";

// Every endpoint of /api/v1 and of /services/v2 against every key that must not
// get through: each is refused before anything is read or written, as a problem
// (or as CertCentral writes its errors).
const t = setupTestDb();
const clock = { now: new Date("2026-03-05T09:00:00Z") };
const call = apiClient(t, clock);
const callCertCentral = apiClient(t, clock, {}, CERTCENTRAL);

type World = {
  invitationId: string;
  subaccountId: string;
  webhookEndpointId: string;
  webhookDeliveryId: string;
  batchId: string;
};
/** A request each endpoint would accept from a good key; a new endpoint fails below until it has one. */
const SAMPLES: Record<string, (w: World) => { path: string; body?: unknown }> = {
  getMe: () => ({ path: "/me" }),
  createInvitations: () => ({
    path: "/invitations",
    body: { emails: ["new@example.com"], subaccount_type: "retail", locale: "en" },
  }),
  listInvitations: () => ({ path: "/invitations" }),
  getInvitation: (w) => ({ path: `/invitations/${w.invitationId}` }),
  resendInvitation: (w) => ({ path: `/invitations/${w.invitationId}/resend` }),
  cancelInvitation: (w) => ({ path: `/invitations/${w.invitationId}/cancel` }),
  extendInvitation: (w) => ({ path: `/invitations/${w.invitationId}/extend` }),
  sendInvitationAgain: (w) => ({ path: `/invitations/${w.invitationId}/send_again` }),
  changeInvitationTerms: (w) => ({
    path: `/invitations/${w.invitationId}/terms`,
    body: { terms: { billing: "bill_to_parent" } },
  }),
  createInvitationBatch: () => ({
    path: "/invitation_batches",
    body: { rows: [{ email: "bulk@example.com", subaccount_type: "retail", language: "en" }] },
  }),
  getInvitationSettings: () => ({ path: "/invitation_settings" }),
  updateInvitationSettings: () => ({ path: "/invitation_settings", body: { reminder_days: 3 } }),
  getInvitationBatch: (w) => ({ path: `/invitation_batches/${w.batchId}` }),
  getInvitationBatchResult: (w) => ({ path: `/invitation_batches/${w.batchId}/result.csv` }),
  correctInvitationAddress: (w) => ({
    path: `/invitations/${w.invitationId}/correct_address`,
    body: { email: "fixed@example.com" },
  }),
  listSubaccounts: () => ({ path: "/subaccounts" }),
  listEvents: () => ({ path: "/events" }),
  createSubaccount: () => ({
    path: "/subaccounts",
    body: {
      name: "Initech",
      address_line1: "1 Main St",
      city: "Austin",
      postal_code: "73301",
      country: "US",
      contact_first_name: "Bill",
      contact_last_name: "Lumbergh",
      contact_email: "bill@initech.example",
      type: "managed",
      billing: "bill_to_parent",
      pricing: "standard",
    },
  }),
  getSubaccount: (w) => ({ path: `/subaccounts/${w.subaccountId}` }),
  updateSubaccount: (w) => ({
    path: `/subaccounts/${w.subaccountId}`,
    body: { nickname: "Changed" },
  }),
  putSubaccountProducts: (w) => ({
    path: `/subaccounts/${w.subaccountId}/products`,
    body: { products: [] },
  }),
  deactivateSubaccount: (w) => ({ path: `/subaccounts/${w.subaccountId}/deactivate` }),
  reactivateSubaccount: (w) => ({ path: `/subaccounts/${w.subaccountId}/reactivate` }),
  listWebhookEndpoints: () => ({ path: "/webhook_endpoints" }),
  createWebhookEndpoint: () => ({
    path: "/webhook_endpoints",
    body: { url: "http://127.0.0.1:9/new" },
  }),
  getWebhookEndpoint: (w) => ({ path: `/webhook_endpoints/${w.webhookEndpointId}` }),
  updateWebhookEndpoint: (w) => ({
    path: `/webhook_endpoints/${w.webhookEndpointId}`,
    body: { description: "Changed" },
  }),
  deleteWebhookEndpoint: (w) => ({ path: `/webhook_endpoints/${w.webhookEndpointId}` }),
  rotateWebhookSecret: (w) => ({ path: `/webhook_endpoints/${w.webhookEndpointId}/rotate_secret` }),
  sendWebhookTestEvent: (w) => ({ path: `/webhook_endpoints/${w.webhookEndpointId}/test` }),
  listWebhookDeliveries: (w) => ({ path: `/webhook_endpoints/${w.webhookEndpointId}/deliveries` }),
  redeliverWebhook: (w) => ({
    path: `/webhook_endpoints/${w.webhookEndpointId}/deliveries/${w.webhookDeliveryId}/redeliver`,
  }),
  retryFailedWebhooks: (w) => ({
    path: `/webhook_endpoints/${w.webhookEndpointId}/retry_failed`,
    body: { since: "2026-03-01T00:00:00Z" },
  }),
};

/** The same for CertCentral's endpoints under /services/v2. */
const CERTCENTRAL_SAMPLES: Record<string, (w: World) => { path: string; body?: unknown }> = {
  certCentralSendInvite: () => ({
    path: "/account/subaccount/invite",
    body: { emails: ["new@example.com"], subaccount_type: "retail", invite_note: "Hi" },
  }),
  certCentralListInvites: () => ({ path: "/account/subaccount/invite" }),
  certCentralInviteInfo: (w) => ({ path: `/account/subaccount/${w.invitationId}` }),
};

/** How each surface answers: its caller, its samples, the codes of its refusals, its lists. */
const SURFACES = {
  "/api/v1": {
    call,
    endpoints: ENDPOINTS,
    samples: SAMPLES,
    unauthorized: "unauthorized",
    forbidden: "forbidden",
    refusalType: "application/problem+json",
    list: (body: { data?: unknown[] }) => body.data,
  },
  "/services/v2": {
    call: callCertCentral,
    endpoints: CERTCENTRAL_ENDPOINTS,
    samples: CERTCENTRAL_SAMPLES,
    unauthorized: "access_denied|invalid_api_key",
    forbidden: "access_denied|missing_permission",
    refusalType: "application/json",
    list: (body: { subaccount_invites?: unknown[] }) => body.subaccount_invites,
  },
} as const;
type SurfaceName = keyof typeof SURFACES;

/** A refusal's code: a problem's, or the first of CertCentral's errors. */
const codeOf = (body: { code?: string; errors?: { code: string }[] } | null) =>
  body?.code ?? body?.errors?.[0]?.code;

const CASES = (Object.keys(SURFACES) as SurfaceName[]).flatMap((surface) =>
  SURFACES[surface].endpoints.map(
    (e) => [`${surface} ${e.operationId}`, surface, e as AnyEndpoint] as const,
  ),
);

const writes = (e: AnyEndpoint) => e.method !== "get";

async function world() {
  const admin = await makeActor(t.db, { accountName: "Hopper Security" });
  const { id: invitationId } = await invite(t.db, {
    actor: admin,
    now: new Date("2026-03-01T09:00:00Z"),
  });
  const { id: subaccountId } = await subaccountOf(t.db, admin, {
    administrator: null,
    type: "managed",
  });
  const { id: webhookEndpointId } = await endpointFor(t.db, admin, "http://127.0.0.1:9/hook", {
    now: clock.now,
  });
  const { deliveryId: webhookDeliveryId } = await sendTestEvent(
    t.db,
    admin,
    { id: webhookEndpointId },
    clock.now,
  );
  const { id: batchId } = await createActionBatch(
    t.db,
    admin,
    { kind: "cancel", invitations: [{ id: invitationId, email: "bob@contoso.example" }] },
    clock.now,
  );
  return {
    admin,
    w: { invitationId, subaccountId, webhookEndpointId, webhookDeliveryId, batchId },
  };
}

/** What one account's invitations and subaccounts are, with their history and emails. */
async function writesSnapshot(accountId: string) {
  const own = await t.db
    .select()
    .from(invitations)
    .where(eq(invitations.accountId, accountId))
    .orderBy(invitations.id);
  const ids = own.map((i) => i.id);
  return {
    subaccounts: await t.db
      .select()
      .from(accounts)
      .where(eq(accounts.parentId, accountId))
      .orderBy(accounts.id),
    invitations: own,
    events: ids.length
      ? await t.db.$count(invitationEvents, inArray(invitationEvents.invitationId, ids))
      : 0,
    emails: ids.length
      ? await t.db.$count(emailOutbox, inArray(emailOutbox.topic, ids.map(invitationTopic)))
      : 0,
    webhookEndpoints: await t.db
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.accountId, accountId))
      .orderBy(webhookEndpoints.id),
    webhookDeliveries: await t.db.$count(webhookDeliveries),
  };
}

describe("the API's authorization matrix", () => {
  it.each(Object.keys(SURFACES) as SurfaceName[])(
    "has a sample request for every endpoint of %s",
    (surface) => {
      const { endpoints, samples } = SURFACES[surface];
      expect(endpoints.map((e) => e.operationId).sort()).toEqual(Object.keys(samples).sort());
    },
  );

  it.each(CASES)(
    "%s refuses a missing, malformed, revoked, expired, read-only (writes) and other account's key, and a deactivated account",
    async (_name, surface, endpoint) => {
      const { call, samples, unauthorized, forbidden, refusalType, list } = SURFACES[surface];
      const { admin, w } = await world();
      const sample = samples[endpoint.operationId]!(w);
      const method = endpoint.method.toUpperCase();
      const revoked = await apiKeyOf(t.db, admin, { name: "Old" });
      await revokeApiKey(t.db, admin, { id: revoked.id }, clock.now);
      const expired = await apiKeyOf(t.db, admin, { name: "Short", expiresInDays: 1 });
      const reader = await apiKeyOf(t.db, admin, { name: "Reader", scope: "read" });
      const other = await apiKeyOf(t.db, await makeActor(t.db, { accountName: "Other" }), {
        name: "Theirs",
      });
      const before = await writesSnapshot(admin.accountId);

      const refusals: [string | null, number][] = [
        [null, 401],
        ["Bearer", 401],
        [`cp_live_${"x".repeat(40)}`, 401],
        [revoked.key, 401],
        [expired.key, 401],
      ];
      for (const [key, status] of refusals) {
        const res = await call(method, sample.path, { key, body: sample.body });
        expect([key, res.status, codeOf(res.body)]).toEqual([key, status, unauthorized]);
        expect(res.headers.get("content-type")).toBe(refusalType);
      }
      const asReader = await call(method, sample.path, { key: reader.key, body: sample.body });
      if (writes(endpoint))
        expect([asReader.status, codeOf(asReader.body)]).toEqual([403, forbidden]);
      else expect(asReader.status).toBe(200);

      const asOther = await call(method, sample.path, { key: other.key, body: sample.body });
      if (endpoint.params) expect(asOther.status).toBe(404);
      else if (endpoint.method === "get" && list(asOther.body))
        expect(list(asOther.body)).toEqual([]);
      else expect(JSON.stringify(asOther.body)).not.toContain(admin.accountId);

      const writer = await apiKeyOf(t.db, admin, { name: "Writer" });
      await t.db
        .update(accounts)
        .set({ status: "deactivated" })
        .where(eq(accounts.id, admin.accountId));
      const deactivated = await call(method, sample.path, { key: writer.key, body: sample.body });
      expect([deactivated.status, codeOf(deactivated.body)]).toEqual([401, unauthorized]);
      expect(await writesSnapshot(admin.accountId)).toEqual(before);
    },
  );

  it("never echoes the key, in any answer", async () => {
    const { admin } = await world();
    const { key, id } = await apiKeyOf(t.db, admin);
    await t.db.update(apiKeys).set({ revokedAt: clock.now }).where(eq(apiKeys.id, id));
    const res = await call("GET", "/me", { key });
    expect(JSON.stringify(res.body)).not.toContain(key);
  });
});

describe("hostile JSON", () => {
  it("is refused as a problem (or in CertCentral's shape) and writes nothing, on every write", async () => {
    const { admin, w } = await world();
    const { key } = await apiKeyOf(t.db, admin);
    const before = await writesSnapshot(admin.accountId);
    const bodies = fc.oneof(
      fc.jsonValue(),
      fc.record({
        emails: fc.jsonValue(),
        subaccount_type: fc.jsonValue(),
        locale: fc.jsonValue(),
      }),
      fc.record({ email: fc.oneof(fc.string(), fc.jsonValue()) }),
      fc.string().map((s) => ({ raw: s })),
    );
    const targets = CASES.filter(([, , e]) => e.body);
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom(...targets), async (body, [, surface, endpoint]) => {
        const { call, samples, refusalType } = SURFACES[surface];
        const sample = samples[endpoint.operationId]!(w);
        const raw = typeof body === "object" && body !== null && "raw" in body;
        // A body the endpoint takes is not hostile (an empty PATCH, say): only the others count.
        fc.pre(raw || !endpoint.body!.safeParse(body).success);
        const res = await call(endpoint.method.toUpperCase(), sample.path, {
          key,
          ...(raw
            ? { raw: { text: String((body as { raw: string }).raw), type: "application/json" } }
            : { body }),
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get("content-type")).toBe(refusalType);
        expect(codeOf(res.body)).toEqual(expect.any(String));
      }),
      { numRuns: 150 },
    );
    expect(await writesSnapshot(admin.accountId)).toEqual(before);
  });
});
