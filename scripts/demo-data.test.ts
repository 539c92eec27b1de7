import { describe, expect, it } from "vitest";
import { accounts, invitations, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/sign-in";
import { displayStatus } from "@/lib/invitations/status";
import { setupTestDb } from "@/tests/helpers/db";
import { seedDemo } from "./demo-data";

const t = setupTestDb();
const now = new Date("2026-06-01T12:00:00Z");

describe("demo seed", () => {
  it("makes subaccounts of each type and invitations in every status, and its credentials work", async () => {
    const { created, credentials } = await seedDemo(t.db, now);
    expect(created).toBe(true);
    const types = (await t.db.select({ type: accounts.type }).from(accounts))
      .map((a) => a.type)
      .sort();
    expect(new Set(types)).toEqual(new Set(["enterprise", "reseller", "retail", "managed"]));
    const statuses = (await t.db.select().from(invitations)).map((i) => displayStatus(i, now));
    expect(new Set(statuses)).toEqual(new Set(["pending", "accepted", "expired", "canceled"]));
    for (const c of credentials) {
      expect(
        (await authenticate(t.db, { username: c.username, password: c.password, ip: null, now }))
          .ok,
      ).toBe(true);
    }
  });

  it("is safe to run twice: no new rows, new passwords", async () => {
    const first = await seedDemo(t.db, now);
    const counts = [
      await t.db.$count(accounts),
      await t.db.$count(users),
      await t.db.$count(invitations),
    ];
    const second = await seedDemo(t.db, now);
    expect(second.created).toBe(false);
    expect([
      await t.db.$count(accounts),
      await t.db.$count(users),
      await t.db.$count(invitations),
    ]).toEqual(counts);
    const admin = second.credentials.find((c) => c.username === "demo.admin")!;
    expect(admin.password).not.toBe(
      first.credentials.find((c) => c.username === "demo.admin")!.password,
    );
    expect(
      (
        await authenticate(t.db, {
          username: "demo.admin",
          password: admin.password,
          ip: null,
          now,
        })
      ).ok,
    ).toBe(true);
  });
});
