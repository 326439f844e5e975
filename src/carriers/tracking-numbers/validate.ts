import { matchesFrom, outcomesFor } from "./detect.ts";
import { CARRIERS } from "./format-registry.ts";
import { normalizeTrackingNumber } from "./normalize.ts";
import { suggestCorrections } from "./suggest.ts";
import type { CarrierMatch, TrackingNumberCheck, TrackingNumberError } from "./types.ts";

function names(matches: readonly CarrierMatch[]): string {
  return matches.map((m) => `${m.carrier.name} (${m.carrier.code})`).join(", ");
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
      message: `"${normalized}" has the shape of a ${info.name} ${failed[0]!.format.name} number but its check digit is wrong; it was probably mistyped.`,
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
