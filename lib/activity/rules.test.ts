import { describe, expect, it } from "vitest";
import { ACTIVITY_KINDS } from "@/lib/enums";
import { activityKindsFor } from "./rules";

describe("which logged changes a reader sees", () => {
  it("shows an account with a parent all of its log", () => {
    expect(activityKindsFor("own")).toEqual(ACTIVITY_KINDS);
  });

  it("shows an account without a parent only what its own people do: nobody above it changes its terms", () => {
    expect(activityKindsFor("own", { hasParent: false })).toEqual([
      "own_organization",
      "user_added",
      "role",
      "user_status",
      "api_key",
      "webhook_endpoint",
    ]);
  });

  it("never shows a parent what a subaccount's own users did or had done to them", () => {
    const parent = activityKindsFor("parent");
    for (const kind of [
      "own_organization",
      "user_added",
      "role",
      "user_status",
      "api_key",
    ] as const)
      expect(parent).not.toContain(kind);
    expect(parent).toContain("organization");
    expect(parent).toContain("billing");
  });
});
