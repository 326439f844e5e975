/**
 * What can go wrong with a parcel on its way, as stored in ShipmentException.type: opened when
 * the condition starts to hold, closed when it stops. Values are stored and never renamed.
 */
export const EXCEPTION_TYPES = [
  /** No physical scan for longer than this lane's usual gap at this point of the journey. */
  "STALLED",
  /** The carrier's latest word is a failed delivery attempt. */
  "DELIVERY_FAILED",
  /** The carrier's latest word is a customs hold. */
  "CUSTOMS_HELD",
  /** The carrier is taking the parcel back to the sender (or has). */
  "RETURNING_TO_SENDER",
  /** Not delivered by the order's promised date, or by the latest day of its estimate. */
  "LATE",
  /** Tracking confirmed to the marketplace, and still no physical scan business days later. */
  "NO_SCAN_AFTER_CONFIRMATION",
] as const;
export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

/**
 * What a suggested action text may say (ICU variables): `carrier` the carrier's name, `days`
 * business days (STALLED, NO_SCAN_AFTER_CONFIRMATION), `date` a calendar day "2026-11-20" (LATE).
 */
export interface ExceptionTextVars {
  carrier: string;
  days: number;
  date: string;
}
