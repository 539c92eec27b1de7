import { describe, expect, it } from "vitest";
import {
  containsPattern,
  decodeCursor,
  encodeCursor,
  escapeLike,
  keyset,
  keysetPage,
  keysetPaging,
  pageRange,
} from "./keyset";
import { invitations } from "@/db/schema";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const row = (n: number) => ({ n, at: new Date(Date.UTC(2026, 0, 1, 0, n)), id: id(n) });
const cursorOf = (r: ReturnType<typeof row>) => ({ at: r.at, id: r.id });

describe("list cursors", () => {
  it("round-trip a position and ignore anything that is not one", () => {
    const cursor = cursorOf(row(7));
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
    expect(
      decodeCursor(Buffer.from("2026-01-01T00:00:00Z|1 or 1=1").toString("base64url")),
    ).toBeNull();
  });

  it("read a newest-first list backwards from a page's first row when going back", () => {
    const before = encodeCursor(cursorOf(row(5)));
    expect(keyset({ before }, "newest")).toMatchObject({ backward: true, descending: false });
    expect(keyset({ before }, "oldest")).toMatchObject({ backward: true, descending: true });
    expect(keyset({}, "newest")).toMatchObject({ cursor: null, backward: false, descending: true });
  });
});

describe("a keyset page", () => {
  it("offers Next only when a row beyond the page was fetched, and Previous only past the start", () => {
    const first = keysetPage([row(9), row(8), row(7)], 2, keyset({}, "newest"), cursorOf);
    expect(first.rows.map((r) => r.n)).toEqual([9, 8]);
    expect(decodeCursor(first.nextCursor!)).toEqual(cursorOf(row(8)));
    expect(first.previousCursor).toBeNull();

    const last = keysetPage([row(7)], 2, keyset({ after: first.nextCursor! }, "newest"), cursorOf);
    expect(last.nextCursor).toBeNull();
    expect(decodeCursor(last.previousCursor!)).toEqual(cursorOf(row(7)));
  });

  it("puts rows read backwards back in the list's order", () => {
    const ks = keyset({ before: encodeCursor(cursorOf(row(5))) }, "newest");
    // Read ascending from the cursor: 6, 7, 8 (8 only says there is more before).
    const page = keysetPage([row(6), row(7), row(8)], 2, ks, cursorOf);
    expect(page.rows.map((r) => r.n)).toEqual([7, 6]);
    expect(decodeCursor(page.nextCursor!)).toEqual(cursorOf(row(6)));
    expect(decodeCursor(page.previousCursor!)).toEqual(cursorOf(row(7)));
    const start = keysetPage([row(6), row(7)], 2, ks, cursorOf);
    expect(start.previousCursor).toBeNull();
  });
});

describe("a keyset list's paging", () => {
  const key = { at: invitations.lastSentAt, id: invitations.id };
  it("reads one row more than a page, past the cursor only when there is one", () => {
    const first = keysetPaging({}, { key, order: "newest", size: 2 });
    expect(first).toMatchObject({ limit: 3, where: undefined, descending: true });
    const after = encodeCursor(cursorOf(row(8)));
    const next = keysetPaging({ after }, { key, order: "newest", size: 2 });
    expect(next.where).toBeDefined();
    const page = next.page([row(7), row(6), row(5)], cursorOf);
    expect(page.rows.map((r) => r.n)).toEqual([7, 6]);
    expect(decodeCursor(page.previousCursor!)).toEqual(cursorOf(row(7)));
  });
});

describe("where a page stands in the list", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));
  it("counts from the first row on the first page, whatever the address says", () => {
    expect(pageRange({ from: 51 }, { rows: rows(25), previousCursor: null })).toEqual({
      first: 1,
      last: 25,
      next: 26,
      previous: 1,
    });
  });

  it("counts a later page from its position, and Previous from a page before", () => {
    const after = encodeCursor(cursorOf(row(1)));
    expect(pageRange({ after, from: 26 }, { rows: rows(25), previousCursor: after })).toEqual({
      first: 26,
      last: 50,
      next: 51,
      previous: 1,
    });
    expect(
      pageRange({ before: after, from: 51 }, { rows: rows(3), previousCursor: after }),
    ).toEqual({ first: 51, last: 53, next: 54, previous: 26 });
  });
});

describe("search patterns", () => {
  it("match what was typed literally", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
  });
});
