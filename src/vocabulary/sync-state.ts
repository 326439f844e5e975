/** Where a shipment's tracking stands with its marketplace. */
export const MARKETPLACE_SYNC_STATES = [
  "NOT_REQUIRED",
  "WAITING_FOR_SCAN",
  "PENDING",
  "CONFIRMED",
  "FAILED",
] as const;
export type MarketplaceSyncState = (typeof MARKETPLACE_SYNC_STATES)[number];

/** When a store pushes a confirmed shipment's tracking number. */
export const STORE_SYNC_POLICIES = ["CONFIRM_AT_ONCE", "CONFIRM_ON_FIRST_SCAN", "MANUAL"] as const;
export type StoreSyncPolicy = (typeof STORE_SYNC_POLICIES)[number];
