/**
 * The moments a buyer is told about. Each has a message in every supported locale; its
 * variables are `MessageVars`.
 */
export const MILESTONES = [
  "ORDER_SHIPPED",
  "ARRIVED_IN_DESTINATION_COUNTRY",
  "CUSTOMS_HELD",
  "OUT_FOR_DELIVERY",
  "AVAILABLE_FOR_PICKUP",
  "DELIVERY_FAILED",
  "DELIVERED",
  "DELAYED",
  "RETURNING_TO_SENDER",
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** What a milestone message may say; `attempts` and `days` drive plural forms. */
export interface MessageVars {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  /** Delivery attempts so far (DELIVERY_FAILED); 0 or absent: not said. */
  attempts?: number;
  /** Days of delay (DELAYED) or days left to collect (AVAILABLE_FOR_PICKUP); 0 or absent: not said. */
  days?: number;
}
