import type { FormatOutcome } from "./compiled-format.ts";
import { PIN_WEIGHT, runFormat } from "./compiled-format.ts";
import {
  CARRIER_COUNTRIES,
  CARRIER_RANK,
  CARRIERS,
  candidateFormats,
  FORMATS,
} from "./format-registry.ts";
import { normalizeTrackingNumber } from "./normalize.ts";
import type { CarrierInfo, CarrierMatch, DetectionResult, TrackingNumberError } from "./types.ts";

const COUNTRY_NAMES = new Map<string, string>();
for (const f of FORMATS) {
  if (f.carrier !== null) continue;
  // The S10 format's own table names the country of every code it accepts.
  for (const [code, name] of f.countryNames) COUNTRY_NAMES.set(code, name);
}
const GENERIC_POSTS = new Map<string, CarrierInfo>();

/** The carrier an outcome names, unlisted S10 posts named after their country. */
export function carrierInfo(outcome: FormatOutcome): CarrierInfo {
  const base = CARRIERS.get(outcome.carrier)!;
  if (outcome.carrier !== "upu-s10" || outcome.country === null) return base;
  let info = GENERIC_POSTS.get(outcome.country);
  if (info === undefined) {
    const country = COUNTRY_NAMES.get(outcome.country) ?? outcome.country;
    info = { ...base, name: `National post of ${country}` };
    GENERIC_POSTS.set(outcome.country, info);
  }
  return info;
}

/** Every format outcome for a normalized number, failed checksums included. */
export function outcomesFor(normalized: string): FormatOutcome[] {
  const out: FormatOutcome[] = [];
  const candidates = candidateFormats(normalized);
  for (let i = 0; i < candidates.length; i++) {
    const o = runFormat(candidates[i]!, normalized);
    if (o !== null) out.push(o);
  }
  return out;
}

/** What is known about a shipment besides its number: ISO 3166-1 alpha-2 codes, any case. */
export interface DetectionContext {
  originCountry?: string;
  destinationCountry?: string;
}

function operatesIn(carrier: string, country: string | null): boolean {
  if (country === null) return false;
  const countries = CARRIER_COUNTRIES.get(carrier);
  return countries === "worldwide" || (countries?.has(country) ?? false);
}

function countryOf(code: string | undefined): string | null {
  const c = code?.trim().toUpperCase();
  return c ? c : null;
}

/**
 * Sort scores within a checksum band: confidence, where a carrier operating in the origin
 * country counts like one more pinned character and one operating in the destination like
 * half of one (decision 014), so context reorders equally plausible matches but never
 * outweighs a clearly more specific format. A verified check digit still always ranks first.
 */
function rankScores(
  matches: readonly CarrierMatch[],
  origin: string | null,
  destination: string | null,
): number[] {
  return matches.map((m) => {
    const pin = m.checksum === "CHECKSUM_VALID" ? PIN_WEIGHT.checksum : PIN_WEIGHT.pattern;
    let score = m.confidence;
    if (operatesIn(m.carrier.code, origin)) score += pin;
    if (operatesIn(m.carrier.code, destination)) score += pin / 2;
    // Rounded like confidences, so 0.15 + 0.04 ties with 0.19 instead of losing by 1e-17.
    return Math.round(score * 1000) / 1000;
  });
}

/** Matches from outcomes: failed checksums dropped, one entry per carrier (its best format). */
export function matchesFrom(
  outcomes: readonly FormatOutcome[],
  context?: DetectionContext,
): CarrierMatch[] {
  const matches: CarrierMatch[] = [];
  // listed_after of the format behind each match, kept apart so CarrierMatch stays as exposed;
  // allocated only when such a format matches (rare), to keep the hot path allocation-free.
  let after: (string | null)[] | null = null;
  for (const o of outcomes) {
    if (o.checksum === "CHECKSUM_FAILED") continue;
    const confidence = o.format.confidence;
    const existing = matches.findIndex((m) => m.carrier.code === o.carrier);
    if (existing >= 0 && matches[existing]!.confidence >= confidence) continue;
    const index = existing >= 0 ? existing : matches.length;
    matches[index] = {
      carrier: carrierInfo(o),
      format: o.format.name,
      checksum: o.checksum,
      confidence,
    };
    if (after !== null || o.format.listedAfter !== null) {
      after ??= [];
      after[index] = o.format.listedAfter;
    }
  }
  if (matches.length < 2) return matches;
  const origin = countryOf(context?.originCountry);
  const destination = countryOf(context?.destinationCountry);
  // Bands never overlap, so without context confidence alone orders them (decision 014).
  if (after === null && origin === null && destination === null) return matches.sort(byConfidence);
  return ranked(matches, after ?? [], origin, destination);
}

function byConfidence(a: CarrierMatch, b: CarrierMatch): number {
  return (
    b.confidence - a.confidence ||
    (CARRIER_RANK.get(a.carrier.code) ?? 0) - (CARRIER_RANK.get(b.carrier.code) ?? 0)
  );
}

const verifiedFirst = (m: CarrierMatch) => (m.checksum === "CHECKSUM_VALID" ? 0 : 1);

function ranked(
  matches: CarrierMatch[],
  after: readonly (string | null | undefined)[],
  origin: string | null,
  destination: string | null,
): CarrierMatch[] {
  const score = rankScores(matches, origin, destination);
  const rank = (i: number) => CARRIER_RANK.get(matches[i]!.carrier.code) ?? 0;
  const order = matches
    .map((_, i) => i)
    .sort(
      (a, b) =>
        verifiedFirst(matches[a]!) - verifiedFirst(matches[b]!) ||
        score[b]! - score[a]! ||
        rank(a) - rank(b),
    );
  // A format that reads another carrier's numbers goes right behind that carrier's match.
  for (let i = 0; i < order.length; i++) {
    const target = after[order[i]!];
    if (target === null || target === undefined) continue;
    const j = order.findIndex((k) => matches[k]!.carrier.code === target);
    if (j > i) {
      order.splice(j, 0, order.splice(i, 1)[0]!);
      i--;
    }
  }
  return order.map((i) => matches[i]!);
}

/**
 * Carriers a number can belong to, best first; empty when it is malformed or unknown. The
 * shipment's origin and destination countries, when known, rank carriers operating there
 * above equally plausible ones that do not.
 */
export function detectCarrier(trackingNumber: string, context?: DetectionContext): CarrierMatch[] {
  const n = normalizeTrackingNumber(trackingNumber);
  return "error" in n ? [] : matchesFrom(outcomesFor(n.normalized), context);
}

function noFormat(normalized: string): TrackingNumberError {
  return {
    code: "NO_KNOWN_FORMAT",
    message: `"${normalized}" matches no known tracking-number format (or its check digit is wrong for every format it resembles).`,
  };
}

/** Detects many numbers (one shipment context for all); results keep the input order. */
export function detectCarriers(
  trackingNumbers: readonly string[],
  context?: DetectionContext,
): DetectionResult[] {
  const results: DetectionResult[] = new Array(trackingNumbers.length);
  for (let i = 0; i < trackingNumbers.length; i++) {
    const input = trackingNumbers[i]!;
    const n = normalizeTrackingNumber(input);
    if ("error" in n) {
      results[i] = { input, normalized: null, matches: [], errors: [n.error] };
      continue;
    }
    const matches = matchesFrom(outcomesFor(n.normalized), context);
    const errors = matches.length === 0 ? [noFormat(n.normalized)] : [];
    results[i] = { input, normalized: n.normalized, matches, errors };
  }
  return results;
}
