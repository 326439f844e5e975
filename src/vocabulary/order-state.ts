/**
 * Canonical order states: every marketplace's native status maps to one of these. Values are
 * stored and never renamed.
 */
export const ORDER_STATES = [
  "PENDING",
  "READY_TO_SHIP",
  "PARTIALLY_SHIPPED",
  "SHIPPED",
  "DELIVERED",
  "COMPLETED",
  "CANCEL_REQUESTED",
  "CANCELLED",
  "RETURN_REQUESTED",
  "RETURNED",
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * Where an order may go next, as data. Staying in the same canonical state is always allowed
 * (a native change such as Shopee PROCESSED -> SHIPPED). Requests can be withdrawn, so a
 * cancellation or return request may fall back to where the order was.
 */
export const ORDER_TRANSITIONS = {
  PENDING: ["READY_TO_SHIP", "CANCEL_REQUESTED", "CANCELLED"],
  READY_TO_SHIP: ["PARTIALLY_SHIPPED", "SHIPPED", "CANCEL_REQUESTED", "CANCELLED"],
  PARTIALLY_SHIPPED: ["SHIPPED", "DELIVERED", "CANCEL_REQUESTED", "CANCELLED"],
  // READY_TO_SHIP: a pick-up failed and the marketplace asks to ship again (Shopee RETRY_SHIP).
  SHIPPED: [
    "READY_TO_SHIP",
    "DELIVERED",
    "COMPLETED",
    "CANCEL_REQUESTED",
    "CANCELLED",
    "RETURN_REQUESTED",
    "RETURNED",
  ],
  DELIVERED: ["COMPLETED", "RETURN_REQUESTED", "RETURNED"],
  COMPLETED: ["RETURN_REQUESTED", "RETURNED"],
  CANCEL_REQUESTED: ["PENDING", "READY_TO_SHIP", "PARTIALLY_SHIPPED", "SHIPPED", "CANCELLED"],
  CANCELLED: [],
  RETURN_REQUESTED: ["DELIVERED", "COMPLETED", "RETURNED"],
  RETURNED: [],
} as const satisfies Record<OrderState, readonly OrderState[]>;

/** Orders in these states take no new tracking number. */
export const UNSHIPPABLE_ORDER_STATES: ReadonlySet<OrderState> = new Set([
  "CANCEL_REQUESTED",
  "CANCELLED",
  "RETURN_REQUESTED",
  "RETURNED",
]);

export function canTransition(from: OrderState, to: OrderState): boolean {
  return from === to || (ORDER_TRANSITIONS[from] as readonly OrderState[]).includes(to);
}

export function isOrderState(value: string): value is OrderState {
  return (ORDER_STATES as readonly string[]).includes(value);
}
