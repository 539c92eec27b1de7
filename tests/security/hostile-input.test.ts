import { CredentialsSignin } from "@auth/core/errors";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type * as DbModule from "@/db";
import {
  accountPrices,
  accounts,
  contracts,
  emailOutbox,
  invitationBatches,
  invitationEvents,
  invitations,
  setPasswordTokens,
  users,
} from "@/db/schema";
import type { FormState } from "@/lib/actions/form-state";
import { makeActor } from "@/tests/helpers/actors";
import { actionRequest } from "@/tests/helpers/request";
import { setupTestDb } from "@/tests/helpers/db";
import { invite } from "@/tests/helpers/invitations";
import { managed, subaccountOf } from "@/tests/helpers/subaccounts";

// Random and hostile input against every server action's schema and the public
// forms: each bad input is refused as form state, nothing is written, and
// nothing is thrown past the wrapper (a redirect is how a valid input ends).
const t = setupTestDb();
const request = actionRequest(t, new Date(), "203.0.113.200");
vi.mock("@/db", async (original) => ({
  ...(await original<typeof DbModule>()),
  getDb: async () => t.db,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.200" }),
  cookies: async () => ({ set: () => {} }),
}));
vi.mock("next-auth", async () => ({ AuthError: (await import("@auth/core/errors")).AuthError }));
vi.mock("@/lib/auth/next-auth", () => ({
  signIn: async () => {
    throw new CredentialsSignin();
  },
  currentActor: async () => request.actor,
}));

const actions = {
  ...(await import("@/app/(app)/subaccounts/invite/actions")),
  ...(await import("@/app/(app)/subaccounts/invitations/[id]/actions")),
  ...(await import("@/app/(app)/subaccounts/invitations/bulk/actions")),
  ...(await import("@/app/(app)/subaccounts/invitations/selection-actions")),
  ...(await import("@/app/(app)/account/invitations/actions")),
  ...(await import("@/app/(app)/account/invitations/templates/actions")),
  ...(await import("@/app/(app)/subaccounts/new/actions")),
  ...(await import("@/app/(app)/subaccounts/[id]/actions")),
  ...(await import("@/app/(app)/actions")),
  ...(await import("@/app/(app)/contracts/actions")),
  ...(await import("@/app/(app)/account/users/actions")),
  ...(await import("@/app/(app)/account/time-zone/actions")),
  ...(await import("@/app/(app)/account/api-keys/actions")),
  ...(await import("@/app/(app)/account/webhooks/actions")),
  ...(await import("@/app/forgot-password/actions")),
  ...(await import("@/app/accept/[token]/actions")),
  ...(await import("@/app/set-password/[token]/actions")),
  ...(await import("@/app/sign-in/actions")),
  ...(await import("@/app/setup/actions")),
};

// The fields of an invitation's terms (app/_components/invitation-terms-fields.tsx).
const TERMS_FIELDS = [
  "terms_billing",
  "terms_pricing",
  "terms_accountManagerId",
  "terms_chooseTypes",
  "terms_allowedSubaccountTypes",
  "terms_showPrices",
  "productIds",
];

