import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/tests/helpers/db";
import { accounts, users } from "./schema";

const t = setupTestDb();

describe("schema", () => {
  it("refuses a second username differing only in case", async () => {
    const [account] = await t.db
      .insert(accounts)
      .values({ name: "Acme", type: "reseller", createdVia: "setup" })
      .returning();
    const base = {
      accountId: account!.id,
      email: "a@example.com",
      firstName: "A",
      lastName: "B",
      role: "administrator" as const,
    };
    await t.db.insert(users).values({ ...base, username: "Alice" });
    await expect(t.db.insert(users).values({ ...base, username: "alice" })).rejects.toThrow();
  });

  it("applies every migration", async () => {
    const result = await t.db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    expect(
      Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n),
    ).toBeGreaterThanOrEqual(8);
  });
});
