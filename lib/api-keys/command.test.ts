import { describe, expect, it } from "vitest";
import { makeActor } from "@/tests/helpers/actors";
import { setupTestDb } from "@/tests/helpers/db";
import { authenticateApiKey } from "./authenticate";
import { runApiKeyCommand } from "./command";

const t = setupTestDb();
const now = new Date("2026-12-02T08:00:00Z");

describe("npm run api-key", () => {
  it("prints a working key alone on its last line, for the named Administrator", async () => {
    const admin = await makeActor(t.db);
    const result = await runApiKeyCommand(
      t.db,
      ["create"],
      {
        username: admin.username.toUpperCase(),
        name: "Provisioning",
        scope: "write",
        expires: "30",
      },
      now,
    );
    expect(result.ok).toBe(true);
    const key = result.lines.at(-1)!;
    expect(key).toMatch(/^cp_live_[0-9A-Za-z]{40}$/);
    const actor = await authenticateApiKey(t.db, key, { now, ip: null });
    expect(actor?.apiKey).toMatchObject({ name: "Provisioning", scope: "write" });
  });

  it("refuses a Manager, an unknown user and a bad scope, with what to do", async () => {
    const manager = await makeActor(t.db, { role: "manager" });
    const asManager = await runApiKeyCommand(
      t.db,
      ["create"],
      { username: manager.username, name: "CRM", scope: "read" },
      now,
    );
    expect(asManager).toEqual({
      ok: false,
      lines: [expect.stringContaining("not an Administrator")],
    });
    const unknown = await runApiKeyCommand(
      t.db,
      ["create"],
      { username: "nobody", name: "CRM", scope: "read" },
      now,
    );
    expect(unknown.ok).toBe(false);
    const badScope = await runApiKeyCommand(
      t.db,
      ["create"],
      { username: manager.username, name: "CRM", scope: "admin" },
      now,
    );
    expect(badScope.lines.at(-1)).toContain("usage:");
  });
});
