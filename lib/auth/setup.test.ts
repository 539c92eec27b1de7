import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/tests/helpers/db";
import { completeSetup, isSetupOpen } from "./setup";
import { loadActor } from "./sign-in";

const t = setupTestDb();
const now = new Date("2026-05-01T12:00:00Z");

describe("first-run setup", () => {
  const input = {
    accountName: "Acme Partner",
    firstName: "Ada",
    lastName: "Admin",
    email: "ada@example.com",
    username: "ada",
    password: "Another-Passw0rd",
    locale: "en" as const,
  };

  it("creates the partner account and its administrator, then closes", async () => {
    expect(await isSetupOpen(t.db)).toBe(true);
    const { userId } = await completeSetup(t.db, input, now);
    expect(await loadActor(t.db, userId)).toMatchObject({
      role: "administrator",
      accountName: "Acme Partner",
    });
    expect(await isSetupOpen(t.db)).toBe(false);
    await expect(completeSetup(t.db, { ...input, username: "eve" }, now)).rejects.toMatchObject({
      code: "setup_closed",
    });
  });

  it("refuses a weak password and creates nothing", async () => {
    await expect(
      completeSetup(t.db, { ...input, password: "ada-password" }, now),
    ).rejects.toMatchObject({ code: "weak_password" });
    expect(await isSetupOpen(t.db)).toBe(true);
  });
});
