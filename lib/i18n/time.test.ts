import { describe, expect, it } from "vitest";
import { DATE_TIME_FORMATS, isTimeZone, timeZones } from "./time";

describe("time zones", () => {
  it("knows the runtime's zones and nothing else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
    expect(timeZones()).toEqual(expect.arrayContaining(["UTC", "America/New_York"]));
  });

  it("writes an instant in the reader's zone, labelled; a calendar day never shifts", () => {
    const at = new Date("2026-03-01T23:30:00Z");
    const berlin = new Intl.DateTimeFormat("en-US", {
      ...DATE_TIME_FORMATS.moment,
      timeZone: "Europe/Berlin",
    }).format(at);
    expect(berlin).toBe("Mar 2, 2026, 12:30 AM GMT+1");
    const day = new Date("2026-03-01T00:00:00Z");
    expect(new Intl.DateTimeFormat("en-US", { ...DATE_TIME_FORMATS.calendarDay }).format(day)).toBe(
      "Mar 1, 2026",
    );
  });
});
