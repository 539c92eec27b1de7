import { describe, expect, it } from "vitest";
import { effectivePrice } from "./prices";

describe("what an account pays", () => {
  it("is its custom price only under custom pricing", () => {
    expect(effectivePrice("custom", 1000, 800)).toBe(800);
    expect(effectivePrice("custom", 1000, null)).toBe(1000);
    expect(effectivePrice("standard", 1000, 800)).toBe(1000);
  });
});
