/** Expected failures a client can act on; exceptions are for bugs (decision 006). */
export const USER_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "DUPLICATE",
  "INVALID_INPUT",
  "INVALID_TIMESTAMP",
  "FUTURE_EVENT",
  "INVALID_SUBSTATUS",
  "UNKNOWN_RAW_CODE",
  "INVALID_COUNTRY_CODE",
  "INVALID_COORDINATES",
  "ORDER_NOT_SHIPPABLE",
  "UNKNOWN_CARRIER",
  "EMPTY",
  "INVALID_CHARACTERS",
  "TOO_LONG",
  "NO_KNOWN_FORMAT",
  "CHECK_DIGIT_MISMATCH",
  "CARRIER_MISMATCH",
  "TOO_MANY",
  "UNKNOWN_MARKETPLACE",
  "UNKNOWN_SITE",
  "UNKNOWN_NATIVE_STATUS",
  "TRANSITION_NOT_ALLOWED",
  "INVALID_LOCALE",
  "DATE_OUT_OF_RANGE",
  "EVENT_BEFORE_ORDER",
  "TRACKING_NUMBER_REUSED",
  "INVALID_URL",
  "CREDENTIALS_MISMATCH",
  "MISSING_CREDENTIALS",
  "INVALID_CREDENTIALS",
  "CREDENTIALS_UNVERIFIED",
  "MARKETPLACE_HAS_NO_API",
  "UNSUPPORTED_CARRIER",
  "CORRECTION_AFTER_DELIVERY",
  "SYNC_ALREADY_CONFIRMED",
  "SYNC_NOT_REQUIRED",
  "REQUIRED",
  "DELIVERED_BEFORE_SHIPPED",
  "MISSING_COLUMN",
  "TOO_LARGE",
  "BLOCKED_TARGET",
  "ALREADY_QUEUED",
  "SUBSCRIPTION_DISABLED",
  "INVALID_TIME_ZONE",
  "INVALID_EMAIL",
  "INVALID_PHONE",
  "NOT_DELIVERED",
  "RATING_CLOSED",
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export interface UserError {
  code: UserErrorCode;
  message: string;
  /** Path of the input field at fault, dot-separated ("events.2.occurredAt"); null for the whole input. */
  field: string | null;
}

export function userError(
  code: UserErrorCode,
  message: string,
  field: string | null = null,
): UserError {
  return { code, message, field };
}
