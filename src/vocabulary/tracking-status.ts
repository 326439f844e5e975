/** The canonical tracking vocabulary. Values are stored and never renamed. */
export const TRACKING_STATUSES = [
  "PENDING",
  "INFO_RECEIVED",
  "IN_TRANSIT",
  "OUT_FOR_DELIVERY",
  "AVAILABLE_FOR_PICKUP",
  "DELIVERED",
  "DELIVERY_FAILED",
  "EXCEPTION",
  "EXPIRED",
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** Which substatuses belong to which status: a substatus says why, or which leg. */
export const SUBSTATUSES_BY_STATUS = {
  PENDING: ["NOT_FOUND"],
  INFO_RECEIVED: ["LABEL_CREATED"],
  IN_TRANSIT: [
    "PICKED_UP",
    "ARRIVED_AT_FACILITY",
    "DEPARTED_FACILITY",
    "EXPORT_CUSTOMS",
    "DEPARTED_ORIGIN_COUNTRY",
    "ARRIVED_DESTINATION_COUNTRY",
    "IMPORT_CUSTOMS",
    "CUSTOMS_CLEARED",
    "HANDED_TO_LAST_MILE",
  ],
  OUT_FOR_DELIVERY: [],
  AVAILABLE_FOR_PICKUP: [],
  DELIVERED: ["SIGNED", "LEFT_AT_SAFE_PLACE", "COLLECTED_BY_BUYER"],
  DELIVERY_FAILED: ["ADDRESS_ISSUE", "RECIPIENT_UNAVAILABLE", "REFUSED"],
  EXCEPTION: [
    "CUSTOMS_HELD",
    "DELAYED",
    "DAMAGED",
    "LOST",
    "RETURNING_TO_SENDER",
    "RETURNED_TO_SENDER",
    "STALLED",
  ],
  EXPIRED: [],
} as const satisfies Record<TrackingStatus, readonly string[]>;

export type TrackingSubstatus = (typeof SUBSTATUSES_BY_STATUS)[TrackingStatus][number];

export const TRACKING_SUBSTATUSES = Object.values(
  SUBSTATUSES_BY_STATUS,
).flat() as TrackingSubstatus[];

/** Statuses that end a parcel's journey: later events are still stored but rarely move it. */
export const TERMINAL_STATUSES: ReadonlySet<TrackingStatus> = new Set(["DELIVERED", "EXPIRED"]);

/**
 * Substatuses that end a parcel's journey under a status that is not terminal: the parcel is
 * back with the sender, so it is no longer on its way (a live map leaves it out).
 */
export const JOURNEY_ENDING_SUBSTATUSES: ReadonlySet<TrackingSubstatus> = new Set([
  "RETURNED_TO_SENDER",
]);

/** Still on its way: neither in a terminal status nor back with the sender. */
export function isTravelling(status: TrackingStatus, substatus: TrackingSubstatus | null): boolean {
  return (
    !TERMINAL_STATUSES.has(status) && !(substatus && JOURNEY_ENDING_SUBSTATUSES.has(substatus))
  );
}

/** Statuses a carrier reports before it has the parcel in hand (label data, "not found"). */
export const PRE_SCAN_STATUSES: ReadonlySet<TrackingStatus> = new Set(["PENDING", "INFO_RECEIVED"]);

export function statusOfSubstatus(substatus: TrackingSubstatus): TrackingStatus {
  for (const status of TRACKING_STATUSES) {
    if ((SUBSTATUSES_BY_STATUS[status] as readonly string[]).includes(substatus)) return status;
  }
  throw new Error(`unknown substatus ${substatus}`);
}

export function isTrackingStatus(value: string): value is TrackingStatus {
  return (TRACKING_STATUSES as readonly string[]).includes(value);
}

export function isTrackingSubstatus(value: string): value is TrackingSubstatus {
  return (TRACKING_SUBSTATUSES as readonly string[]).includes(value);
}
