/** Quiet hours in the buyer's time zone: a message due inside them waits for their end. */
export interface QuietHours {
  /** Minutes after local midnight; start > end spans midnight (21:00-08:00); equal means none. */
  startMinute: number;
  endMinute: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock minute of the day (0-1439) and second at `instant` in `timeZone`. */
function localClock(instant: Date, timeZone: string): { minute: number; second: number } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, format);
  }
  const part = (parts: Intl.DateTimeFormatPart[], type: string) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const parts = format.formatToParts(instant);
  return {
    minute: part(parts, "hour") * 60 + part(parts, "minute"),
    second: part(parts, "second"),
  };
}

export function inQuietHours(instant: Date, timeZone: string, quiet: QuietHours): boolean {
  const { startMinute: start, endMinute: end } = quiet;
  if (start === end) return false;
  const { minute } = localClock(instant, timeZone);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * When a message due at `due` may go: `due` itself outside quiet hours, else the end of the
 * quiet hours it falls in, in the buyer's zone. A daylight-saving change inside the night moves
 * the wall clock; one correction lands on the local end time again.
 */
export function releaseAt(due: Date, timeZone: string, quiet: QuietHours): Date {
  if (!inQuietHours(due, timeZone, quiet)) return due;
  const { minute, second } = localClock(due, timeZone);
  const minutesLeft = (quiet.endMinute - minute + 1440) % 1440;
  const start = due.getTime() - second * 1000 - (due.getTime() % 1000);
  let release = new Date(start + minutesLeft * 60_000);
  const drift = localClock(release, timeZone).minute - quiet.endMinute;
  if (drift !== 0) release = new Date(release.getTime() - drift * 60_000);
  return release;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
