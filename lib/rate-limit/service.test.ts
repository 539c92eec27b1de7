import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { selectRows } from "@/db";
import { setupTestDb } from "@/tests/helpers/db";
import { acquireSlot, hit, peek, prune, releaseSlot, renewSlot, reset } from "./service";

const t = setupTestDb();
const rule = { key: "test:k", limit: 3, windowSeconds: 60 };
const t0 = new Date("2026-03-01T10:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe("rate limit", () => {
  it("allows up to the limit within one window and refuses the next hit", async () => {
    expect((await hit(t.db, rule, at(0))).allowed).toBe(true);
    expect((await hit(t.db, rule, at(1))).allowed).toBe(true);
    expect((await hit(t.db, rule, at(2))).allowed).toBe(true);
    const fourth = await hit(t.db, rule, at(3));
    expect(fourth).toEqual({ allowed: false, count: 4, retryAfterSeconds: 57 });
    expect((await peek(t.db, rule, at(4))).allowed).toBe(false);
  });

  it("starts a new window once the old one has passed", async () => {
    for (let i = 0; i < 4; i++) await hit(t.db, rule, at(i));
    expect((await peek(t.db, rule, at(60))).count).toBe(0);
    expect(await hit(t.db, rule, at(60))).toMatchObject({ allowed: true, count: 1 });
  });

  it("keeps keys apart and forgets a key on reset", async () => {
    for (let i = 0; i < 4; i++) await hit(t.db, rule, at(i));
    expect((await hit(t.db, { ...rule, key: "test:other" }, at(5))).count).toBe(1);
    await reset(t.db, rule.key);
    expect((await peek(t.db, rule, at(6))).allowed).toBe(true);
  });
});

describe("pruning", () => {
  it("forgets old windows and keeps current ones", async () => {
    await hit(t.db, { ...rule, key: "old" }, at(0));
    await hit(t.db, { ...rule, key: "new" }, at(7200));
    expect(await prune(t.db, at(3600))).toBe(1);
    expect((await peek(t.db, { ...rule, key: "new" }, at(7201))).count).toBe(1);
  });
});

describe("slots", () => {
  const slots = { key: "downloads:u1", limit: 2, leaseSeconds: 60 };

  it("holds each slot by its own lease: one renewed stays taken, one left for its lease is free", async () => {
    const a = await acquireSlot(t.db, slots, at(0));
    const b = await acquireSlot(t.db, slots, at(50));
    expect([a, b]).toEqual(["downloads:u1:0", "downloads:u1:1"]);
    expect(await acquireSlot(t.db, slots, at(55))).toBeNull();
    await renewSlot(t.db, a!, at(58));
    // A (renewed at 58) is still held at 70; B (taken at 50, never renewed) is too.
    expect(await acquireSlot(t.db, slots, at(70))).toBeNull();
    // At 111 B's lease has run out, A's has not.
    expect(await acquireSlot(t.db, slots, at(111))).toBe("downloads:u1:1");
    await releaseSlot(t.db, a!);
    expect(await acquireSlot(t.db, slots, at(112))).toBe("downloads:u1:0");
  });
});

describe("the counters' table", () => {
  it("is unlogged: a hit commits without waiting for the disk", async () => {
    const [table] = await selectRows<{ relpersistence: string }>(
      t.db,
      sql`select relpersistence from pg_class where relname = 'rate_limits'`,
    );
    expect(table?.relpersistence).toBe("u");
  });
});
