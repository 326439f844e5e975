import { matchesFrom, outcomesFor } from "./detect.ts";
import { CARRIERS } from "./format-registry.ts";
import { normalizeTrackingNumber } from "./normalize.ts";
import { suggestCorrections } from "./suggest.ts";
import type { CarrierMatch, TrackingNumberCheck, TrackingNumberError } from "./types.ts";

function names(matches: readonly CarrierMatch[]): string {
  return matches.map((m) => `${m.carrier.name} (${m.carrier.code})`).join(", ");
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
const firstWord = (s: string) => key(s.split(" ")[0] ?? "");

/**
 * How a message names one format of a carrier, saying the carrier once: most format names
 * already start with the brand ("UPS", "Canada Post (16)", "DHL E-Commerce (14)"), so prefixing
 * the carrier name gave "a UPS UPS number". Generic formats keep the prefix ("USPS S10").
 */
export function formatLabel(carrierName: string, formatName: string): string {
  if (key(carrierName).includes(key(formatName))) return carrierName;
  if (firstWord(formatName) === firstWord(carrierName)) return formatName;
  return `${carrierName} ${formatName}`;
}

/**
 * Checks a number against one carrier. Valid when it matches one of the carrier's formats with
 * a verified check digit, or a pattern-only format when that is all the carrier has.
 * An unknown carrier code is reported as CARRIER_MISMATCH (no extra error code), with `matches`
 * still saying what the number does look like.
 */
export function validateTrackingNumber(
  carrier: string,
  trackingNumber: string,
): TrackingNumberCheck {
  const n = normalizeTrackingNumber(trackingNumber);
  if ("error" in n) {
    return { valid: false, normalized: null, errors: [n.error], suggestions: [], matches: [] };
  }
  const normalized = n.normalized;
  const outcomes = outcomesFor(normalized);
  const matches = matchesFrom(outcomes);
  const result = (errors: TrackingNumberError[], suggestions = suggestionsNone) => ({
    valid: errors.length === 0,
    normalized,
    errors,
    suggestions,
    matches,
  });
  const info = CARRIERS.get(carrier);
  if (info === undefined) {
    const looksLike = matches.length > 0 ? ` It matches ${names(matches)}.` : "";
    return result([
      {
        code: "CARRIER_MISMATCH",
        message: `Unknown carrier code "${carrier}".${looksLike}`,
      },
    ]);
  }
  if (matches.some((m) => m.carrier.code === carrier)) return result([]);

  const errors: TrackingNumberError[] = [];
  const failed = outcomes.filter((o) => o.carrier === carrier && o.checksum === "CHECKSUM_FAILED");
  let suggestions = suggestionsNone;
  if (failed.length > 0) {
    suggestions = suggestCorrections(normalized, carrier);
    errors.push({
      code: "CHECK_DIGIT_MISMATCH",
      message: `"${normalized}" has the shape of the ${formatLabel(info.name, failed[0]!.format.name)} format but its check digit is wrong; it was probably mistyped.`,
    });
  }
  if (matches.length > 0) {
    errors.push({
      code: "CARRIER_MISMATCH",
      message: `"${normalized}" is not a ${info.name} number; it matches ${names(matches)}.`,
    });
  }
  if (errors.length === 0) {
    errors.push({
      code: "NO_KNOWN_FORMAT",
      message: `"${normalized}" matches no ${info.name} format and no other known format.`,
    });
  }
  return result(errors, suggestions);
}

const suggestionsNone: TrackingNumberCheck["suggestions"] = [];
