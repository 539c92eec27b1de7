import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./redirect";

describe("safeReturnPath", () => {
  it("keeps a same-site path", () => {
    expect(safeReturnPath("/subaccounts?status=pending")).toBe("/subaccounts?status=pending");
  });
  it("refuses other sites and odd values", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "",
      undefined,
      42,
    ]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });
});
