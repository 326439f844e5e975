import type { RawCarrierEvent } from "./types.ts";

/** ISO-8601 date-time that carries its UTC offset ("Z" or "+hh:mm"). */
export const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * Reads the offset spellings carriers use ("+08:00", "+0800", "-5", "GMT+08:00",
 * "UTC+8", "UTC", "Z") into "Z" or "+hh:mm"; null when it is not an offset.
 */
export function parseOffset(text: string): string | null {
  const t = text.trim().toUpperCase();
  if (t === "Z" || t === "UTC" || t === "GMT") return "Z";
  const m = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? "0");
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${pad(hours)}:${pad(minutes)}`;
}

/** Joins a local wall-clock time ("2026-03-02T14:05:00" or with a space) and an offset. */
export function withOffset(localDateTime: string, offset: string): string | null {
  const local = localDateTime.trim().replace(" ", "T");
  const parsedOffset = parseOffset(offset);
  if (!LOCAL_DATE_TIME.test(local) || parsedOffset === null) return null;
  const iso = `${local}${parsedOffset}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** Keeps an ISO timestamp's own offset (normalizing "+0800" to "+08:00"); null without one. */
export function isoKeepingOffset(text: string): string | null {
  const m = /^(.*?)(Z|[+-]\d{2}:?\d{2})$/i.exec(text.trim().replace(" ", "T"));
  if (!m?.[1] || !m[2]) return null;
  return withOffset(m[1], m[2]);
}

/** UPS-style compact parts: date "YYYYMMDD", time "HHMMSS" (or "HHMM"). */
export function localFromCompact(date: string, time: string): string | null {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date.trim());
  const t = /^(\d{2})(\d{2})(\d{2})?$/.exec(time.trim());
  if (!d || !t) return null;
  return `${d[1]}-${d[2]}-${d[3]}T${t[1]}:${t[2]}:${t[3] ?? "00"}`;
}

/**
 * Countries with one civil time zone and no daylight saving, so a local time there
 * has exactly one offset. Anything else is ambiguous (see docs/decisions/021).
 */
const FIXED_OFFSET_COUNTRIES: Readonly<Record<string, string>> = {
  CN: "+08:00",
  HK: "+08:00",
  MO: "+08:00",
  TW: "+08:00",
  SG: "+08:00",
  MY: "+08:00",
  PH: "+08:00",
  JP: "+09:00",
  KR: "+09:00",
  TH: "+07:00",
  VN: "+07:00",
  IN: "+05:30",
  AE: "+04:00",
  SA: "+03:00",
};

/** The offset of a country whose local time is unambiguous, else null. */
export function fixedOffsetOfCountry(countryCode: string | null | undefined): string | null {
  return countryCode ? (FIXED_OFFSET_COUNTRIES[countryCode.toUpperCase()] ?? null) : null;
}

/** Local time with the country's fixed offset when unambiguous, otherwise read as UTC. */
export function localWithCountryOrUtc(local: string, countryCode?: string | null): string | null {
  return withOffset(local, fixedOffsetOfCountry(countryCode) ?? "Z");
}

/** The offset text at the end of an ISO timestamp ("Z" or "+hh:mm"). */
export function offsetOf(iso: string): string {
  return /(Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? "";
}

/** Oldest first by instant, not by wall-clock text; stable for equal instants. */
export function sortByOccurredAt<T extends RawCarrierEvent>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
}

/**
 * The offset implied by a local wall-clock time and the same instant in UTC, rounded
 * to 15 minutes (every real offset is a multiple of it). USPS gives both, not the offset.
 */
export function withOffsetFromUtc(local: string, utcIso: string): string | null {
  const localAsUtc = Date.parse(`${local.trim().replace(" ", "T")}Z`);
  const utc = Date.parse(utcIso);
  if (Number.isNaN(localAsUtc) || Number.isNaN(utc)) return null;
  const minutes = Math.round((localAsUtc - utc) / 60_000 / 15) * 15;
  if (Math.abs(minutes) > 14 * 60) return null;
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return withOffset(local, `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`);
}
