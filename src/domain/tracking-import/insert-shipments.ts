import type { Prisma } from "../../../generated/prisma/client.ts";
import type { MarketplaceSyncState } from "../../vocabulary/index.ts";

/** A shipment as confirmShipment creates it, before its package number is known. */
export interface NewShipment {
  id: string;
  tenantId: string;
  orderId: string;
  storeId: string;
  carrier: string;
  trackingNumber: string;
  shippingMethod: string | null;
  shippedAt: Date;
  shippedAtOffsetMinutes: number;
  syncState: MarketplaceSyncState;
  syncErrorCode: string | null;
  syncError: string | null;
  /** The order moves to SHIPPED with this parcel. */
  orderShipped: boolean;
}

/** Columns sent as one array each, with the PostgreSQL array type each is sent as. */
const COLUMNS: [keyof NewShipment | "packageReference", string][] = [
  ["id", "text"],
  ["tenantId", "text"],
  ["orderId", "text"],
  ["storeId", "text"],
  ["carrier", "text"],
  ["trackingNumber", "text"],
  ["shippingMethod", "text"],
  ["shippedAt", "timestamptz"],
  ["shippedAtOffsetMinutes", "int4"],
  ["packageReference", "int4"],
  ["syncState", "text"],
  ["syncErrorCode", "text"],
  ["syncError", "text"],
];

const names = COLUMNS.map(([name]) => `"${name}"`).join(", ");
const arrays = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
const INSERT = `INSERT INTO "Shipment" (${names}, "status", "substatus", "updatedAt")
  SELECT ${COLUMNS.map(([name]) => (name === "syncState" ? `"syncState"::"MarketplaceSyncState"` : `"${name}"`)).join(", ")},
    'PENDING'::"TrackingStatus", 'NOT_FOUND', now()
  FROM unnest(${arrays}) AS t(${names})
  ON CONFLICT ("orderId", "carrier", "trackingNumber") DO NOTHING
  RETURNING "id"`;

/**
 * Inserts a chunk's shipments in one statement (createMany binds each value on its own, which
 * is slow on the embedded database) and moves their orders to SHIPPED. Orders are locked first
 * so package numbers count up per order as confirmShipment's do. A shipment whose order got the
 * same carrier and number meanwhile (a race the caller's check cannot see) is skipped; returns
 * the ids inserted.
 */
export async function insertShipments(
  tx: Prisma.TransactionClient,
  shipments: readonly NewShipment[],
): Promise<Set<string>> {
  if (shipments.length === 0) return new Set();
  const orderIds = [...new Set(shipments.map((s) => s.orderId))];
  const shipped = [...new Set(shipments.filter((s) => s.orderShipped).map((s) => s.orderId))];
  // One statement locks the orders and writes their state, as confirmShipment's lock and order
  // update do, before the numbers are counted. A bitmap scan of the primary key visits (and
  // locks) rows in heap order, the same for two imports of the same orders: no deadlock. A join
  // or subquery here got a hash join over every order on a database without statistics.
  await tx.$executeRawUnsafe(
    `UPDATE "Order"
     SET "state" = CASE WHEN "id" = ANY($2::text[]) THEN 'SHIPPED'::"OrderState" ELSE "state" END,
         "updatedAt" = now()
     WHERE "id" = ANY($1::text[])`,
    orderIds,
    shipped,
  );
  const counts = await tx.$queryRawUnsafe<{ orderId: string; n: number }[]>(
    `SELECT s."orderId", count(*)::int AS n
     FROM unnest($1::text[]) AS k("orderId")
     CROSS JOIN LATERAL (SELECT "orderId" FROM "Shipment" WHERE "orderId" = k."orderId" OFFSET 0) AS s
     GROUP BY s."orderId"`,
    orderIds,
  );
  const next = new Map(counts.map((c) => [c.orderId, Number(c.n)]));
  const values = COLUMNS.map(([name]) =>
    shipments.map((shipment) => columnValue(shipment, name, next)),
  );
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(INSERT, ...values);
  const inserted = new Set(rows.map((row) => row.id));
  return inserted;
}

function columnValue(
  shipment: NewShipment,
  name: keyof NewShipment | "packageReference",
  next: Map<string, number>,
): string | number | null {
  if (name === "packageReference") {
    const reference = (next.get(shipment.orderId) ?? 0) + 1;
    next.set(shipment.orderId, reference);
    return reference;
  }
  const value = shipment[name];
  if (value instanceof Date) return value.toISOString();
  return typeof value === "boolean" ? null : value;
}
