import type { DeliveryQuote } from "../domain/eta/service.ts";
import { isPhysicalScan } from "../domain/physical-scan.ts";
import { builder } from "./builder.ts";
import { confidenceArg, DeliveryEstimateRef, estimateLoader } from "./delivery-estimate.ts";
import { ShipmentRef } from "./shipment.ts";

/** Substatuses that mark the milestones an estimate may count from. */
const MILESTONES = {
  DEPARTED_ORIGIN_COUNTRY: "DEPARTED_ORIGIN_COUNTRY",
  IMPORT_CUSTOMS: "IMPORT_CUSTOMS",
} as const;

builder.prismaObjectField(ShipmentRef, "estimatedDelivery", (t) =>
  t.field({
    type: DeliveryEstimateRef,
    nullable: true,
    description:
      "When the parcel should arrive, counted from its latest milestone with history (what is left, not the whole way) and never before today; null once delivered.",
    args: { confidence: t.arg.float({ defaultValue: 0.9 }) },
    select: {
      shippedAt: true,
      shippedAtOffsetMinutes: true,
      status: true,
      carrier: true,
      shippingMethod: true,
      order: {
        select: {
          buyerLocale: true,
          destinationCountry: true,
          placedAt: true,
          placedAtOffsetMinutes: true,
          promisedDeliveryFrom: true,
          promisedDeliveryFromOffsetMinutes: true,
          promisedDeliveryTo: true,
          promisedDeliveryToOffsetMinutes: true,
        },
      },
      store: { select: { marketplace: true, site: true } },
      events: { orderBy: { occurredAt: "asc" } },
    },
    resolve: async (shipment, args, ctx) => {
      if (shipment.status === "DELIVERED") return null;
      const { order, events } = shipment;
      const at = (instant: Date, offsetMinutes: number) => ({ instant, offsetMinutes });
      const firstScan = events.find(isPhysicalScan);
      const reached: DeliveryQuote["reached"] = {
        ORDERED: at(order.placedAt, order.placedAtOffsetMinutes),
      };
      if (firstScan) reached.SHIPPED = at(firstScan.occurredAt, firstScan.utcOffsetMinutes);
      else if (shipment.shippedAt)
        reached.SHIPPED = at(shipment.shippedAt, shipment.shippedAtOffsetMinutes);
      for (const event of events) {
        const point =
          event.status === "OUT_FOR_DELIVERY"
            ? "OUT_FOR_DELIVERY"
            : MILESTONES[event.substatus as keyof typeof MILESTONES];
        if (point && !reached[point]) reached[point] = at(event.occurredAt, event.utcOffsetMinutes);
      }
      const quote: DeliveryQuote = {
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
        inTransit: true,
      };
      const estimate = await estimateLoader(ctx).load({
        quote,
        confidence: confidenceArg(args.confidence),
      });
      return (
        estimate && {
          estimate,
          marketplace: shipment.store.marketplace,
          buyer: order,
          store: shipment.store,
        }
      );
    },
  }),
);
