/** An instant together with the UTC offset it was reported in: carriers scan in local time. */
export interface ZonedTime {
  instant: Date;
  offsetMinutes: number;
}

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Parses ISO-8601 that carries an offset; a local time without one is ambiguous and refused. */
export function parseZonedTime(text: string): ZonedTime | null {
  const match = ISO_WITH_OFFSET.exec(text.trim());
  if (!match) return null;
  const zone = match[8]!.toUpperCase();
  const offsetMinutes = zone === "Z" ? 0 : parseOffset(zone);
  if (Math.abs(offsetMinutes) > 14 * 60) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "0"] = match;
  const localMs = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s, Math.floor(+`0.${frac}` * 1000));
  const local = new Date(localMs);
  // Date.UTC rolls 2026-02-30 over to March; a rolled date is a typo, not a time.
  if (local.getUTCDate() !== +d! || local.getUTCMonth() !== +mo! - 1 || +h! > 23 || +mi! > 59) {
    return null;
  }
  return { instant: new Date(localMs - offsetMinutes * 60_000), offsetMinutes };
}

function parseOffset(zone: string): number {
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return zone.startsWith("-") ? -minutes : minutes;
}

/** "2026-03-02T14:05:00+08:00": the wall-clock time at the scan, with its offset. */
export function formatZonedTime({ instant, offsetMinutes }: ZonedTime): string {
  const local = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString();
  const wallClock = local.endsWith(".000Z") ? local.slice(0, 19) : local.slice(0, 23);
  if (offsetMinutes === 0) return `${wallClock}Z`;
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${wallClock}${sign}${hh}:${mm}`;
}
