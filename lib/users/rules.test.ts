import { describe, expect, it } from "vitest";
import {
  assertAdministratorRemains,
  assignableManagers,
  memberActions,
  SET_PASSWORD_TTL_DAYS,
  setPasswordExpiry,
  userDisplayStatus,
} from "./rules";

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

describe("what the Users page shows and offers", () => {
  const admin = { userId: "a", role: "administrator" as const };
  const member = (status: "active" | "deactivated", passwordSet: boolean) => ({
    id: "m",
    status,
    passwordSet,
  });

  it("shows a user who has not chosen a password yet as invited", () => {
    expect(userDisplayStatus(member("active", false))).toBe("invited");
    expect(userDisplayStatus(member("active", true))).toBe("active");
    expect(userDisplayStatus(member("deactivated", false))).toBe("deactivated");
  });

  it("offers nobody a change of their own role or status", () => {
    expect(memberActions(admin, { ...member("active", true), id: "a" })).toEqual({
      changeRoleAndStatus: false,
      resendLink: false,
    });
    expect(memberActions({ userId: "b", role: "manager" }, member("active", false))).toEqual({
      changeRoleAndStatus: false,
      resendLink: false,
    });
  });

  it("offers a new link only to an active user still without a password", () => {
    expect(memberActions(admin, member("active", false)).resendLink).toBe(true);
    expect(memberActions(admin, member("active", true)).resendLink).toBe(false);
    expect(memberActions(admin, member("deactivated", false)).resendLink).toBe(false);
  });

  it("offers only active users as account managers", () => {
    expect(
      assignableManagers([
        { id: "1", status: "active" as const },
        { id: "2", status: "deactivated" as const },
      ]).map((u) => u.id),
    ).toEqual(["1"]);
  });
});
