/**
 * Calendar days as integers (days since 1970-01-01): the estimator counts, compares and adds
 * days millions of times per fit, and integers make that cheap and time-zone free.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** The calendar day an instant falls on at a UTC offset (minutes east of UTC). */
export function dayAtOffset(instant: Date, offsetMinutes: number): Day {
  return Math.floor((instant.getTime() + offsetMinutes * 60_000) / MS_PER_DAY);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in an IANA time zone. */
export function dayInZone(instant: Date, timeZone: string): Day {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    zoneFormats.set(timeZone, format);
  }
  return dayOfIso(format.format(instant));
}

/** "2026-11-20" -> Day; NaN for anything else. */
export function dayOfIso(text: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return Number.NaN;
  return Math.floor(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) / MS_PER_DAY);
}

/** Day -> "2026-11-20". */
export function isoOfDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The calendar year of a day. */
export function yearOfDay(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
