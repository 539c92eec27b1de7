import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import {
  accounts,
  apiKeys,
  contracts,
  invitations,
  invitationTemplates,
  rateLimits,
  users,
} from "@/db/schema";
import * as own from "@/lib/accounts/own";
import * as apiKeyUseCases from "@/lib/api-keys/manage";
import * as contractUseCases from "@/lib/contracts/manage";
import * as exportUseCases from "@/lib/invitations/export";
import { invitationListParams } from "@/lib/invitations/queries";
import * as send from "@/lib/invitations/send";
import * as changeTerms from "@/lib/invitations/change-terms";
import * as templates from "@/lib/invitations/templates";
import * as createSub from "@/lib/subaccounts/create";
import * as manageSub from "@/lib/subaccounts/manage";
import * as updateSub from "@/lib/subaccounts/update";
import * as manageUsers from "@/lib/users/manage";
import { actorInAccount, makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { organization } from "@/tests/helpers/fixtures";
import { invite } from "@/tests/helpers/invitations";
import { newSubaccount, subaccountOf } from "@/tests/helpers/subaccounts";
import type { Actor } from "./actor";
import { authorize } from "./authorize";

const t = setupTestDb();
const now = new Date("2026-09-01T10:00:00Z");
const deps = { appUrl: "https://portal.example", invitationsPerHour: 100 };

// Every use case a front door (a form, the API, a job) can call: called directly,
// each one refuses a caller whose role lacks its permission, before it reads,
// counts or writes anything.
const useCaseModules = {
  send,
  changeTerms,
  templates,
  apiKeyUseCases,
  exportUseCases,
  createSub,
  manageSub,
  updateSub,
  own,
  contractUseCases,
  manageUsers,
};
const words = { column: String, status: String, delivery: String, type: String };

type World = { invitationId: string; subaccountId: string; memberId: string; contractId: string };
type Case = (db: Db, caller: Actor, w: World) => Promise<unknown>;

const cases: Record<string, Case> = {
  saveInvitationTemplate: (db, a) =>
    templates.saveInvitationTemplate(
      db,
      a,
      { template: { name: "T", subaccountType: "retail", locale: "en", customMessage: null } },
      now,
    ),
  deleteInvitationTemplate: (db, a, w) =>
    templates.deleteInvitationTemplate(db, a, { id: w.invitationId }, now),
  changeInvitationTerms: (db, a, w) =>
    changeTerms.changeInvitationTerms(
      db,
      a,
      { id: w.invitationId, terms: { billing: "bill_to_parent" } },
      now,
    ),
  createInvitation: (db, a) =>
    send.createInvitation(
      db,
      a,
      { email: "x@example.com", subaccountType: "retail", customMessage: null, locale: "en" },
      now,
      deps,
    ),
  resendInvitation: (db, a, w) => send.resendInvitation(db, a, { id: w.invitationId }, now, deps),
  cancelInvitation: (db, a, w) => send.cancelInvitation(db, a, { id: w.invitationId }, now),
  exportInvitations: (db, a) =>
    exportUseCases.exportInvitations(db, a, invitationListParams.parse({}), now, { words }),
  createSubaccount: (db, a) =>
    createSub.createSubaccount(db, a, { subaccount: newSubaccount() }, now, deps),
  updateSubaccountDetails: (db, a, w) =>
    manageSub.updateSubaccountDetails(
      db,
      a,
      { id: w.subaccountId, details: { ...organization, nickname: null } },
      now,
    ),
  updateBillingAndPricing: (db, a, w) =>
    manageSub.updateBillingAndPricing(
      db,
      a,
      { id: w.subaccountId, billing: "bill_to_parent", pricing: "custom" },
      now,
    ),
  updateProductTerms: (db, a, w) =>
    manageSub.updateProductTerms(db, a, { id: w.subaccountId, terms: [] }, now),
  assignContract: (db, a, w) =>
    manageSub.assignContract(db, a, { id: w.subaccountId, contractId: null }, now),
  assignAccountManager: (db, a, w) =>
    manageSub.assignAccountManager(db, a, { id: w.subaccountId, userId: null }, now),
  setAllowedSubaccountTypes: (db, a, w) =>
    manageSub.setAllowedSubaccountTypes(db, a, { id: w.subaccountId, types: ["retail"] }, now),
  updateSubaccount: (db, a, w) =>
    updateSub.updateSubaccount(
      db,
      a,
      { id: w.subaccountId, changes: { terms: { billing: "bill_to_parent", pricing: "custom" } } },
      now,
    ),
  setSubaccountStatus: (db, a, w) =>
    manageSub.setSubaccountStatus(db, a, { id: w.subaccountId, status: "deactivated" }, now),
  updateOwnOrganization: (db, a) =>
    own.updateOwnOrganization(db, a, { details: organization }, now),
  createContract: (db, a) =>
    contractUseCases.createContract(
      db,
      a,
      {
        contract: {
          name: "C",
          startsOn: "2026-01-01",
          endsOn: null,
          billing: "bill_to_parent",
          pricing: "custom",
        },
      },
      now,
    ),
  updateContract: (db, a, w) =>
    contractUseCases.updateContract(
      db,
      a,
      {
        id: w.contractId,
        contract: {
          name: "D",
          startsOn: "2026-01-01",
          endsOn: null,
          billing: "bill_to_subaccount",
          pricing: "standard",
        },
      },
      now,
    ),
  endContract: (db, a, w) => contractUseCases.endContract(db, a, { id: w.contractId }, now),
  deleteContract: (db, a, w) => contractUseCases.deleteContract(db, a, { id: w.contractId }, now),
  addUser: (db, a) =>
    manageUsers.addUser(
      db,
      a,
      {
        user: {
          username: "newbie",
          email: "newbie@example.com",
          firstName: "N",
          lastName: "B",
          role: "administrator",
          locale: "en",
        },
      },
      now,
      deps,
    ),
  changeRole: (db, a, w) =>
    manageUsers.changeRole(db, a, { userId: w.memberId, role: "administrator" }, now),
  setUserStatus: (db, a, w) =>
    manageUsers.setUserStatus(db, a, { userId: w.memberId, status: "deactivated" }, now),
  resendPasswordLink: (db, a, w) =>
    manageUsers.resendPasswordLink(db, a, { userId: w.memberId }, now, deps),
  createApiKey: (db, a) =>
    apiKeyUseCases.createApiKey(db, a, { name: "CRM", scope: "write", expiresInDays: null }, now),
  revokeApiKey: (db, a, w) => apiKeyUseCases.revokeApiKey(db, a, { id: w.contractId }, now),
};

async function everything(db: Db) {
  return Promise.all(
    [accounts, users, invitations, invitationTemplates, contracts, rateLimits, apiKeys].map(
      (table) => db.select().from(table),
    ),
  );
}

describe("use cases authorize themselves", () => {
  it("covers every use case the domain exports", () => {
    // A use case takes (db, actor, input, now, …); helpers that run inside one take fewer.
    const exported = Object.values(useCaseModules).flatMap((m) =>
      Object.entries(m)
        .filter(([, f]) => typeof f === "function" && f.length >= 4)
        // The two parts of createInvitation a batch runs row by row (lib/batches authorizes the batch).
        .filter(
          ([name]) =>
            !["prepareInvitation", "insertInvitation", "lockOwnInvitation"].includes(name),
        )
        .map(([name]) => name),
    );
    expect(exported.sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.keys(cases))(
    "%s refuses a User of the account, and changes and counts nothing",
    async (name) => {
      const owner = await makeActor(t.db);
      const { id: invitationId } = await invite(t.db, { actor: owner, now });
      const { id: subaccountId } = await subaccountOf(t.db, owner, {}, now);
      const contractId = await contractUseCases.createContract(
        t.db,
        owner,
        {
          contract: {
            name: "Frame",
            startsOn: "2026-01-01",
            endsOn: null,
            billing: "bill_to_parent",
            pricing: "custom",
          },
        },
        now,
      );
      const member = await actorInAccount(t.db, owner.accountId, "manager");
      const caller = await actorInAccount(t.db, owner.accountId, "user");
      const before = await everything(t.db);
      await expect(
        cases[name]!(t.db, caller, {
          invitationId,
          subaccountId,
          memberId: member.userId,
          contractId,
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      expect(await everything(t.db)).toEqual(before);
    },
  );
});

describe("authorize", () => {
  it("answers from the one permission table", () => {
    const actor = { role: "manager" } as Actor;
    expect(() => authorize(actor, "invitations.create")).not.toThrow();
    expect(() => authorize(actor, "users.manage")).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
  });

  it("lets a read-only API key look but never change, whatever its maker's role", () => {
    const key = {
      role: "administrator",
      apiKey: { id: "k", name: "Reports", scope: "read" },
    } as Actor;
    expect(() => authorize(key, "invitations.view")).not.toThrow();
    expect(() => authorize(key, "subaccounts.view")).not.toThrow();
    for (const permission of [
      "invitations.create",
      "invitations.cancel",
      "subaccounts.editBilling",
    ] as const)
      expect(() => authorize(key, permission)).toThrow(
        expect.objectContaining({ code: "forbidden" }),
      );
    const writer = { ...key, apiKey: { ...key.apiKey!, scope: "write" } } as Actor;
    expect(() => authorize(writer, "invitations.create")).not.toThrow();
  });
});
