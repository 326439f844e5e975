/**
 * Every size limit of the API, as data, in one place: how long each text input may be, how many
 * items each list input takes, and how large each page of a list is. The GraphQL layer reads the
 * page sizes and the query-cost multipliers from here (decision 028).
 */
import { type UserError, userError } from "./user-error.ts";

/** The longest text each kind of input takes, in UTF-16 code units (JavaScript's `length`). */
export const TEXT_LIMITS = {
  /** Global ids, the marketplace's order and item ids, SKUs. */
  id: 200,
  /** Store names. */
  name: 200,
  /** Item titles: marketplaces allow 200 to 255 characters; room for variation names. */
  title: 500,
  /** Marketplace, site, carrier and provider codes; native order statuses; raw scan codes. */
  code: 100,
  /** BCP 47 tags: a language, script, region and a few extensions fit easily. */
  locale: 64,
  /** ISO 3166-1 alpha-2 is checked on its own; this only keeps a typo from being stored long. */
  countryCode: 10,
  /** As typed, with spaces or dashes; no known format has more than 40 characters without them. */
  trackingNumber: 64,
  shippingMethod: 200,
  /** A carrier's words for one scan: the longest documented ones are under 300 characters. */
  rawDescription: 2000,
  /** City or region of a scan. */
  place: 200,
  postalCode: 32,
  /** An aggregator's signing secret. */
  secret: 500,
} as const;

/** How many items each list input takes at most (more is refused with TOO_MANY). */
export const LIST_INPUT_LIMITS = {
  /** `nodes(ids)`. */
  nodeIds: 100,
  /** `detectCarriers(trackingNumbers)`. */
  trackingNumbers: 1000,
  /** `recordTrackingEvents(input: { events })`, and each batch of a webhook delivery. */
  trackingEvents: 500,
  /** `createOrder(input: { items })`. */
  orderItems: 500,
} as const;

/** Page sizes of the lists the API returns: `first` defaults to `default`, is clamped to `max`. */
export const PAGE_LIMITS = {
  /** Relay connections (`shipments`, `orders`). */
  connection: { default: 20, max: 100 },
  /** `Shipment.timeline`: a normal parcel has 10 to 40 entries, a long one under 100. */
  timeline: { default: 100, max: 500 },
  /** `Order.shipments`: an order is rarely split into more than a few parcels. */
  orderShipments: { default: 10, max: 100 },
} as const;

/** Lists without a page argument: at most this many items, whatever is stored. */
export const LIST_CAPS = {
  /** `stores`, oldest first. */
  stores: 100,
  /** `unmappedCarrierCodes`, most frequent first. */
  unmappedCarrierCodes: 100,
} as const;

/** `first` of a page: the default when absent, at most `max`; null for a negative value. */
export function pageSize(
  first: number | null | undefined,
  limits: { default: number; max: number },
): number | null {
  if (first == null) return limits.default;
  if (first < 0) return null;
  return Math.min(first, limits.max);
}

/** A TOO_MANY error when a list input has more items than it takes ("500 events per call"). */
export function tooManyError(
  field: string,
  count: number,
  limit: number,
  unit: string,
): UserError | null {
  if (count <= limit) return null;
  return userError("TOO_MANY", `at most ${limit} ${unit}, got ${count}`, field);
}
