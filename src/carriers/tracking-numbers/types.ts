/** Why a tracking number was refused; stable values the GraphQL layer exposes as an enum. */
export type TrackingNumberErrorCode =
  | "EMPTY"
  | "INVALID_CHARACTERS"
  | "TOO_LONG"
  | "NO_KNOWN_FORMAT"
  | "CHECK_DIGIT_MISMATCH"
  | "CARRIER_MISMATCH";

/** One problem with a tracking number; `message` names what is wrong. */
export interface TrackingNumberError {
  code: TrackingNumberErrorCode;
  message: string;
}

/**
 * Why an accepted number deserves a second look. Warning codes are error codes (one GraphQL
 * enum) that describe a doubt rather than a certainty: today only NO_KNOWN_FORMAT.
 */
export type TrackingNumberWarningCode = Extract<TrackingNumberErrorCode, "NO_KNOWN_FORMAT">;

/** A doubt about a number that is still valid; `message` says what to check. */
export interface TrackingNumberWarning {
  code: TrackingNumberWarningCode;
  message: string;
}

/** One tracking-number format of a carrier. */
export interface FormatInfo {
  /** Stable id ("ups", "s10", "sf_express"). */
  id: string;
  /** Display name ("UPS", "S10"). */
  name: string;
  hasCheckDigit: boolean;
  /** Checksum algorithm name ("mod10", "s10"), null when the format has none. */
  checksum: string | null;
  /** One valid example, when the data has one. */
  example: string | null;
}

/** A carrier that tracking numbers can belong to. */
export interface CarrierInfo {
  /** Stored carrier code ("ups", "china-post"). */
  code: string;
  name: string;
  /** Public tracking page for a number, null when the carrier has no stable deep link. */
  trackingUrl(trackingNumber: string): string | null;
  formats: FormatInfo[];
}

/** A carrier a number can belong to, with how sure we are. */
export interface CarrierMatch {
  carrier: CarrierInfo;
  /** Format name. */
  format: string;
  /** CHECKSUM_VALID: the check digit verified; NO_CHECKSUM: the format has none, pattern only. */
  checksum: "CHECKSUM_VALID" | "NO_CHECKSUM";
  /** 0..1; checksum-valid matches are always >= 0.5, pattern-only matches < 0.5. */
  confidence: number;
}

export interface DetectionResult {
  input: string;
  normalized: string | null;
  matches: CarrierMatch[];
  errors: TrackingNumberError[];
}

/** A number that passes a check digit, one typo away from what was entered. */
export interface Suggestion {
  trackingNumber: string;
  carrier: string;
  format: string;
}

export interface TrackingNumberCheck {
  /** False only when the number is certainly wrong (see docs/decisions/014). */
  valid: boolean;
  normalized: string | null;
  errors: TrackingNumberError[];
  /** Doubts about a valid number (no known format for the carrier); empty when invalid. */
  warnings: TrackingNumberWarning[];
  suggestions: Suggestion[];
  matches: CarrierMatch[];
}
