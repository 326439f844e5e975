import { TEXT_LIMITS } from "../input-limits.ts";
import { type UserError, userError } from "../user-error.ts";
import type { ZonedTime } from "../zoned-time.ts";
import type { CalendarBook } from "./calendar.ts";
import type { DeliveryQuote } from "./service.ts";

/** A quote as the API takes it (estimateDeliveries' DeliveryEstimateInput). */
export interface QuoteInput {
  origin?: {
    countryCode?: string | null;
    region?: string | null;
    postalCode?: string | null;
  } | null;
  destination: { countryCode: string; region?: string | null; postalCode?: string | null };
  carrier?: string | null;
  service?: string | null;
  orderedAt?: ZonedTime | null;
  shippedAt?: ZonedTime | null;
}

const LIMITS: [string, (input: QuoteInput) => string | null | undefined, number][] = [
  ["origin.region", (i) => i.origin?.region, TEXT_LIMITS.place],
  ["origin.postalCode", (i) => i.origin?.postalCode, TEXT_LIMITS.postalCode],
  ["destination.region", (i) => i.destination.region, TEXT_LIMITS.place],
  ["destination.postalCode", (i) => i.destination.postalCode, TEXT_LIMITS.postalCode],
  ["carrier", (i) => i.carrier, TEXT_LIMITS.code],
  ["service", (i) => i.service, TEXT_LIMITS.shippingMethod],
];

const blank = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** A quote, or the first thing wrong with its input (field relative to the input). */
export function toQuote(
  input: QuoteInput,
  calendars: CalendarBook,
): { quote: DeliveryQuote } | { error: UserError } {
  for (const [field, read, limit] of LIMITS) {
    const value = read(input);
    if (value && value.length > limit) {
      return { error: userError("TOO_LONG", `${field} is longer than ${limit} characters`, field) };
    }
  }
  const destination = input.destination.countryCode.trim().toUpperCase();
  if (!calendars.isCountry(destination)) {
    const message = `destination.countryCode "${input.destination.countryCode}" is not an ISO 3166-1 alpha-2 country`;
    return { error: userError("INVALID_COUNTRY_CODE", message, "destination.countryCode") };
  }
  const origin = blank(input.origin?.countryCode)?.toUpperCase() ?? null;
  if (origin && !calendars.isCountry(origin)) {
    const message = `origin.countryCode "${input.origin?.countryCode}" is not an ISO 3166-1 alpha-2 country`;
    return { error: userError("INVALID_COUNTRY_CODE", message, "origin.countryCode") };
  }
  if (!input.orderedAt && !input.shippedAt) {
    return { error: userError("REQUIRED", "give shippedAt, orderedAt or both", "shippedAt") };
  }
  if (input.orderedAt && input.shippedAt && input.shippedAt.instant < input.orderedAt.instant) {
    const message = "shippedAt is before orderedAt";
    return { error: userError("DATE_OUT_OF_RANGE", message, "shippedAt") };
  }
  return {
    quote: {
      lane: {
        originCountry: origin,
        originRegion: blank(input.origin?.region),
        originPostalCode: blank(input.origin?.postalCode),
        destinationCountry: destination,
        destinationRegion: blank(input.destination.region),
        destinationPostalCode: blank(input.destination.postalCode),
      },
      carrier: blank(input.carrier)?.toLowerCase() ?? null,
      service: blank(input.service),
      reached: input.shippedAt
        ? { SHIPPED: input.shippedAt, ...(input.orderedAt ? { ORDERED: input.orderedAt } : {}) }
        : { ORDERED: input.orderedAt! },
    },
  };
}
