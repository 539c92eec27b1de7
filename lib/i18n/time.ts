/**
 * Time zones and how dates and times are written: in the reader's own zone,
 * always labelled with it. Dependency-free, so the browser reads it too.
 */

/** Where a reader has no time zone of their own (visitors, users before their first sign-in). */
export const DEFAULT_TIME_ZONE = "UTC";

/**
 * The runtime's own name for an IANA zone ("Europe/Kyiv" may be "Europe/Kiev"
 * here), or null when it knows no such zone. Zones are stored by this name, so
 * the one a user has is always among those they may choose.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every zone a reader may choose, as the runtime names them, with UTC first. */
export function timeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
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
