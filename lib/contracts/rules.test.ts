import { describe, expect, it } from "vitest";
import { contractLocksTerms, contractStatus } from "./rules";

const at = (iso: string) => new Date(iso);

describe("a contract's life", () => {
  const contract = { startsOn: "2027-01-01", endsOn: "2027-12-31" };

  it("is upcoming before its first day, active on its first and last, ended after", () => {
    expect(contractStatus(contract, at("2026-12-31T23:59:59Z"))).toBe("upcoming");
    expect(contractStatus(contract, at("2027-01-01T00:00:00Z"))).toBe("active");
    expect(contractStatus(contract, at("2027-12-31T23:59:59Z"))).toBe("active");
    expect(contractStatus(contract, at("2028-01-01T00:00:00Z"))).toBe("ended");
    expect(contractStatus({ ...contract, endsOn: null }, at("2099-01-01T00:00:00Z"))).toBe(
      "active",
    );
  });

  it("locks billing and pricing only while it runs", () => {
    expect(contractLocksTerms(contract, at("2026-06-01T00:00:00Z"))).toBe(false);
    expect(contractLocksTerms(contract, at("2027-06-01T00:00:00Z"))).toBe(true);
    expect(contractLocksTerms(contract, at("2028-06-01T00:00:00Z"))).toBe(false);
    expect(contractLocksTerms(null, at("2027-06-01T00:00:00Z"))).toBe(false);
  });
});
