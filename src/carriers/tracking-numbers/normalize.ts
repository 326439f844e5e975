import { MAX_TRACKING_NUMBER_LENGTH } from "./format-registry.ts";
import type { TrackingNumberError } from "./types.ts";

// Separators people and spreadsheets put inside numbers: whitespace, dashes of every width,
// and invisible characters (zero-width, BOM, soft hyphen, word joiner, NBSP...).
const REMOVABLE = /[\s\u00AD\u180E\u200B-\u200F\u2010-\u2015\u2060-\u2064\uFEFF\u2212-]/;
const REMOVABLE_ALL = new RegExp(REMOVABLE.source, "g");

function describe(ch: string): string {
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return `"${ch}" (U+${hex})`;
}

/**
 * Upper-cases and strips separators; refuses empty, over-long or non-alphanumeric input.
 * Compatibility forms are folded first (NFKC): Chinese and Japanese keyboards and spreadsheets
 * produce full-width digits and letters ("１Ｚ５Ｒ…") and a full-width hyphen, which are the
 * same characters to the seller and must not be refused.
 */
export function normalizeTrackingNumber(
  input: string,
): { normalized: string } | { error: TrackingNumberError } {
  let out = "";
  let fast = true;
  // Fast path: plain ASCII letters and digits need no regex and no Unicode handling.
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) continue;
    if (c >= 97 && c <= 122) continue;
    fast = false;
    break;
  }
  if (fast) {
    out = input.toUpperCase();
  } else {
    const stripped = input.normalize("NFKC").replace(REMOVABLE_ALL, "");
    let position = 0;
    for (const ch of stripped) {
      position++;
      const c = ch.charCodeAt(0);
      const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (!ok) {
        return {
          error: {
            code: "INVALID_CHARACTERS",
            message: `Tracking numbers contain only letters A-Z and digits; found ${describe(ch)} at position ${position} (after removing spaces and dashes).`,
          },
        };
      }
    }
    out = stripped.toUpperCase();
  }
  if (out.length === 0) {
    return { error: { code: "EMPTY", message: "The tracking number is empty." } };
  }
  if (out.length > MAX_TRACKING_NUMBER_LENGTH) {
    return {
      error: {
        code: "TOO_LONG",
        message: `The tracking number has ${out.length} characters; no known format is longer than ${MAX_TRACKING_NUMBER_LENGTH}.`,
      },
    };
  }
  return { normalized: out };
}
