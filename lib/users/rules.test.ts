import { describe, expect, it } from "vitest";
import { assertAdministratorRemains, SET_PASSWORD_TTL_DAYS, setPasswordExpiry } from "./rules";

const admin = { id: "a", role: "administrator" as const, status: "active" as const };
const other = { id: "b", role: "administrator" as const, status: "active" as const };
const user = { id: "c", role: "user" as const, status: "active" as const };

describe("user rules", () => {
  it("refuses to demote the last active administrator", () => {
    expect(() =>
      assertAdministratorRemains([admin, user], { userId: "a", role: "manager" }),
    ).toThrow(expect.objectContaining({ code: "last_administrator" }));
  });
  it("refuses to deactivate the last active administrator", () => {
    expect(() =>
      assertAdministratorRemains([admin, { ...other, status: "deactivated" }], {
        userId: "a",
        status: "deactivated",
      }),
    ).toThrow(expect.objectContaining({ code: "last_administrator" }));
  });
  it("allows it while another active administrator remains", () => {
    expect(() =>
      assertAdministratorRemains([admin, other, user], { userId: "a", role: "user" }),
    ).not.toThrow();
    expect(() =>
      assertAdministratorRemains([admin, user], { userId: "c", status: "deactivated" }),
    ).not.toThrow();
  });
  it("gives set-password links seven days", () => {
    expect(SET_PASSWORD_TTL_DAYS).toBe(7);
    expect(setPasswordExpiry(new Date("2026-01-01T00:00:00Z")).toISOString()).toBe(
      "2026-01-08T00:00:00.000Z",
    );
  });
});
