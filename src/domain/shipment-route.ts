import type { PrismaClient } from "../../generated/prisma/client.ts";
import { foldName } from "../places/index.ts";
import type { StoredPlace } from "./event-places.ts";

/** A place on a parcel's route: where a run of its events happened, from the first of them. */
export interface RoutePlace extends StoredPlace {
  shipmentId: string;
  occurredAt: Date;
}

/** A route reads at most this many of a parcel's latest changes of place (decision 039). */
export const ROUTE_EVENT_LIMIT = 1000;

/**
 * The routes of many shipments in one statement: each shipment's located events in timeline
 * order, repeats of the exact same place dropped by the database, the latest ROUTE_EVENT_LIMIT
 * of what is left; collapseRoute then merges spellings of one place.
 */
export async function loadRoutes(
  db: PrismaClient,
  shipmentIds: readonly string[],
): Promise<RoutePlace[][]> {
  const ids = [...new Set(shipmentIds)];
  const rows = await db.$queryRaw<RoutePlace[]>`
    SELECT route.*
    FROM unnest(${ids}::text[]) AS s("id")
    CROSS JOIN LATERAL (
      SELECT * FROM (
        SELECT e."shipmentId", e."occurredAt", e."recordedAt", e."id", e."city", e."region",
               e."postalCode", e."countryCode", e."latitude", e."longitude",
               e."geoPrecision"::text AS "geoPrecision",
               (e."city", e."region", e."countryCode", e."latitude", e."longitude")
                 IS NOT DISTINCT FROM LAG((e."city", e."region", e."countryCode", e."latitude", e."longitude"))
                 OVER (ORDER BY e."occurredAt", e."recordedAt", e."id") AS "repeat"
        FROM "TrackingEvent" e
        WHERE e."shipmentId" = s."id"
          AND (e."city" IS NOT NULL OR e."region" IS NOT NULL OR e."countryCode" IS NOT NULL
               OR e."latitude" IS NOT NULL)
      ) located
      WHERE NOT located."repeat"
      ORDER BY located."occurredAt" DESC, located."recordedAt" DESC, located."id" DESC
      LIMIT ${ROUTE_EVENT_LIMIT}
    ) route`;
  const byShipment = new Map<string, RoutePlace[]>(ids.map((id) => [id, []]));
  // Read newest first to keep the latest events; a route reads oldest first.
  for (const row of rows.reverse()) byShipment.get(row.shipmentId)?.push(row);
  return shipmentIds.map((id) => collapseRoute(byShipment.get(id) ?? []));
}

/**
 * Consecutive events at one place become one stop. A place is its city in its country, else its
 * region, else its country, else its coordinates, names compared with accents and case folded:
 * "Shenzhen, Guangdong, CN" then "SHENZHEN, CN" is one stop, Shenzhen -> Hong Kong -> Shenzhen
 * three.
 */
export function collapseRoute(events: readonly RoutePlace[]): RoutePlace[] {
  const route: RoutePlace[] = [];
  let previous: string | null = null;
  for (const event of events) {
    const key = placeKey(event);
    if (key !== previous) route.push(event);
    previous = key;
  }
  return route;
}

function placeKey(place: StoredPlace): string {
  const country = place.countryCode?.toUpperCase() ?? "";
  if (place.city) return `city|${country}|${foldName(place.city)}`;
  if (place.region) return `region|${country}|${foldName(place.region)}`;
  if (country) return `country|${country}`;
  return `point|${place.latitude}|${place.longitude}`;
}
