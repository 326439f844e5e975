import { QUOTE_ORDER_SELECT, shipmentQuote } from "../domain/eta/shipment-quote.ts";
import { builder } from "./builder.ts";
import { confidenceArg, DeliveryEstimateRef, estimateLoader } from "./delivery-estimate.ts";
import { ShipmentRef } from "./shipment.ts";

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
          ...QUOTE_ORDER_SELECT,
        },
      },
      store: { select: { marketplace: true, site: true } },
      events: { orderBy: { occurredAt: "asc" } },
    },
    resolve: async (shipment, args, ctx) => {
      if (shipment.status === "DELIVERED") return null;
      const quote = shipmentQuote(shipment, "LATEST");
      const estimate = await estimateLoader(ctx).load({
        quote,
        confidence: confidenceArg(args.confidence),
      });
      return (
        estimate && {
          estimate,
          marketplace: shipment.store.marketplace,
          buyer: shipment.order,
          store: shipment.store,
        }
      );
    },
  }),
);
