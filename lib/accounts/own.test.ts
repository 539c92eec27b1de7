import { describe, expect, it } from "vitest";
import { organization } from "@/tests/helpers/fixtures";
import { asksForAddress } from "./own";

const empty = {
  ...organization,
  addressLine1: null,
  addressLine2: null,
  city: null,
  region: null,
  postalCode: null,
  country: null,
};

describe("the home page's prompt for the account's address", () => {
  it("asks an Administrator while the address is empty, and stops once any of it is given", () => {
    expect(asksForAddress({ role: "administrator" }, empty)).toBe(true);
    expect(asksForAddress({ role: "administrator" }, { ...empty, city: "Berlin" })).toBe(false);
    expect(asksForAddress({ role: "administrator" }, organization)).toBe(false);
  });

  it("never asks someone who may not edit the account", () => {
    expect(asksForAddress({ role: "user" }, empty)).toBe(false);
  });
});
