/**
 * Every size limit of the API, as data, in one place: how long each text input may be, how many
 * items each list input takes, and how large each page of a list is. The GraphQL layer reads the
 * page sizes and the query-cost multipliers from here; the domain functions check the texts
 * (decision 028).
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
  /** A buyer's comment with a delivery rating (decision 044). */
  feedbackComment: 1000,
} as const;

/**
 * No string anywhere in a request (argument, variable, input field) may be longer than this: a
 * request carrying one is refused before it runs, whatever field it is meant for. It is above
 * every limit of TEXT_LIMITS, so those still answer with a typed error naming the field.
 */
export const MAX_REQUEST_TEXT = 10_000;

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
  /** `estimateDeliveries(inputs)`. */
  deliveryEstimates: 1000,
  /** `connectCarrierAccount(input: { credentials })`: no carrier asks for more than a few. */
  carrierCredentials: 10,
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
  /** `apiKeys`, newest first (revoked and expired ones included). */
  apiKeys: 200,
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

/** Text limits of an input: a number for a string field, nested for objects, `[spec]` for lists. */
export type LimitSpec = {
  readonly [field: string]: number | LimitSpec | readonly [number | LimitSpec];
};

const { id, name, title, code, locale, countryCode, trackingNumber } = TEXT_LIMITS;
const { shippingMethod, rawDescription, place, postalCode, secret } = TEXT_LIMITS;

/** The text limits of every input, named after the mutation or query that takes it. */
export const INPUT_LIMITS = {
  createStore: { marketplace: code, site: code, name },
  createOrder: {
    storeId: id,
    nativeOrderId: id,
    nativeStatus: code,
    buyerLocale: locale,
    destinationCountry: countryCode,
    items: [{ nativeItemId: id, sku: id, title }],
  },
  updateOrderStatus: { orderId: id, nativeStatus: code },
  confirmShipment: { orderId: id, carrier: code, trackingNumber, shippingMethod },
  /** How `recordTrackingEvents` names its shipment. */
  recordTrackingEvents: { shipmentId: id, carrier: code, trackingNumber },
  /** Each event of a batch, checked on its own. */
  trackingEvent: {
    rawCode: code,
    rawDescription,
    carrier: code,
    location: { city: place, region: place, postalCode, countryCode },
  },
  createCarrierWebhook: { provider: code, secret },
  connectCarrierAccount: { carrier: code },
  trackShipment: { trackingNumber, carrier: code },
  shipmentFilter: { carrier: code, trackingNumber },
  orderFilter: { destinationCountry: countryCode },
  validateTrackingNumber: { carrier: code },
} as const satisfies Record<string, LimitSpec>;

/**
 * A TOO_LONG error for each string of `input` longer than its limit in `spec`, naming the field
 * by its dot path (`events.2.rawDescription`, `items.0.title`) under `path`.
 */
export function textLimitErrors(input: unknown, spec: LimitSpec, path = ""): UserError[] {
  if (input == null || typeof input !== "object") return [];
  const errors: UserError[] = [];
  const record = input as Record<string, unknown>;
  for (const [field, limit] of Object.entries(spec)) {
    errors.push(...checkValue(record[field], limit, path ? `${path}.${field}` : field));
  }
  return errors;
}

function checkValue(
  value: unknown,
  limit: number | LimitSpec | readonly [number | LimitSpec],
  field: string,
): UserError[] {
  if (typeof limit === "number") {
    if (typeof value !== "string" || value.length <= limit) return [];
    return [tooLong(field, value.length, limit)];
  }
  if (isListSpec(limit)) {
    if (!Array.isArray(value)) return [];
    return value.flatMap((item, index) => checkValue(item, limit[0], `${field}.${index}`));
  }
  return textLimitErrors(value, limit, field);
}

function isListSpec(
  limit: LimitSpec | readonly [number | LimitSpec],
): limit is readonly [number | LimitSpec] {
  return Array.isArray(limit);
}

export function tooLong(field: string, length: number, limit: number): UserError {
  const message = `${field} is ${length} characters long; it takes at most ${limit}`;
  return userError("TOO_LONG", message, field);
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
