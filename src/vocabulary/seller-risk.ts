/**
 * Why a shipment may hurt a marketplace metric, as stored in ShipmentRisk.code: raised once,
 * cleared when the cause goes away. Values are stored and never renamed.
 */
export const SELLER_RISK_CODES = [
  /** Confirmed (or attached) 24 hours ago and still no physical carrier scan. */
  "NO_PHYSICAL_SCAN",
  /** The ship-by date is within 24 hours or past and the marketplace has not confirmed it. */
  "NOT_UPLOADED",
  /** The marketplace refused the tracking upload. */
  "SYNC_FAILED",
  /** The carrier is not on the marketplace's carrier list for the store's site. */
  "UNSUPPORTED_CARRIER",
] as const;
export type SellerRiskCode = (typeof SELLER_RISK_CODES)[number];

/** Why a shipment counts against the Valid Tracking Rate (one shipment may have several). */
export const TRACKING_PROBLEMS = [
  "NO_PHYSICAL_SCAN",
  "CARRIER_MISMATCH",
  "UPLOADED_AFTER_DELIVERY",
  "INVALID_TRACKING_ID",
  "UNSUPPORTED_CARRIER",
  "NOT_UPLOADED",
] as const;
export type TrackingProblem = (typeof TRACKING_PROBLEMS)[number];
