import { describe, expect, it } from "vitest";
import { canonicalTimeZone, DATE_TIME_FORMATS, timeZones } from "./time";

describe("time zones", () => {
  it("knows the runtime's zones and nothing else", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    expect(canonicalTimeZone(42)).toBeNull();
    expect(timeZones()).toEqual(expect.arrayContaining(["UTC", "America/New_York"]));
  });

  it("stores a zone by the name the list offers, so the saved one is always a choice", () => {
    for (const zone of ["Europe/Kyiv", "Asia/Kolkata", "Etc/UTC", "America/New_York"])
      expect(timeZones()).toContain(canonicalTimeZone(zone));
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
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
