import type { FormatOutcome } from "./compiled-format.ts";
import { runFormat } from "./compiled-format.ts";
import { CARRIER_RANK, CARRIERS, candidateFormats, FORMATS } from "./format-registry.ts";
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

function byRank(a: CarrierMatch, b: CarrierMatch): number {
  return (
    b.confidence - a.confidence ||
    (CARRIER_RANK.get(a.carrier.code) ?? 0) - (CARRIER_RANK.get(b.carrier.code) ?? 0)
  );
}

/** Matches from outcomes: failed checksums dropped, one entry per carrier (its best format). */
export function matchesFrom(outcomes: readonly FormatOutcome[]): CarrierMatch[] {
  const matches: CarrierMatch[] = [];
  // listed_after of the format behind each match, kept apart so CarrierMatch stays as exposed.
  const after: (string | null)[] = [];
  for (const o of outcomes) {
    if (o.checksum === "CHECKSUM_FAILED") continue;
    const confidence = o.format.confidence;
    const existing = matches.findIndex((m) => m.carrier.code === o.carrier);
    if (existing >= 0 && matches[existing]!.confidence >= confidence) continue;
    const match: CarrierMatch = {
      carrier: carrierInfo(o),
      format: o.format.name,
      checksum: o.checksum,
      confidence,
    };
    if (existing >= 0) {
      matches[existing] = match;
      after[existing] = o.format.listedAfter;
    } else {
      matches.push(match);
      after.push(o.format.listedAfter);
    }
  }
  return matches.length > 1 ? ranked(matches, after) : matches;
}

function ranked(matches: CarrierMatch[], after: (string | null)[]): CarrierMatch[] {
  const order = matches.map((_, i) => i).sort((a, b) => byRank(matches[a]!, matches[b]!));
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

/** Carriers a number can belong to, best first; empty when it is malformed or unknown. */
export function detectCarrier(trackingNumber: string): CarrierMatch[] {
  const n = normalizeTrackingNumber(trackingNumber);
  return "error" in n ? [] : matchesFrom(outcomesFor(n.normalized));
}

function noFormat(normalized: string): TrackingNumberError {
  return {
    code: "NO_KNOWN_FORMAT",
    message: `"${normalized}" matches no known tracking-number format (or its check digit is wrong for every format it resembles).`,
  };
}

/** Detects many numbers; results keep the input order. */
export function detectCarriers(trackingNumbers: readonly string[]): DetectionResult[] {
  const results: DetectionResult[] = new Array(trackingNumbers.length);
  for (let i = 0; i < trackingNumbers.length; i++) {
    const input = trackingNumbers[i]!;
    const n = normalizeTrackingNumber(input);
    if ("error" in n) {
      results[i] = { input, normalized: null, matches: [], errors: [n.error] };
      continue;
    }
    const matches = matchesFrom(outcomesFor(n.normalized));
    const errors = matches.length === 0 ? [noFormat(n.normalized)] : [];
    results[i] = { input, normalized: n.normalized, matches, errors };
  }
  return results;
}
