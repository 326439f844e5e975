import type { Order, PrismaClient } from "../../../generated/prisma/client.ts";

/**
 * A chunk's reads, one statement each with one array parameter: Prisma's `in` binds every value
 * on its own, which cost a third of an import's time on the embedded database.
 */

export type ImportOrder = Pick<
  Order,
  "id" | "storeId" | "nativeOrderId" | "state" | "placedAt" | "shipByDate"
>;

/** Orders of the given stores with the given marketplace ids (unique per store). */
export function findOrders(
  db: PrismaClient,
  tenantId: string,
  storeIds: readonly string[],
  nativeOrderIds: readonly string[],
): Promise<ImportOrder[]> {
  return db.$queryRawUnsafe<ImportOrder[]>(
    `SELECT "id", "storeId", "nativeOrderId", "state"::text AS "state", "placedAt", "shipByDate"
     FROM "Order"
     WHERE "tenantId" = $1 AND "storeId" = ANY($2::text[]) AND "nativeOrderId" = ANY($3::text[])`,
    tenantId,
    storeIds,
    nativeOrderIds,
  );
}

/** Carrier and number of every shipment of the given orders. */
export function attachedNumbers(
  db: PrismaClient,
  orderIds: readonly string[],
): Promise<{ orderId: string; carrier: string; trackingNumber: string }[]> {
  return db.$queryRawUnsafe(
    `SELECT "orderId", "carrier", "trackingNumber" FROM "Shipment" WHERE "orderId" = ANY($1::text[])`,
    orderIds,
  );
}

/** The tenant's shipments of the given numbers (other orders' parcels), and whether scanned. */
export function parcelTwins(
  db: PrismaClient,
  tenantId: string,
  trackingNumbers: readonly string[],
): Promise<{ carrier: string; trackingNumber: string; scanned: boolean }[]> {
  return db.$queryRawUnsafe(
    `SELECT "carrier", "trackingNumber", "firstScanAt" IS NOT NULL AS "scanned"
     FROM "Shipment" WHERE "tenantId" = $1 AND "trackingNumber" = ANY($2::text[])`,
    tenantId,
    trackingNumbers,
  );
}
