import { createContextCache } from "@pothos/core";
import DataLoader from "dataloader";
import { storedCoordinates } from "../domain/event-places.ts";
import { loadRoutes, ROUTE_EVENT_LIMIT, type RoutePlace } from "../domain/shipment-route.ts";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";
import { LocationRef } from "./location.ts";
import { ShipmentRef } from "./shipment.ts";

/** One loader per request: the routes of a list of shipments are one statement (no cache, as timelines). */
const routes = createContextCache(
  (ctx: Context) =>
    new DataLoader<string, RoutePlace[]>((ids) => loadRoutes(ctx.db, ids), { cache: false }),
);

// A route is short (one stop per place); a parcel bounced between two depots is what costs.
const ROUTE_COMPLEXITY = { field: 1, multiplier: 20 };

builder.objectFields(ShipmentRef, (t) => ({
  route: t.field({
    type: [LocationRef],
    description: `The places the parcel passed, oldest first, each once per visit (consecutive scans at one place are one stop); a parcel with more than ${ROUTE_EVENT_LIMIT} changes of place lists its latest ${ROUTE_EVENT_LIMIT}.`,
    complexity: ROUTE_COMPLEXITY,
    resolve: (shipment, _args, ctx) => routes(ctx).load(shipment.id),
  }),
  currentPlace: t.field({
    type: LocationRef,
    nullable: true,
    description:
      "The latest place on the route that has coordinates: where to put the parcel on a map.",
    complexity: ROUTE_COMPLEXITY,
    resolve: async (shipment, _args, ctx) => {
      const route = await routes(ctx).load(shipment.id);
      for (const place of route.toReversed()) {
        if (await storedCoordinates(place)) return place;
      }
      return null;
    },
  }),
}));
