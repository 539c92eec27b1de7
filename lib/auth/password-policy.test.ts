import { describe, expect, it } from "vitest";
import { passwordProblems, passwordStrength } from "./password-policy";

describe("password policy", () => {
  it("accepts 12 characters of three kinds", () => {
    expect(passwordProblems("Correct-horse1", { username: "alice" })).toEqual([]);
    expect(passwordProblems("abcdefgh12!!", {})).toEqual([]);
  });

  it("refuses fewer than 12 characters", () => {
    expect(passwordProblems("Ab1!Ab1!Ab1", {})).toEqual(["too_short"]);
  });

  it("refuses only two kinds of character", () => {
    expect(passwordProblems("abcdefghijk1", {})).toEqual(["too_simple"]);
    expect(passwordProblems("ABCDEFGHIJKL!", {})).toEqual(["too_simple"]);
  });

  it("refuses a password equal to or containing the username, in any case", () => {
    expect(passwordProblems("Alice-Smith-2026", { username: "alice" })).toContain(
      "contains_username",
    );
    expect(passwordProblems("JohnDoe#2026x", { username: "johndoe#2026X" })).toContain(
      "contains_username",
    );
  });

  it("refuses a password built on the email's local part", () => {
    expect(passwordProblems("Bob.Builder!99", { email: "bob.builder@example.com" })).toContain(
      "contains_email",
    );
  });

  it("rates longer and more varied passwords higher", () => {
    expect(passwordStrength("")).toBe(0);
    expect(passwordStrength("abc")).toBe(0);
    expect(passwordStrength("abcdefgh12!!")).toBe(2);
    expect(passwordStrength("Abcdefgh12!!xyzw")).toBe(4);
  });
});
