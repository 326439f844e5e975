import type { Order, PrismaClient } from "../../../generated/prisma/client.ts";

/**
 * A chunk's reads, one statement each with array parameters: Prisma's `in` binds every value on
 * its own, which cost a third of an import's time on the embedded database. Each looks its keys
 * up one by one (LATERAL with LIMIT or OFFSET 0, which the planner cannot flatten: an index probe
 * a key, whatever it believes): with `= ANY(...)`
 * or a plain join, a database without fresh statistics (PGlite never analyzes) hashed every row
 * of the tenant per chunk, and imports slowed as the tables grew (100 ms a chunk at 100,000).
 */

export type ImportOrder = Pick<
  Order,
  "id" | "storeId" | "nativeOrderId" | "state" | "placedAt" | "shipByDate"
>;

/** Orders by store and marketplace id (unique per store); keys without an order are left out. */
export function findOrders(
  db: PrismaClient,
  tenantId: string,
  keys: readonly (readonly [storeId: string, nativeOrderId: string])[],
): Promise<ImportOrder[]> {
  return db.$queryRawUnsafe<ImportOrder[]>(
    `SELECT o."id", o."storeId", o."nativeOrderId", o."state"::text AS "state", o."placedAt", o."shipByDate"
     FROM unnest($2::text[], $3::text[]) AS k("storeId", "nativeOrderId")
     CROSS JOIN LATERAL (
       SELECT * FROM "Order"
       WHERE "storeId" = k."storeId" AND "nativeOrderId" = k."nativeOrderId"
       LIMIT 1
     ) AS o
     WHERE o."tenantId" = $1`,
    tenantId,
    keys.map(([storeId]) => storeId),
    keys.map(([, nativeOrderId]) => nativeOrderId),
  );
}

/** Carrier and number of every shipment of the given orders. */
export function attachedNumbers(
  db: PrismaClient,
  orderIds: readonly string[],
): Promise<{ orderId: string; carrier: string; trackingNumber: string }[]> {
  return db.$queryRawUnsafe(
    `SELECT s."orderId", s."carrier", s."trackingNumber"
     FROM unnest($1::text[]) AS k("orderId")
     CROSS JOIN LATERAL (SELECT * FROM "Shipment" WHERE "orderId" = k."orderId" OFFSET 0) AS s`,
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
    `SELECT s."carrier", s."trackingNumber", s."firstScanAt" IS NOT NULL AS "scanned"
     FROM unnest($2::text[]) AS k("trackingNumber")
     CROSS JOIN LATERAL (
       SELECT * FROM "Shipment" WHERE "tenantId" = $1 AND "trackingNumber" = k."trackingNumber"
       OFFSET 0
     ) AS s`,
    tenantId,
    trackingNumbers,
  );
}
