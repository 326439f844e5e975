import Holidays, { type HolidaysTypes } from "date-holidays";
import { type Day, dayOfIso, isoWeekday, yearOfDay } from "./days.ts";

/** The working days of one country, or of one region (state, province) of it. */
export interface WorkCalendar {
  country: string;
  region: string | null;
  /** ISO weekdays nobody works (1 = Monday ... 7 = Sunday). */
  weekend: readonly number[];
  isWorkingDay(day: Day): boolean;
  /** The public holiday on that day, in the country's own language; null on other days. */
  holiday(day: Day): string | null;
  /** The holiday's name in `language` when the holiday library has it, else its own name. */
  holidayName(day: Day, language: string): string | null;
}

export interface CalendarBook {
  /** The calendar of a country and, when the holiday library knows it, one of its regions. */
  calendar(country: string, region?: string | null, weekend?: readonly number[]): WorkCalendar;
  /** Whether `code` names a country (ISO 3166-1 alpha-2). */
  isCountry(code: string): boolean;
  /** The country's main time zone, when the holiday library knows the country. */
  timeZone(country: string): string | null;
}

// Days off that carriers do not deliver on: statutory ones and bank holidays (Brazil's
// Carnaval is a bank holiday in the library; parcels do not move on it either).
const HOLIDAY_TYPES: HolidaysTypes.HolidayType[] = ["public", "bank"];

/** Weekends that are not Saturday and Sunday (ISO weekdays). */
const WEEKENDS: Readonly<Record<string, readonly number[]>> = {
  AF: [4, 5],
  BH: [5, 6],
  DZ: [5, 6],
  EG: [5, 6],
  IL: [5, 6],
  IQ: [5, 6],
  IR: [5],
  JO: [5, 6],
  KW: [5, 6],
  LY: [5, 6],
  OM: [5, 6],
  QA: [5, 6],
  SA: [5, 6],
  SY: [5, 6],
  YE: [5, 6],
};
const DEFAULT_WEEKEND = [6, 7] as const;

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * Calendars backed by date-holidays (national and regional holidays); each holiday year is
 * computed once per calendar, since the library takes milliseconds per year.
 */
export function createCalendarBook(): CalendarBook {
  const calendars = new Map<string, WorkCalendar>();
  const countries = new Holidays().getCountries();
  const zones: Record<string, string | null> = {};
  return {
    calendar(country, region, weekend) {
      const upper = country.toUpperCase();
      const known = region ? knownRegion(upper, region) : null;
      const days = weekend ?? WEEKENDS[upper] ?? DEFAULT_WEEKEND;
      const key = `${upper}|${known ?? ""}|${days.join("")}`;
      let calendar = calendars.get(key);
      if (!calendar) {
        calendar = buildCalendar(upper, known, days, Object.hasOwn(countries, upper));
        calendars.set(key, calendar);
      }
      return calendar;
    },
    timeZone: (country) => {
      const upper = country.toUpperCase();
      if (!Object.hasOwn(countries, upper)) return null;
      if (!(upper in zones)) zones[upper] = new Holidays(upper).getTimezones()[0] ?? null;
      return zones[upper] ?? null;
    },
    isCountry: (code) => /^[A-Z]{2}$/.test(code) && code !== "ZZ" && regionNames.of(code) !== code,
  };
}

const statesOf = new Map<string, Record<string, string>>();

/** The library's code of a region ("SP", "BA", "CA"), or null when it has none by that name. */
function knownRegion(country: string, region: string): string | null {
  let states = statesOf.get(country);
  if (!states) {
    states = new Holidays().getStates(country) ?? {};
    statesOf.set(country, states);
  }
  const code = region
    .trim()
    .toUpperCase()
    .replace(new RegExp(`^${country}-`), "");
  return Object.hasOwn(states, code) ? code : null;
}

function buildCalendar(
  country: string,
  region: string | null,
  weekend: readonly number[],
  hasHolidays: boolean,
): WorkCalendar {
  const options = { types: [...HOLIDAY_TYPES] };
  const library = !hasHolidays
    ? null
    : region
      ? new Holidays(country, region, options)
      : new Holidays(country, options);
  const years = new Map<number, Map<Day, string>>();
  const holidaysOf = (year: number) => {
    let days = years.get(year);
    if (!days) {
      days = new Map();
      for (const holiday of library?.getHolidays(year) ?? []) {
        if (!HOLIDAY_TYPES.includes(holiday.type)) continue;
        const day = dayOfIso(holiday.date);
        if (!days.has(day)) days.set(day, holiday.name);
      }
      years.set(year, days);
    }
    return days;
  };
  const weekendSet = new Set(weekend);
  const named = new Map<string, string | null>();
  const holiday = (day: Day) => holidaysOf(yearOfDay(day)).get(day) ?? null;
  return {
    country,
    region,
    weekend,
    holiday,
    isWorkingDay: (day) => !weekendSet.has(isoWeekday(day)) && holiday(day) === null,
    holidayName(day, language) {
      const own = holiday(day);
      if (own === null || !library) return own;
      const key = `${day}|${language}`;
      if (!named.has(key)) {
        const year = yearOfDay(day);
        const match = library.getHolidays(year, language).find((h) => dayOfIso(h.date) === day);
        named.set(key, match?.name ?? own);
      }
      return named.get(key) ?? own;
    },
  };
}
