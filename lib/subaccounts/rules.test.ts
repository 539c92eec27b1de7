import { describe, expect, it } from "vitest";
import { ACCOUNT_TYPES } from "@/lib/enums";
import {
  subaccountListOffers,
  assertTermsEditable,
  canChangeTerms,
  canManageSubaccount,
  defaultAllowedSubaccountTypes,
  invitableTypes,
  invitedSubaccountSettings,
  formatPrice,
  parsePriceToCents,
} from "./rules";

describe("subaccount rules", () => {
  it("never offers Managed by invitation", () => {
    expect(invitableTypes(["enterprise", "managed", "retail"])).toEqual(["enterprise", "retail"]);
    expect(invitableTypes(["managed"])).toEqual([]);
  });
  it("starts an invited subaccount on bill to subaccount and standard pricing", () => {
    expect(invitedSubaccountSettings("retail", ["retail"])).toMatchObject({
      billing: "bill_to_subaccount",
      pricing: "standard",
      createdVia: "invitation",
    });
  });
  it("lets only resellers create subaccounts in turn by default", () => {
    expect(defaultAllowedSubaccountTypes("reseller", ACCOUNT_TYPES)).toEqual([
      "enterprise",
      "reseller",
      "retail",
    ]);
    expect(defaultAllowedSubaccountTypes("reseller", ["retail", "managed"])).toEqual(["retail"]);
    expect(defaultAllowedSubaccountTypes("enterprise", ACCOUNT_TYPES)).toEqual([]);
  });
});

describe("what the Subaccounts page offers", () => {
  const all = { create: ["enterprise", "managed"] as const, invite: ["enterprise"] as const };
  it("offers inviting and creating to an Administrator of an account with types to offer", () => {
    expect(subaccountListOffers({ role: "administrator" }, all)).toEqual({
      invite: true,
      manageInvitations: true,
      create: true,
    });
  });

  it("offers neither to an account that may create no type, whatever the role", () => {
    expect(subaccountListOffers({ role: "administrator" }, { create: [], invite: [] })).toEqual({
      invite: false,
      manageInvitations: true,
      create: false,
    });
  });

  it("offers no inviting where only Managed may be created, and nothing beyond the role", () => {
    expect(
      subaccountListOffers({ role: "administrator" }, { create: ["managed"], invite: [] }),
    ).toMatchObject({ invite: false, create: true });
    expect(subaccountListOffers({ role: "manager" }, all)).toEqual({
      invite: true,
      manageInvitations: true,
      create: false,
    });
    expect(subaccountListOffers({ role: "user" }, all)).toEqual({
      invite: false,
      manageInvitations: false,
      create: false,
    });
  });
});

describe("who may manage a subaccount", () => {
  const parent = "parent-account";
  const sub = { parentId: parent, accountManagerId: "manager-user" };
  const actor = (
    role: "administrator" | "manager" | "finance_manager" | "user",
    userId = "someone",
    accountId = parent,
  ) => ({ userId, accountId, role });

  it("lets the parent's roles do what the permission table says", () => {
    expect(canManageSubaccount(actor("administrator"), sub, "editBilling")).toBe(true);
    expect(canManageSubaccount(actor("finance_manager"), sub, "editPricing")).toBe(true);
    expect(canManageSubaccount(actor("manager"), sub, "editBilling")).toBe(false);
    expect(canManageSubaccount(actor("user"), sub, "view")).toBe(false);
  });

  it("lets the assigned account manager see that subaccount, and change no more than their role allows", () => {
    const assigned = actor("user", "manager-user");
    expect(canManageSubaccount(assigned, sub, "view")).toBe(true);
    expect(canManageSubaccount(assigned, { ...sub, accountManagerId: "other" }, "view")).toBe(
      false,
    );
    for (const what of ["editDetails", "editBilling", "editPricing", "changeStatus"] as const)
      expect(canManageSubaccount(assigned, sub, what)).toBe(false);
    const manager = actor("manager", "manager-user");
    expect(canManageSubaccount(manager, sub, "editDetails")).toBe(true);
    expect(canManageSubaccount(manager, sub, "editBilling")).toBe(false);
    expect(canManageSubaccount(manager, sub, "editPricing")).toBe(false);
  });

  it("refuses everyone outside the direct parent, administrators included", () => {
    expect(canManageSubaccount(actor("administrator", "x", "sibling"), sub, "view")).toBe(false);
    expect(canManageSubaccount(actor("administrator", "x", "grandparent"), sub, "view")).toBe(
      false,
    );
  });
});

describe("terms", () => {
  it("are locked while a contract is assigned", () => {
    expect(() => assertTermsEditable({ termsLocked: true })).toThrow(
      expect.objectContaining({ code: "subaccount_locked_by_contract" }),
    );
    expect(() => assertTermsEditable({ termsLocked: false })).not.toThrow();
  });
});

describe("prices typed into forms", () => {
  it("reads whole and decimal amounts with a point or a comma", () => {
    expect(parsePriceToCents("199")).toBe(19900);
    expect(parsePriceToCents("199.5")).toBe(19950);
    expect(parsePriceToCents(" 199,05 ")).toBe(19905);
    expect(parsePriceToCents("199,50")).toBe(19950);
    expect(parsePriceToCents("1.234,50")).toBe(123450);
    expect(parsePriceToCents("1,234.50")).toBe(123450);
  });
  it("writes a price back the way the reader's language writes decimals", () => {
    expect(formatPrice(19950, "de")).toBe("199,50");
    expect(formatPrice(19950, "en")).toBe("199.50");
    expect(parsePriceToCents(formatPrice(123450, "de"))).toBe(123450);
  });
  it("treats an empty field as the list price and refuses anything else", () => {
    expect(parsePriceToCents("")).toBeNull();
    for (const bad of ["-1", "1.234", "abc", "1e3", "12345678", "1.234.50", "1,234,50", "199,"])
      expect(parsePriceToCents(bad)).toBe("invalid");
  });
});

describe("changing terms", () => {
  const sub = { parentId: "p", accountManagerId: null, termsLocked: false };
  const finance = { userId: "f", accountId: "p", role: "finance_manager" as const };
  const manager = { userId: "m", accountId: "p", role: "manager" as const };
  it("needs billing and pricing rights, and no running contract", () => {
    expect(canChangeTerms(finance, sub, "billingAndPricing")).toBe(true);
    expect(canChangeTerms(finance, sub, "products")).toBe(true);
    expect(canChangeTerms(finance, { ...sub, termsLocked: true }, "billingAndPricing")).toBe(false);
    expect(canChangeTerms(finance, { ...sub, termsLocked: true }, "products")).toBe(false);
    expect(canChangeTerms(manager, sub, "billingAndPricing")).toBe(false);
  });
});
