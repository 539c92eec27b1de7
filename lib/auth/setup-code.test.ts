import { describe, expect, it } from "vitest";
import { setupCodes } from "@/db/schema";
import { setupTestDb } from "@/tests/helpers/db";
import { completeSetup, isSetupOpen } from "./setup";
import { issueSetupCode, SETUP_CODE_TTL_HOURS, setupCodeRequired } from "./setup-code";

const t = setupTestDb();
const now = new Date("2026-05-01T12:00:00Z");
const input = {
  accountName: "Acme Partner",
  firstName: "Ada",
  lastName: "Admin",
  email: "ada@acme.example",
  username: "ada",
  password: "Sturdy-Passw0rd!",
  locale: "en" as const,
};

describe("first run on a public host", () => {
  it("is needed in production and whenever APP_URL is not a loopback address", () => {
    const at = (APP_URL: string, NODE_ENV: "development" | "production" = "development") =>
      setupCodeRequired({ APP_URL, NODE_ENV });
    expect(at("http://localhost:3000")).toBe(false);
    expect(at("http://127.0.0.1:3200")).toBe(false);
    expect(at("https://portal.example")).toBe(true);
    expect(at("http://127.0.0.1:3200", "production")).toBe(true);
  });

  it("refuses setup without the code printed at start, or with a wrong one", async () => {
    const code = await issueSetupCode(t.db, now);
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
    for (const setupCode of [null, "", "AAAA-AAAA-AAAA-AAAA-AAAA"])
      await expect(
        completeSetup(t.db, input, now, { codeRequired: true, setupCode }),
      ).rejects.toMatchObject({ code: "setup_code_invalid", field: "setupCode" });
    expect(await isSetupOpen(t.db)).toBe(true);
    // Typed in lower case and without dashes, it still works, once.
    await completeSetup(t.db, input, now, {
      codeRequired: true,
      setupCode: code!.toLowerCase().replaceAll("-", " "),
    });
    expect(await isSetupOpen(t.db)).toBe(false);
    expect(await t.db.$count(setupCodes)).toBe(0);
  });

  it("refuses a code past its time, and issues none once set up", async () => {
    const code = await issueSetupCode(t.db, now);
    const later = new Date(now.getTime() + SETUP_CODE_TTL_HOURS * 3600 * 1000);
    await expect(
      completeSetup(t.db, input, later, { codeRequired: true, setupCode: code }),
    ).rejects.toMatchObject({ code: "setup_code_invalid" });
    await completeSetup(t.db, input, now, { codeRequired: false, setupCode: null });
    expect(await issueSetupCode(t.db, now)).toBeNull();
  });
});
