import type { CalendarBook } from "./calendar.ts";
import { type Day, dayOfIso } from "./days.ts";
import { addBusinessDays, type DeliveryRecord, firstMovingDay } from "./journey.ts";
import type { Lane } from "./lanes.ts";

/** Lanes and records for the estimator's tests: synthetic, seeded, nothing from real data. */
export function lane(from: string, to: string, postal: string | null = null): Lane {
  const [originCountry, originRegion = null] = from.split("-");
  const [destinationCountry, destinationRegion = null] = to.split("-");
  return {
    originCountry: originCountry!,
    originRegion,
    originPostalCode: null,
    destinationCountry: destinationCountry!,
    destinationRegion,
    destinationPostalCode: postal,
  };
}

export const day = (iso: string): Day => dayOfIso(iso);

/** mulberry32: reproducible draws. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A record shipped on `shipped` and delivered `businessDays` of the destination later. */
export function record(
  calendars: CalendarBook,
  on: Lane,
  shipped: Day,
  businessDays: number,
): DeliveryRecord {
  const origin = calendars.calendar(on.originCountry!, on.originRegion);
  const destination = calendars.calendar(on.destinationCountry, on.destinationRegion);
  const start = firstMovingDay("SHIPPED", shipped, origin);
  return {
    lane: on,
    carrier: null,
    days: {
      ORDERED: shipped - 1,
      SHIPPED: shipped,
      DELIVERED: addBusinessDays(start, businessDays, destination),
    },
  };
}
