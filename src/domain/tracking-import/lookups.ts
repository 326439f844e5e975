import type { Order, PrismaClient } from "../../../generated/prisma/client.ts";

/**
 * A chunk's reads, one statement each with array parameters: Prisma's `in` binds every value on
 * its own, which cost a third of an import's time on the embedded database. Each joins its keys
 * from unnest so the lookup goes through the unique index key by key: with `= ANY(...)` the
 * planner of a database without fresh statistics (PGlite never analyzes) scanned every order of
 * the store per chunk, and imports slowed as the tables grew.
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
     JOIN "Order" AS o ON o."storeId" = k."storeId" AND o."nativeOrderId" = k."nativeOrderId"
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
     FROM unnest($1::text[]) AS k("orderId") JOIN "Shipment" AS s ON s."orderId" = k."orderId"`,
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
     JOIN "Shipment" AS s ON s."tenantId" = $1 AND s."trackingNumber" = k."trackingNumber"`,
    tenantId,
    trackingNumbers,
  );
}
