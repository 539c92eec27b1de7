/**
 * Time zones and how dates and times are written: in the reader's own zone,
 * always labelled with it. Dependency-free, so the browser reads it too.
 */

/** Where a reader has no time zone of their own (visitors, users before their first sign-in). */
export const DEFAULT_TIME_ZONE = "UTC";

/** Whether the runtime knows this IANA zone name ("Europe/Berlin", "UTC"). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Every zone a reader may choose, as the runtime lists them. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

/**
 * The app's named formats (next-intl `formats.dateTime`): `moment` for an
 * instant, with its zone ("Nov 29, 2026, 8:21 PM GMT+1"); `day` for the day of
 * an instant; `calendarDay` for a date that is no instant (a contract's start),
 * which no zone may shift to the day before.
 */
export const DATE_TIME_FORMATS = {
  moment: {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  },
  day: { year: "numeric", month: "short", day: "numeric" },
  calendarDay: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
