import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { MarketplaceSyncState } from "../../src/vocabulary/index.ts";
import { uniqueUpsNumber } from "./factories.ts";

/** One parcel as the sync and ingest work leave it; times are ISO strings with offsets. */
export interface ShipmentFacts {
  carrier?: string;
  trackingNumber?: string;
  createdAt?: string;
  syncState?: MarketplaceSyncState;
  syncConfirmedAt?: string;
  syncErrorCode?: string;
  syncError?: string;
  firstScanAt?: string;
  deliveredAt?: string;
  /** The carrier that made the first physical scan, when it is not the declared one. */
  firstScanBy?: string;
}

export interface OrderFacts {
  placedAt?: string;
  shipByDate?: string;
  promisedDeliveryTo?: string;
  cancelledAt?: string;
  cancelRequestedByBuyer?: boolean;
  shipments?: ShipmentFacts[];
}

let sequence = 0;
const date = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));

/**
 * An order and its shipments written straight to the database, with the facts the metrics
 * read (sync outcome, first scan, delivery), as a store's history would have left them.
 */
export async function buildSellerOrder(
  db: PrismaClient,
  store: { tenantId: string; storeId: string },
  facts: OrderFacts,
): Promise<{ orderId: string; shipmentIds: string[] }> {
  sequence += 1;
  const placedAt = date(facts.placedAt) ?? new Date("2026-11-01T00:00:00Z");
  const order = await db.order.create({
    data: {
      tenantId: store.tenantId,
      storeId: store.storeId,
      nativeOrderId: `metrics-${sequence}`,
      nativeStatus: facts.cancelledAt ? "Canceled" : "Unshipped",
      state: facts.cancelledAt ? "CANCELLED" : "READY_TO_SHIP",
      buyerLocale: "en-US",
      destinationCountry: "US",
      placedAt,
      shipByDate: date(facts.shipByDate),
      promisedDeliveryTo: date(facts.promisedDeliveryTo),
      cancelledAt: date(facts.cancelledAt),
      cancelRequestedByBuyer: facts.cancelRequestedByBuyer ?? false,
    },
  });
  const shipmentIds: string[] = [];
  for (const [index, parcel] of (facts.shipments ?? []).entries()) {
    const shipment = await db.shipment.create({
      data: {
        tenantId: store.tenantId,
        storeId: store.storeId,
        orderId: order.id,
        carrier: parcel.carrier ?? "ups",
        trackingNumber: parcel.trackingNumber ?? uniqueUpsNumber(),
        packageReference: index + 1,
        createdAt: date(parcel.createdAt) ?? placedAt,
        syncState: parcel.syncState ?? (parcel.syncConfirmedAt ? "CONFIRMED" : "PENDING"),
        syncConfirmedAt: date(parcel.syncConfirmedAt),
        syncErrorCode: parcel.syncErrorCode,
        syncError: parcel.syncError,
        firstScanAt: date(parcel.firstScanAt),
        deliveredAt: date(parcel.deliveredAt),
        status: parcel.deliveredAt ? "DELIVERED" : parcel.firstScanAt ? "IN_TRANSIT" : "PENDING",
      },
    });
    if (parcel.firstScanAt) {
      await db.trackingEvent.create({
        data: {
          shipmentId: shipment.id,
          occurredAt: new Date(parcel.firstScanAt),
          utcOffsetMinutes: 0,
          status: "IN_TRANSIT",
          substatus: "PICKED_UP",
          rawCode: "PU",
          rawDescription: "Picked up",
          carrier: parcel.firstScanBy ?? null,
          source: "MANUAL",
          dedupeKey: `first-scan-${shipment.id}`,
        },
      });
    }
    shipmentIds.push(shipment.id);
  }
  return { orderId: order.id, shipmentIds };
}

/** A fresh store of a tenant, on any marketplace and site. */
export async function buildStore(
  db: PrismaClient,
  tenantId: string,
  marketplace: string,
  site: string,
): Promise<string> {
  sequence += 1;
  const store = await db.store.create({
    data: { tenantId, marketplace, site, name: `metrics store ${sequence}` },
  });
  return store.id;
}
