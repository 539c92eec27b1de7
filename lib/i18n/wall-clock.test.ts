import { describe, expect, it } from "vitest";
import { instantOfWallClock, wallClockOf } from "./wall-clock";

describe("a wall-clock time in a person's time zone", () => {
  it("names the instant it is there, and back", () => {
    expect(instantOfWallClock("2026-11-29T14:30", "Europe/Berlin")?.toISOString()).toBe(
      "2026-11-29T13:30:00.000Z",
    );
    expect(instantOfWallClock("2026-07-01T09:00", "America/New_York")?.toISOString()).toBe(
      "2026-07-01T13:00:00.000Z",
    );
    expect(instantOfWallClock("2026-07-01T09:00", "UTC")?.toISOString()).toBe(
      "2026-07-01T09:00:00.000Z",
    );
    expect(wallClockOf(new Date("2026-11-29T13:30:00Z"), "Europe/Berlin")).toBe("2026-11-29T14:30");
  });

  it("reads the hour repeated in autumn as its first time, the hour skipped in spring in the offset before", () => {
    // Berlin: 2026-10-25 03:00 CEST becomes 02:00 CET; 2026-03-29 02:00 CET becomes 03:00 CEST.
    expect(instantOfWallClock("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(instantOfWallClock("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("is null for a day that does not exist, a malformed value or an unknown zone", () => {
    expect(instantOfWallClock("2026-04-31T10:00", "UTC")).toBeNull();
    expect(instantOfWallClock("2026-04-30T24:00", "UTC")).toBeNull();
    expect(instantOfWallClock("yesterday", "UTC")).toBeNull();
    expect(instantOfWallClock("2026-04-30T10:00", "Mars/Olympus")).toBeNull();
  });
});
