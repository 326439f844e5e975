/** An instant together with the UTC offset it was reported in: carriers scan in local time. */
export interface ZonedTime {
  instant: Date;
  offsetMinutes: number;
}

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Why a text is not a ZonedTime: not ISO-8601 with an offset, or a wall-clock time that does not exist. */
export type ZonedTimeProblem =
  | { kind: "format" }
  | { kind: "offset"; offset: string }
  | { kind: "no-such-date"; date: string; daysInMonth: number }
  | { kind: "no-such-time"; time: string };

/** Parses ISO-8601 that carries an offset, or says why the text is not one. */
export function parseZonedTimeOrProblem(
  text: string,
): { time: ZonedTime } | { problem: ZonedTimeProblem } {
  const match = ISO_WITH_OFFSET.exec(text.trim());
  if (!match) return { problem: { kind: "format" } };
  const zone = match[8]!.toUpperCase();
  const offsetMinutes = zone === "Z" ? 0 : parseOffset(zone);
  if (Math.abs(offsetMinutes) > 14 * 60) return { problem: { kind: "offset", offset: zone } };
  const [, y, mo, d, h, mi, s = "0", frac = "0"] = match;
  const daysInMonth = new Date(Date.UTC(+y!, +mo!, 0)).getUTCDate();
  // Date.UTC would roll 2026-02-30 over to March: a rolled date is a typo, not a time.
  if (+mo! < 1 || +mo! > 12 || +d! < 1 || +d! > daysInMonth) {
    return { problem: { kind: "no-such-date", date: `${y}-${mo}-${d}`, daysInMonth } };
  }
  if (+h! > 23 || +mi! > 59) return { problem: { kind: "no-such-time", time: `${h}:${mi}` } };
  const localMs = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s, Math.floor(+`0.${frac}` * 1000));
  return { time: { instant: new Date(localMs - offsetMinutes * 60_000), offsetMinutes } };
}

/** What to tell a client that sent `input`, e.g. that 2026-02-30 does not exist. */
export function describeZonedTimeProblem(input: unknown, problem: ZonedTimeProblem): string {
  const value = JSON.stringify(input);
  switch (problem.kind) {
    case "format":
      return `DateTime ${value} is not ISO-8601 with a UTC offset (e.g. 2026-03-02T14:05:00+08:00)`;
    case "offset":
      return `DateTime ${value} has UTC offset ${problem.offset}; offsets run from -14:00 to +14:00`;
    case "no-such-date": {
      const [year, month] = problem.date.split("-").map(Number);
      const why =
        month! < 1 || month! > 12
          ? `there is no month ${month}`
          : `${MONTHS[month! - 1]} ${year} has ${problem.daysInMonth} days`;
      return `DateTime ${value} is not a valid date: ${problem.date} does not exist (${why})`;
    }
    case "no-such-time":
      return `DateTime ${value} is not a valid time: ${problem.time} does not exist on a clock`;
  }
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Parses ISO-8601 that carries an offset; a local time without one is ambiguous and refused. */
export function parseZonedTime(text: string): ZonedTime | null {
  const parsed = parseZonedTimeOrProblem(text);
  return "time" in parsed ? parsed.time : null;
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