// Each action's fields, as its form submits them.
const FIELDS: Record<string, string[]> = {
  inviteSubaccount: [
    "email",
    "subaccountType",
    "sendCustomMessage",
    "customMessage",
    "locale",
    "firstName",
    "lastName",
    "company",
    "then",
    "templateId",
    ...TERMS_FIELDS,
  ],
  resendExistingInvitation: ["id"],
  resendInvitation: ["id"],
  cancelInvitation: ["id"],
  extendInvitation: ["id"],
  sendInvitationAgain: ["id"],
  saveTemplate: [
    "id",
    "name",
    "subaccountType",
    "locale",
    "sendCustomMessage",
    "customMessage",
    ...TERMS_FIELDS,
  ],
  deleteTemplate: ["id"],
  changeTerms: ["id", ...TERMS_FIELDS],
  correctAddressAndResend: ["id", "email"],
  uploadBulkInvitations: ["intent", "file"],
  planSelection: ["kind", "ids", "filter"],
  actOnSelectionAction: ["kind", "ids", "filter"],
  saveInvitationSettings: ["reminderDays"],
  createSubaccount: [
    "name",
    "addressLine1",
    "city",
    "postalCode",
    "country",
    "contactFirstName",
    "contactLastName",
    "contactEmail",
    "type",
    "billing",
    "pricing",
    "nickname",
    "allowedSubaccountTypes",
    "adminFirstName",
    "adminLastName",
    "adminEmail",
    "adminUsername",
    "locale",
  ],
  updateDetails: ["id", "name", "addressLine1", "city", "postalCode", "country", "contactEmail"],
  updateTerms: ["id", "billing", "pricing"],
  updateProducts: ["id", "productIds"],
  setContract: ["id", "contractId"],
  setAccountManager: ["id", "userId"],
  setStatus: ["id", "status"],
  updateOrganization: ["name", "addressLine1", "city", "postalCode", "country", "contactEmail"],
  createContract: ["name", "startsOn", "endsOn", "billing", "pricing"],
  updateContract: ["id", "name", "startsOn", "endsOn", "billing", "pricing"],
  endContract: ["id"],
  deleteContract: ["id"],
  saveTimeZone: ["timeZone"],
  forgotPasswordAction: ["username"],
  addUser: ["firstName", "lastName", "email", "username", "role", "locale"],
  changeRole: ["userId", "role"],
  changeStatus: ["userId", "status"],
  resendLink: ["userId"],
  createKey: ["name", "scope", "expiresInDays"],
  revokeKey: ["id", "name"],
  createEndpoint: ["url", "description", "events", "eventTypes", "enabled"],
  updateEndpoint: ["id", "url", "description", "events", "eventTypes", "enabled"],
  deleteEndpoint: ["id"],
  rotateSecret: ["id"],
  sendTest: ["id"],
  redeliverEvent: ["endpointId", "deliveryId", "eventId"],
  retryFailed: ["id", "since"],
  acceptInvitationAction: [
    "token",
    "firstName",
    "lastName",
    "name",
    "addressLine1",
    "city",
    "postalCode",
    "country",
    "username",
    "password",
    "confirmPassword",
  ],
  setPasswordAction: ["token", "password", "confirmPassword"],
  signInAction: ["username", "password", "returnTo"],
  setupAction: ["accountName", "firstName", "lastName", "email", "username", "password"],
};

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.string({ minLength: 2000, maxLength: 5000 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202Egnp.exe",
    "' or 1=1 --",
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "00000000-0000-0000-0000-000000000000",
    "//evil.example",
    "A".repeat(43),
    "administrator",
    "managed",
    "-1",
    "1e309",
    "NaN",
  ),
);

function formOf(fields: string[]) {
  return fc
    .record(Object.fromEntries(fields.map((f) => [f, fc.option(hostile, { nil: undefined })])))
    .map((values) => {
      const fd = new FormData();
      for (const [key, value] of Object.entries(values))
        if (value !== undefined) fd.append(key, value as string);
      return fd;
    });
}

const tables = [
  accounts,
  users,
  invitations,
  invitationEvents,
  emailOutbox,
  contracts,
  accountPrices,
  setPasswordTokens,
  invitationBatches,
];
const rows = async () => Promise.all(tables.map((table) => t.db.$count(table)));

type Action = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

describe("hostile input to every server action", () => {
  it("lists every action with its fields", () => {
    expect(Object.keys(FIELDS).sort()).toEqual(
      Object.keys(actions)
        .filter((name) => typeof (actions as Record<string, unknown>)[name] === "function")
        .sort(),
    );
  });

  it("is refused as form state, writes nothing and throws nothing", async () => {
    const admin = await makeActor(t.db);
    const now = new Date();
    await invite(t.db, {
      actor: admin,
      email: "someone@example.com",
      subaccountType: "retail",
      now,
    });
    await subaccountOf(
      t.db,
      admin,
      {
        ...managed,
        name: "Existing",
        billing: "bill_to_subaccount",
        pricing: "standard",
        nickname: null,
      },
      now,
    );
    for (const [name, fields] of Object.entries(FIELDS)) {
      const action = (actions as unknown as Record<string, Action>)[name]!;
      await fc.assert(
        fc.asyncProperty(formOf(fields), fc.boolean(), async (formData, signedIn) => {
          request.actor = signedIn ? admin : null;
          const before = await rows();
          let state: FormState;
          try {
            state = await action(undefined, formData);
          } catch (error) {
            // Only a redirect may leave an action; it means the input was valid.
            expect((error as Error).message, name).toBe("NEXT_REDIRECT");
            return;
          }
          expect(typeof state.ok, name).toBe("boolean");
          if (!state.ok) {
            expect(await rows(), name).toEqual(before);
            expect(state.message, name).toMatch(/^[\w.]+$/);
            // A password is never echoed back into the form.
            for (const secret of ["password", "confirmPassword", "token"])
              expect(state.values ?? {}, name).not.toHaveProperty(secret);
          }
        }),
        { numRuns: 25 },
      );
    }
  }, 300_000);
});
