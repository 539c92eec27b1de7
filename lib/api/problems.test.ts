import { describe, expect, it } from "vitest";
import { API_PROBLEM_CODES, DOMAIN_CODES, problemFor, problemType } from "./problems";

describe("the table from refusals to HTTP", () => {
  it("gives every code a client-error status (or 500 for ours) and a distinct type", () => {
    const codes = [...new Set([...DOMAIN_CODES, ...API_PROBLEM_CODES])];
    const types = new Set(codes.map(problemType));
    expect(types.size).toBe(codes.length);
    for (const code of codes) {
      const { status, title } = problemFor(code);
      expect(title.length, code).toBeGreaterThan(0);
      expect(status >= 400 && status < 500 ? true : code === "unexpected", code).toBe(true);
    }
  });

  it("says not found for what is outside the key's reach, and conflict for a state that refuses", () => {
    expect(problemFor("invitation_not_found").status).toBe(404);
    expect(problemFor("subaccount_not_found").status).toBe(404);
    expect(problemFor("invitation_not_resendable").status).toBe(409);
    expect(problemFor("subaccount_locked_by_contract").status).toBe(409);
    expect(problemFor("forbidden").status).toBe(403);
    expect(problemFor("invitation_rate_limited").status).toBe(429);
    expect(problemFor("invitation_type_not_allowed").status).toBe(422);
  });
});
