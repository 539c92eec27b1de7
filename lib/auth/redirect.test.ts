import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./redirect";

const APP = "https://portal.example";

describe("safeReturnPath", () => {
  it("keeps a path of the app", () => {
    expect(safeReturnPath("/subaccounts?status=pending", APP)).toBe("/subaccounts?status=pending");
    expect(safeReturnPath("/account/users#add", APP)).toBe("/account/users#add");
  });

  it("refuses other sites and odd values", () => {
    for (const bad of ["https://evil.example", "", "subaccounts", undefined, 42, null])
      expect(safeReturnPath(bad, APP)).toBe("/");
  });

  it("refuses the classic bypasses that browsers resolve to another site", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "/ /evil.example".replace(" ", "\u0000"),
      "\\/evil.example",
      "/\\/evil.example",
      "///evil.example",
      "/%09/evil.example",
      "/%5Cevil.example",
      "/%2F%2Fevil.example/..",
      "/.//evil.example".replace("./", "/"),
      "https:evil.example",
      "/https://evil.example".slice(1),
    ]) {
      const target = safeReturnPath(bad, APP);
      expect(new URL(target, APP).origin, JSON.stringify(bad)).toBe(APP);
      expect(target.startsWith("//") || target.includes("\\"), JSON.stringify(bad)).toBe(false);
    }
    expect(safeReturnPath("/\t/evil.example", APP)).toBe("/");
    expect(safeReturnPath("//evil.example", APP)).toBe("/");
  });
});
