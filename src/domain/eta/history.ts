import type { PrismaClient } from "../../../generated/prisma/client.ts";
import { isPhysicalScan } from "../physical-scan.ts";
import { dayAtOffset } from "./days.ts";
import type { DeliveryRecord, JourneyPoint } from "./journey.ts";

/** Milestones read off a delivered shipment's events: the substatus that marks each. */
const MILESTONE_OF: Readonly<Record<string, JourneyPoint>> = {
  DEPARTED_ORIGIN_COUNTRY: "DEPARTED_ORIGIN_COUNTRY",
  IMPORT_CUSTOMS: "IMPORT_CUSTOMS",
  OUT_FOR_DELIVERY: "OUT_FOR_DELIVERY",
};

/** A version of a tenant's history: when it changes, the model is fitted again. */
export async function historyVersion(db: PrismaClient, tenantId: string): Promise<string> {
  const [imported, delivered] = await Promise.all([
    db.deliveryHistory.aggregate({ where: { tenantId }, _count: true, _max: { createdAt: true } }),
    db.shipment.aggregate({
      where: { tenantId, deliveredAt: { not: null } },
      _count: true,
      _max: { updatedAt: true },
    }),
  ]);
  return [
    imported._count,
    imported._max.createdAt?.getTime() ?? 0,
    delivered._count,
    delivered._max.updatedAt?.getTime() ?? 0,
  ].join(":");
}

/** Deliveries older than this say little about a lane today, and would only slow every fit. */
export const HISTORY_DAYS = 730;

/** What a tenant delivered since `since`: imported rows and its own delivered shipments. */
export async function loadHistory(
  db: PrismaClient,
  tenantId: string,
  since: Date,
): Promise<DeliveryRecord[]> {
  const records: DeliveryRecord[] = [];
  const imported = await db.deliveryHistory.findMany({
    where: { tenantId, deliveredAt: { gte: since } },
    select: {
      originCountry: true,
      originRegion: true,
      originPostalCode: true,
      destinationCountry: true,
      destinationRegion: true,
      destinationPostalCode: true,
      carrier: true,
      orderedAt: true,
      orderedAtOffsetMinutes: true,
      shippedAt: true,
      shippedAtOffsetMinutes: true,
      deliveredAt: true,
      deliveredAtOffsetMinutes: true,
    },
  });
  for (const row of imported) {
    const days: DeliveryRecord["days"] = {
      DELIVERED: dayAtOffset(row.deliveredAt, row.deliveredAtOffsetMinutes),
    };
    if (row.orderedAt) days.ORDERED = dayAtOffset(row.orderedAt, row.orderedAtOffsetMinutes ?? 0);
    if (row.shippedAt) days.SHIPPED = dayAtOffset(row.shippedAt, row.shippedAtOffsetMinutes ?? 0);
    records.push({
      lane: {
        originCountry: row.originCountry,
        originRegion: row.originRegion,
        originPostalCode: row.originPostalCode,
        destinationCountry: row.destinationCountry,
        destinationRegion: row.destinationRegion,
        destinationPostalCode: row.destinationPostalCode,
      },
      carrier: row.carrier,
      days,
    });
  }
  const shipments = await db.shipment.findMany({
    where: { tenantId, deliveredAt: { gte: since } },
    select: {
      carrier: true,
      shippedAt: true,
      shippedAtOffsetMinutes: true,
      firstScanAt: true,
      deliveredAt: true,
      order: {
        select: { destinationCountry: true, placedAt: true, placedAtOffsetMinutes: true },
      },
      events: { orderBy: { occurredAt: "asc" } },
    },
  });
  for (const shipment of shipments) {
    const events = shipment.events;
    const firstScan = events.find(isPhysicalScan);
    const delivered = events.find((e) => e.codeKnown && e.status === "DELIVERED");
    if (!delivered) continue;
    const days: DeliveryRecord["days"] = {
      DELIVERED: dayAtOffset(delivered.occurredAt, delivered.utcOffsetMinutes),
      ORDERED: dayAtOffset(shipment.order.placedAt, shipment.order.placedAtOffsetMinutes),
    };
    if (firstScan) days.SHIPPED = dayAtOffset(firstScan.occurredAt, firstScan.utcOffsetMinutes);
    else if (shipment.shippedAt) {
      days.SHIPPED = dayAtOffset(shipment.shippedAt, shipment.shippedAtOffsetMinutes);
    }
    for (const event of events) {
      const point = event.substatus
        ? MILESTONE_OF[event.substatus]
        : event.status === "OUT_FOR_DELIVERY"
          ? "OUT_FOR_DELIVERY"
          : undefined;
      if (point && days[point] === undefined) {
        days[point] = dayAtOffset(event.occurredAt, event.utcOffsetMinutes);
      }
    }
    records.push({
      lane: {
        originCountry: firstScan?.countryCode ?? null,
        originRegion: firstScan?.region ?? null,
        originPostalCode: firstScan?.postalCode ?? null,
        destinationCountry: delivered.countryCode ?? shipment.order.destinationCountry,
        destinationRegion: delivered.region,
        destinationPostalCode: delivered.postalCode,
      },
      carrier: shipment.carrier,
      days,
    });
  }
  return records;
}
