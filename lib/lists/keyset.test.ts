import { describe, expect, it } from "vitest";
import {
  containsPattern,
  decodeCursor,
  encodeCursor,
  escapeLike,
  keyset,
  keysetPage,
} from "./keyset";

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

describe("search patterns", () => {
  it("match what was typed literally", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(containsPattern("a_b")).toBe("%a\\_b%");
  });
});
