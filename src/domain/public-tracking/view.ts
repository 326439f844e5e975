import type { Prisma, PrismaClient } from "../../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../../carriers/registry.ts";
import type { MarketplaceRegistry } from "../../plugins/registry.ts";
import type {
  GeoPrecision,
  SupportedLocale,
  TrackingStatus,
  TrackingSubstatus,
} from "../../vocabulary/index.ts";
import { isoOfDay } from "../eta/days.ts";
import { explainEstimate } from "../eta/explain.ts";
import type { DeliveryEstimates } from "../eta/service.ts";
import { QUOTE_ORDER_SELECT, shipmentQuote } from "../eta/shipment-quote.ts";
import { hasPlace, storedCoordinates } from "../event-places.ts";
import { PAGE_LIMITS } from "../input-limits.ts";
import { collapseRoute } from "../shipment-route.ts";
import type { TextBook } from "../texts/index.ts";
import { negotiateLocale } from "../texts/index.ts";
import { formatZonedTime } from "../zoned-time.ts";
import { publicTokenHash } from "./token.ts";

/** The estimate a buyer is shown: the API's default confidence. */
const ESTIMATE_CONFIDENCE = 0.9;

/**
 * Everything the buyer's page may show: a whitelist of words, places and times. No id of any
 * row (shipment, order, store, tenant, event) is in it, so none can leak from it.
 */
export interface PublicTrackingView {
  locale: SupportedLocale;
  status: TrackingStatus;
  statusText: string;
  trackingNumber: string;
  carrier: { name: string; trackingUrl: string | null };
  /** Oldest first, at most PAGE_LIMITS.timeline.max (the newest kept). */
  events: {
    status: TrackingStatus;
    description: string;
    location: { city: string | null; region: string | null; countryCode: string | null } | null;
    occurredAt: string;
  }[];
  estimate: { earliest: string; latest: string; explanation: string[] } | null;
  /** The places the parcel went through, oldest first; the last is where it is now. */
  route: PublicStop[];
  /** The buyer's rating once given (1 to 5); rating is offered once the parcel is delivered. */
  rating: number | null;
}

/** A stop on the map: a place's words and coordinates, with how far to trust them. */
export interface PublicStop {
  name: string;
  latitude: number;
  longitude: number;
  precision: GeoPrecision;
}

const PUBLIC_SELECT = {
  id: true,
  tenantId: true,
  publicTokenHash: true,
  status: true,
  substatus: true,
  carrier: true,
  trackingNumber: true,
  shippingMethod: true,
  shippedAt: true,
  shippedAtOffsetMinutes: true,
  order: {
    select: {
      buyerLocale: true,
      ...QUOTE_ORDER_SELECT,
    },
  },
  store: { select: { marketplace: true, site: true } },
  feedback: { select: { rating: true } },
  events: { orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }, { id: "desc" }] },
} satisfies Prisma.ShipmentSelect;

export type PublicShipment = Prisma.ShipmentGetPayload<{ select: typeof PUBLIC_SELECT }>;

/**
 * The shipment a token opens, or null. Every token, well-formed or not, costs one lookup by
 * hash through the unique index: a miss is not answered sooner than a hit's lookup.
 */
export function findByPublicToken(db: PrismaClient, token: string): Promise<PublicShipment | null> {
  return findPublicShipment(db, { publicTokenHash: publicTokenHash(token) });
}

/**
 * A shipment's buyer view read again by id (a live page following it), or null once its link
 * was revoked or replaced: the token's hash must still be the shipment's.
 */
export async function reloadPublicShipment(
  db: PrismaClient,
  shipmentId: string,
  tokenHash: string,
): Promise<PublicShipment | null> {
  const shipment = await findPublicShipment(db, { id: shipmentId });
  return shipment?.publicTokenHash === tokenHash ? shipment : null;
}

async function findPublicShipment(
  db: PrismaClient,
  where: Prisma.ShipmentWhereUniqueInput,
): Promise<PublicShipment | null> {
  const shipment = await db.shipment.findUnique({
    where,
    select: {
      ...PUBLIC_SELECT,
      events: { ...PUBLIC_SELECT.events, take: PAGE_LIMITS.timeline.max },
    },
  });
  if (shipment) shipment.events.reverse();
  return shipment;
}

export interface PublicViewDeps {
  texts: TextBook;
  carriers: CarrierRegistry;
  estimates: Pick<DeliveryEstimates, "estimate">;
}

/** The buyer's language: ?lang=, Accept-Language, the order's buyer, the store site's. */
export function publicLocale(
  requested: string | null | undefined,
  acceptLanguages: readonly string[],
  shipment: PublicShipment | null,
  marketplaces: MarketplaceRegistry,
): SupportedLocale {
  const site = shipment
    ? marketplaces.site(shipment.store.marketplace, shipment.store.site)?.site
    : undefined;
  return negotiateLocale([
    [requested],
    acceptLanguages,
    [shipment?.order.buyerLocale],
    site?.locales ?? [],
  ]);
}

export async function buildPublicView(
  shipment: PublicShipment,
  locale: SupportedLocale,
  deps: PublicViewDeps,
): Promise<PublicTrackingView> {
  const marketplace = shipment.store.marketplace;
  const carrier = deps.carriers.find(shipment.carrier);
  const statusText = deps.texts.status(
    marketplace,
    locale,
    shipment.status,
    shipment.substatus as TrackingSubstatus | null,
  );
  return {
    locale,
    status: shipment.status,
    statusText,
    trackingNumber: shipment.trackingNumber,
    carrier: {
      name: carrier?.name ?? shipment.carrier,
      trackingUrl: carrier?.trackingUrl(shipment.trackingNumber) ?? null,
    },
    events: shipment.events.map((event) => ({
      status: event.status,
      description: deps.texts.status(
        marketplace,
        locale,
        event.status,
        event.substatus as TrackingSubstatus | null,
      ),
      location: hasPlace(event)
        ? { city: event.city, region: event.region, countryCode: event.countryCode }
        : null,
      occurredAt: formatZonedTime({
        instant: event.occurredAt,
        offsetMinutes: event.utcOffsetMinutes,
      }),
    })),
    estimate: await estimateOf(shipment, locale, deps),
    route: await routeOf(shipment),
    rating: shipment.feedback?.rating ?? null,
  };
}

/** The timeline's places as map stops, consecutive scans at one place collapsed (decision 039). */
async function routeOf(shipment: PublicShipment): Promise<PublicStop[]> {
  const located = shipment.events.filter(hasPlace).map((event) => ({ ...event, shipmentId: "" }));
  const stops: PublicStop[] = [];
  for (const place of collapseRoute(located)) {
    const coordinates = await storedCoordinates(place);
    if (!coordinates) continue;
    const words = place.city ?? place.region;
    const name = [words, place.countryCode?.toUpperCase()].filter(Boolean).join(", ");
    stops.push({
      name: name || `${coordinates.latitude}, ${coordinates.longitude}`,
      ...coordinates,
    });
  }
  return stops;
}

async function estimateOf(shipment: PublicShipment, locale: SupportedLocale, deps: PublicViewDeps) {
  if (shipment.status === "DELIVERED") return null;
  const [estimate] = await deps.estimates.estimate(
    shipment.tenantId,
    [shipmentQuote(shipment, "LATEST")],
    ESTIMATE_CONFIDENCE,
  );
  if (!estimate) return null;
  return {
    earliest: isoOfDay(estimate.earliest),
    latest: isoOfDay(estimate.latest),
    explanation: explainEstimate(estimate, deps.texts, shipment.store.marketplace, locale),
  };
}
