/**
 * Data for bench/seller-metrics.ts: one Amazon US store with 100,000 shipments over the 90 days
 * before `now`, and 3,000 orders cancelled before shipping, written with a few INSERT ... SELECT
 * statements over generate_series (not 100,000 Prisma calls). Deterministic: every choice is a
 * hash of the row number.
 */
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createApiKey } from "../src/server/api-keys.ts";

export const SHIPMENTS = Number(process.env.BENCH_SHIPMENTS ?? 100_000);
export const CANCELLED_ORDERS = Math.round(SHIPMENTS * 0.03);

export interface SellerBenchData {
  tenantId: string;
  storeId: string;
  apiKey: string;
}

/** Row g's share in [0, 1) for a salt: 32 bits of an MD5, the same every run, independent per salt. */
const share = (salt: number) =>
  `(('x' || substr(md5(g::text || ':${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;

export async function seedSellerBench(db: PrismaClient, now: Date): Promise<SellerBenchData> {
  const tenant = await db.tenant.create({ data: { name: "Seller metrics bench" } });
  const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "bench" });
  const store = await db.store.create({
    data: { tenantId: tenant.id, marketplace: "amazon", site: "US", name: "Bench US" },
  });
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  const ids = `'${tenant.id}', '${store.id}'`;
  // Orders 1..100,000 are shipped; the rest were cancelled before shipping (a third by the buyer).
  await db.$executeRawUnsafe(`
    INSERT INTO "Order" ("id", "tenantId", "storeId", "nativeOrderId", "nativeStatus", "state",
      "buyerLocale", "destinationCountry", "placedAt", "shipByDate", "promisedDeliveryTo",
      "cancelledAt", "cancelRequestedByBuyer", "updatedAt")
    SELECT 'o' || g, ${ids}, '114-' || lpad(g::text, 7, '0') || '-0000000',
      CASE WHEN g > ${SHIPMENTS} THEN 'Canceled' ELSE 'Shipped' END,
      (CASE WHEN g > ${SHIPMENTS} THEN 'CANCELLED' ELSE 'SHIPPED' END)::"OrderState",
      'en-US', 'US', placed, placed + interval '2 days', placed + interval '12 days',
      CASE WHEN g > ${SHIPMENTS} THEN placed + interval '1 day' END,
      g > ${SHIPMENTS} AND g % 3 = 0, ${nowSql}
    FROM (SELECT g, ${nowSql} - interval '90 days' * ${share(1)} AS placed
          FROM generate_series(1, ${SHIPMENTS + CANCELLED_ORDERS}) g) o`);
  // 93 % confirmed (3 % of them after the ship-by date), 2 % confirmed outside trackline, 2 %
  // pending, 1 % waiting for the first scan, 2 % refused; 96 % scanned 12 h after attachment;
  // delivered 8 to 12.5 days after the order (10 % after the promise); 0.5 % confirmed after the
  // delivery; carriers UPS 60 %, USPS 20 %, YunExpress 15 %, Cainiao 3 % (not on Amazon's list),
  // DHL 2 %.
  await db.$executeRawUnsafe(`
    INSERT INTO "Shipment" ("id", "tenantId", "storeId", "orderId", "carrier", "trackingNumber",
      "createdAt", "updatedAt", "syncState", "syncConfirmedAt", "syncErrorCode", "syncError",
      "firstScanAt", "deliveredAt", "status", "lastEventAt")
    SELECT 's' || g, ${ids}, 'o' || g, carrier, 'BENCH' || lpad(g::text, 12, '0'),
      attached, ${nowSql}, state::"MarketplaceSyncState",
      CASE WHEN state = 'CONFIRMED' THEN
        CASE WHEN after_delivery AND delivered IS NOT NULL THEN delivered + interval '1 hour'
             WHEN late THEN placed + interval '3 days' ELSE placed + interval '1 day' END END,
      CASE WHEN state = 'FAILED' THEN 'InvalidInput' END,
      CASE WHEN state = 'FAILED' THEN 'The tracking number is not valid for the carrier' END,
      scan, delivered,
      (CASE WHEN delivered IS NOT NULL THEN 'DELIVERED' WHEN scan IS NOT NULL THEN 'IN_TRANSIT'
            ELSE 'PENDING' END)::"TrackingStatus",
      COALESCE(delivered, scan)
    FROM (
      SELECT *, CASE WHEN scan IS NOT NULL AND placed + delivery_days <= ${nowSql}
                     THEN placed + delivery_days END AS delivered
      FROM (
        SELECT *, CASE WHEN state <> 'WAITING_FOR_SCAN' AND ${share(4)} < 0.96
                        AND attached + interval '12 hours' <= ${nowSql}
                       THEN attached + interval '12 hours' END AS scan
        FROM (
          SELECT g, o."placedAt" AS placed, o."placedAt" + interval '20 hours' AS attached,
            CASE WHEN ${share(2)} < 0.93 THEN 'CONFIRMED' WHEN ${share(2)} < 0.95 THEN 'NOT_REQUIRED'
                 WHEN ${share(2)} < 0.97 THEN 'PENDING' WHEN ${share(2)} < 0.98 THEN 'WAITING_FOR_SCAN'
                 ELSE 'FAILED' END AS state,
            CASE WHEN ${share(3)} < 0.60 THEN 'ups' WHEN ${share(3)} < 0.80 THEN 'usps'
                 WHEN ${share(3)} < 0.95 THEN 'yunexpress' WHEN ${share(3)} < 0.98 THEN 'cainiao'
                 ELSE 'dhl' END AS carrier,
            ${share(5)} < 0.03 AS late, ${share(6)} < 0.005 AS after_delivery,
            interval '8 days' + interval '12 hours' * floor(${share(7)} * 10) AS delivery_days
          FROM generate_series(1, ${SHIPMENTS}) g JOIN "Order" o ON o."id" = 'o' || g
        ) a
      ) b
    ) c`);
  // Four events a delivered parcel: label, first scan (1 % by a hand-off carrier), a day later
  // in transit, delivery.
  await db.$executeRawUnsafe(`
    INSERT INTO "TrackingEvent" ("id", "shipmentId", "occurredAt", "utcOffsetMinutes", "status",
      "rawCode", "rawDescription", "carrier", "source", "dedupeKey")
    SELECT s."id" || '-' || e.n, s."id", e.at, 0, e.status::"TrackingStatus", e.code, e.text,
      e.carrier, 'WEBHOOK', 'k' || e.n
    FROM "Shipment" s
    CROSS JOIN LATERAL (VALUES
      (1, s."createdAt", 'INFO_RECEIVED', 'LBL', 'Label created', NULL),
      (2, s."firstScanAt", 'IN_TRANSIT', 'PU', 'Picked up',
        CASE WHEN substr(s."id", 2)::int % 100 = 7
             THEN CASE WHEN s."carrier" = 'usps' THEN 'ups' ELSE 'usps' END END),
      (3, s."firstScanAt" + interval '1 day', 'IN_TRANSIT', 'AF', 'Arrived at facility', NULL),
      (4, s."deliveredAt", 'DELIVERED', 'DL', 'Delivered', NULL)
    ) AS e(n, at, status, code, text, carrier)
    WHERE s."storeId" = '${store.id}' AND e.at IS NOT NULL AND e.at <= ${nowSql}`);
  await db.$executeRawUnsafe(`ANALYZE`);
  return { tenantId: tenant.id, storeId: store.id, apiKey };
}
