/**
 * A `datetime-local` field's value ("2026-11-29T14:30") is a wall-clock time
 * with no zone: the person means it in their own time zone, the one every
 * time on the page is shown in. This finds the instant it names there.
 */

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time names in `timeZone`, or null when the value is
 * no such time (a 31st of April) or no such zone.
 */
export function instantOfWallClock(value: string, timeZone: string): Date | null {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  try {
    // Around a change of the clocks the zone has two offsets: a time that fits
    // both (the hour repeated in autumn) is its first occurrence; one that fits
    // neither (the hour skipped in spring) reads in the offset before the change.
    const DAY = 24 * 60 * 60 * 1000;
    const before = offsetAt(wall - DAY, timeZone);
    const after = offsetAt(wall + DAY, timeZone);
    const fits = [wall - before, wall - after]
      .filter((instant) => instant + offsetAt(instant, timeZone) === wall)
      .sort((a, b) => a - b);
    return new Date(fits[0] ?? wall - before);
  } catch {
    return null;
  }
}

/** An instant as a `datetime-local` value in `timeZone`: the field's starting value. */
export function wallClockOf(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
