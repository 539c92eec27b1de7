import { describe, expect, it } from "vitest";
import { defaultAllowedSubaccountTypes, invitableTypes, invitedSubaccountSettings } from "./rules";

describe("subaccount rules", () => {
  it("never offers Managed by invitation", () => {
    expect(invitableTypes(["enterprise", "managed", "retail"])).toEqual(["enterprise", "retail"]);
    expect(invitableTypes(["managed"])).toEqual([]);
  });
  it("starts an invited subaccount on bill to subaccount and standard pricing", () => {
    expect(invitedSubaccountSettings("retail")).toMatchObject({
      billing: "bill_to_subaccount",
      pricing: "standard",
      createdVia: "invitation",
    });
  });
  it("lets only resellers create subaccounts in turn by default", () => {
    expect(defaultAllowedSubaccountTypes("reseller")).toEqual(["enterprise", "reseller", "retail"]);
    expect(defaultAllowedSubaccountTypes("enterprise")).toEqual([]);
  });
});
