import type { EventLocation } from "../vocabulary/index.ts";

/** ISO 3166 alpha-3 -> alpha-2 for the countries cross-border parcels mostly touch. */
const ALPHA3: Readonly<Record<string, string>> = {
  USA: "US",
  CAN: "CA",
  MEX: "MX",
  BRA: "BR",
  GBR: "GB",
  IRL: "IE",
  DEU: "DE",
  FRA: "FR",
  ESP: "ES",
  ITA: "IT",
  NLD: "NL",
  BEL: "BE",
  AUT: "AT",
  CHE: "CH",
  POL: "PL",
  SWE: "SE",
  NOR: "NO",
  DNK: "DK",
  FIN: "FI",
  PRT: "PT",
  CZE: "CZ",
  HUN: "HU",
  ROU: "RO",
  GRC: "GR",
  ISR: "IL",
  TUR: "TR",
  ARE: "AE",
  SAU: "SA",
  IND: "IN",
  CHN: "CN",
  HKG: "HK",
  MAC: "MO",
  TWN: "TW",
  JPN: "JP",
  KOR: "KR",
  SGP: "SG",
  MYS: "MY",
  THA: "TH",
  VNM: "VN",
  PHL: "PH",
  IDN: "ID",
  AUS: "AU",
  NZL: "NZ",
  ZAF: "ZA",
  CHL: "CL",
  COL: "CO",
  ARG: "AR",
  PER: "PE",
};

/** Upper-case alpha-2 from an alpha-2 or alpha-3 code; null when neither. */
export function countryAlpha2(code: string | undefined): string | null {
  if (!code) return null;
  const upper = code.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return upper;
  return ALPHA3[upper] ?? null;
}

/** A location with only the members the carrier filled in; undefined when it said nothing. */
export function eventLocation(parts: {
  city?: string | undefined;
  region?: string | undefined;
  postalCode?: string | undefined;
  country?: string | undefined;
}): EventLocation | undefined {
  const location: EventLocation = {};
  if (parts.city) location.city = parts.city;
  if (parts.region) location.region = parts.region;
  if (parts.postalCode) location.postalCode = parts.postalCode;
  const countryCode = countryAlpha2(parts.country);
  if (countryCode) location.countryCode = countryCode;
  return Object.keys(location).length > 0 ? location : undefined;
}
