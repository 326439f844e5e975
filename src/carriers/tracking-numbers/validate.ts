import type { CompiledFormat } from "./compiled-format.ts";
import { carrierInfo, matchesFrom, outcomesFor } from "./detect.ts";
import { CARRIERS, FORMATS_BY_CARRIER } from "./format-registry.ts";
import { normalizeTrackingNumber } from "./normalize.ts";
import { suggestCorrections } from "./suggest.ts";
import type {
  CarrierMatch,
  TrackingNumberCheck,
  TrackingNumberError,
  TrackingNumberWarning,
} from "./types.ts";

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
 * Checks a number against one carrier, refusing only what is certainly wrong (decision 014):
 * - invalid: empty, over-long, a character no tracking number has (normalization errors);
 * - invalid, CHECK_DIGIT_MISMATCH: it has the shape of one of this carrier's check-digit
 *   formats (S10 included for posts) and fails that check digit, with corrections suggested;
 * - invalid, CARRIER_MISMATCH: none of this carrier's formats fits and another carrier's does
 *   with a verified check digit, or the carrier code is unknown;
 * - valid: it fits one of this carrier's formats;
 * - valid with a NO_KNOWN_FORMAT warning: anything else. A shape we do not know may be a
 *   format we have not learnt yet (FedEx's 20-digit numbers were refused before 2026-12), and
 *   a pattern-only lookalike of another carrier proves nothing.
 */
export function validateTrackingNumber(
  carrier: string,
  trackingNumber: string,
): TrackingNumberCheck {
  const n = normalizeTrackingNumber(trackingNumber);
  if ("error" in n) {
    return {
      valid: false,
      normalized: null,
      errors: [n.error],
      warnings: [],
      suggestions: [],
      matches: [],
    };
  }
  const normalized = n.normalized;
  const outcomes = outcomesFor(normalized);
  const matches = matchesFrom(outcomes);
  const check = (
    errors: TrackingNumberError[],
    warnings: TrackingNumberWarning[] = [],
    suggestions: TrackingNumberCheck["suggestions"] = [],
  ): TrackingNumberCheck => ({
    valid: errors.length === 0,
    normalized,
    errors,
    warnings,
    suggestions,
    matches,
  });
  const info = CARRIERS.get(carrier);
  if (info === undefined) {
    const looksLike = matches.length > 0 ? ` It matches ${names(matches)}.` : "";
    return check([
      { code: "CARRIER_MISMATCH", message: `Unknown carrier code "${carrier}".${looksLike}` },
    ]);
  }
  if (matches.some((m) => m.carrier.code === carrier)) return check([]);

  const own: readonly CompiledFormat[] = FORMATS_BY_CARRIER.get(carrier) ?? [];
  const failed = outcomes.find((o) => o.checksum === "CHECKSUM_FAILED" && own.includes(o.format));
  const verified = matches.filter((m) => m.checksum === "CHECKSUM_VALID");
  const errors: TrackingNumberError[] = [];
  if (failed !== undefined) {
    // The outcome's carrier, not the chosen one: an S10 number names its own post.
    const label = formatLabel(carrierInfo(failed).name, failed.format.name);
    errors.push({
      code: "CHECK_DIGIT_MISMATCH",
      message: `"${normalized}" has the shape of the ${label} format but its check digit is wrong; it was probably mistyped.`,
    });
  }
  if (verified.length > 0) {
    errors.push({
      code: "CARRIER_MISMATCH",
      message: `"${normalized}" fits no ${info.name} format but passes the check digit of ${names(verified)}.`,
    });
  }
  if (errors.length > 0) {
    const suggestions = failed === undefined ? [] : suggestCorrections(normalized, carrier);
    return check(errors, [], suggestions);
  }
  const lookalikes =
    matches.length > 0
      ? ` It looks like a number of ${names(matches)}, but no check digit confirms that.`
      : "";
  return check(
    [],
    [
      {
        code: "NO_KNOWN_FORMAT",
        message: `"${normalized}" matches no known ${info.name} format.${lookalikes} Accepted because carriers issue formats we do not know yet; check it against the label.`,
      },
    ],
  );
}
