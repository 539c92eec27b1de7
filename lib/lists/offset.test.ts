import { describe, expect, it } from "vitest";
import { offsetPage, offsetPosition, offsetRange } from "./offset";
import { z } from "zod";

describe("offsetRange", () => {
  it("starts at the first row without a start", () => {
    expect(offsetRange(undefined, 60, 25)).toEqual({
      offset: 0,
      first: 1,
      last: 25,
      previous: null,
      next: 26,
    });
  });

  it("goes forward and back one page from where the reader is", () => {
    expect(offsetRange(26, 60, 25)).toMatchObject({ first: 26, last: 50, previous: 1, next: 51 });
    expect(offsetRange(51, 60, 25)).toMatchObject({
      first: 51,
      last: 60,
      previous: 26,
      next: null,
    });
    // A start that is not a page boundary still goes back a whole page, never before row 1.
    expect(offsetRange(10, 60, 25)).toMatchObject({ first: 10, last: 34, previous: 1, next: 35 });
  });

  it("shows the last page for a start past the end", () => {
    expect(offsetRange(500, 60, 25)).toMatchObject({ offset: 50, first: 51, last: 60 });
    expect(offsetRange(51, 50, 25)).toMatchObject({ first: 26, last: 50, next: null });
    // A start within the list stays where it is, even on the last page.
    expect(offsetRange(28, 50, 25)).toMatchObject({ first: 28, last: 50, previous: 3 });
  });

  it("has no rows and no neighbours for an empty list", () => {
    expect(offsetRange(26, 0, 25)).toEqual({
      offset: 0,
      first: 1,
      last: 0,
      previous: null,
      next: null,
    });
  });

  it("reads a start from the URL, and ignores one that is no row number", () => {
    const params = z.object(offsetPosition);
    expect(params.parse({ from: "26" }).from).toBe(26);
    expect(params.parse({ from: "0" }).from).toBeUndefined();
    expect(params.parse({ from: "-3" }).from).toBeUndefined();
    expect(params.parse({ from: "abc" }).from).toBeUndefined();
  });
});

describe("offsetPage", () => {
  it("reads the page of the tab shown, counted among that tab's rows", async () => {
    const counts = { all: 60, active: 30, ended: 30 };
    const asked: { limit: number; offset: number }[] = [];
    const page = await offsetPage({ status: "active" as const, from: 26 }, counts, {
      size: 25,
      rows: (window) => {
        asked.push(window);
        return Promise.resolve(["row"]);
      },
    });
    expect(asked).toEqual([{ limit: 25, offset: 25 }]);
    expect(page).toMatchObject({
      rows: ["row"],
      counts,
      total: 30,
      range: { first: 26, last: 30 },
    });
  });
});
