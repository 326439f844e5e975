import type { Prisma, TrackingEvent } from "../../../generated/prisma/client.ts";
import { isPhysicalScan, type ScanEvidence } from "../physical-scan.ts";
import type { DeliveryQuote } from "./service.ts";

/** Substatuses that mark the milestones an estimate may count from. */
const MILESTONES = {
  DEPARTED_ORIGIN_COUNTRY: "DEPARTED_ORIGIN_COUNTRY",
  IMPORT_CUSTOMS: "IMPORT_CUSTOMS",
} as const;

/** What a quote reads of an event. */
export type QuotedEvent = ScanEvidence &
  Pick<TrackingEvent, "occurredAt" | "utcOffsetMinutes" | "substatus" | "region">;

/** The order fields a quote reads (its lane's end, when it was placed, its promise), to select. */
export const QUOTE_ORDER_SELECT = {
  destinationCountry: true,
  placedAt: true,
  placedAtOffsetMinutes: true,
  promisedDeliveryFrom: true,
  promisedDeliveryFromOffsetMinutes: true,
  promisedDeliveryTo: true,
  promisedDeliveryToOffsetMinutes: true,
} satisfies Prisma.OrderSelect;

/** What a quote reads of a shipment, its order and store. */
export interface QuotedShipment {
  carrier: string;
  shippingMethod: string | null;
  shippedAt: Date | null;
  shippedAtOffsetMinutes: number;
  order: {
    destinationCountry: string;
    placedAt: Date;
    placedAtOffsetMinutes: number;
    promisedDeliveryFrom: Date | null;
    promisedDeliveryFromOffsetMinutes: number;
    promisedDeliveryTo: Date | null;
    promisedDeliveryToOffsetMinutes: number;
  };
  store: { marketplace: string; site: string };
  /** Oldest first. */
  events: readonly QuotedEvent[];
}

/**
 * A shipment's delivery quote. `upTo` "LATEST" counts from its latest milestone with history and
 * never before today (what is left, for a parcel in transit); "HAND_OVER" counts from the hand-over
 * only, as the estimate stood when the carrier took the parcel (what LATE compares against).
 */
export function shipmentQuote(
  shipment: QuotedShipment,
  upTo: "LATEST" | "HAND_OVER",
): DeliveryQuote {
  const { order, events } = shipment;
  const at = (instant: Date, offsetMinutes: number) => ({ instant, offsetMinutes });
  const firstScan = events.find(isPhysicalScan);
  const reached: DeliveryQuote["reached"] = {
    ORDERED: at(order.placedAt, order.placedAtOffsetMinutes),
  };
  if (firstScan) reached.SHIPPED = at(firstScan.occurredAt, firstScan.utcOffsetMinutes);
  else if (shipment.shippedAt)
    reached.SHIPPED = at(shipment.shippedAt, shipment.shippedAtOffsetMinutes);
  if (upTo === "LATEST") {
    for (const event of events) {
      const point =
        event.status === "OUT_FOR_DELIVERY"
          ? "OUT_FOR_DELIVERY"
          : MILESTONES[event.substatus as keyof typeof MILESTONES];
      if (point && !reached[point]) reached[point] = at(event.occurredAt, event.utcOffsetMinutes);
    }
  }
  return {
    lane: {
      originCountry: firstScan?.countryCode ?? null,
      originRegion: firstScan?.region ?? null,
      originPostalCode: firstScan?.postalCode ?? null,
      destinationCountry: order.destinationCountry,
      destinationRegion: null,
      destinationPostalCode: null,
    },
    carrier: shipment.carrier,
    service: shipment.shippingMethod,
    reached,
    store: shipment.store,
    promisedDeliveryFrom:
      order.promisedDeliveryFrom &&
      at(order.promisedDeliveryFrom, order.promisedDeliveryFromOffsetMinutes),
    promisedDeliveryTo:
      order.promisedDeliveryTo &&
      at(order.promisedDeliveryTo, order.promisedDeliveryToOffsetMinutes),
    inTransit: upTo === "LATEST",
  };
}
