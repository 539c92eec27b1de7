import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/tests/helpers/db";
import { hit, peek, prune, reset } from "./service";

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
