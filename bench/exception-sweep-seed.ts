/**
 * Data for bench/exception-sweep.ts: three tenants, six stores, six lanes; `SHIPMENTS` open
 * parcels with a few events each, planted so each one's exceptions are known in advance, and a
 * fifth as many delivered parcels of the last 170 days (what STALLED and the hand-over estimate
 * learn from). Written by INSERT ... SELECT over generate_series (not one Prisma call a row);
 * every choice is an MD5 hash of the row number, so every run holds the same data.
 */
import type { PrismaClient } from "../generated/prisma/client.ts";

export const SHIPMENTS = Number(process.env.BENCH_SHIPMENTS ?? 100_000);
export const DELIVERED = Math.round(SHIPMENTS / 5);

/**
 * The plan of an open parcel, the third letter of its tracking number, and the exceptions it
 * must hold (LATE with its basis). Shares of the open parcels, cumulative.
 */
export const PLANS = [
  { plan: "F", upTo: 0.84, expected: "", what: "moving, scanned in the last day" },
  { plan: "S", upTo: 0.89, expected: "LATE:PROMISE,STALLED", what: "no scan for 14-28 days" },
  { plan: "L", upTo: 0.92, expected: "LATE:PROMISE", what: "past the promised day" },
  { plan: "E", upTo: 0.94, expected: "LATE:ESTIMATE", what: "shipped 45-60 days ago" },
  { plan: "D", upTo: 0.97, expected: "DELIVERY_FAILED", what: "failed attempt today" },
  { plan: "C", upTo: 0.98, expected: "CUSTOMS_HELD", what: "held in customs" },
  { plan: "R", upTo: 0.985, expected: "RETURNING_TO_SENDER", what: "going back" },
  { plan: "N", upTo: 1, expected: "NO_SCAN_AFTER_CONFIRMATION", what: "confirmed 5-10 days ago" },
] as const;

/** tenant, store (marketplace, site), origin, destination, carrier, UTC offsets in minutes. */
const LANES = [
  [0, "amazon", "US", "CN", "US", "yunexpress", 480, -300],
  [0, "amazon", "US", "US", "US", "ups", -300, -300],
  [0, "amazon", "UK", "CN", "GB", "yunexpress", 480, 0],
  [1, "shopee", "SG", "CN", "SG", "cainiao", 480, 480],
  [1, "amazon", "SG", "SG", "SG", "cainiao", 480, 480],
  [2, "amazon", "DE", "DE", "DE", "dhl", 60, 60],
] as const;

/** Row g's share in [0, 1) for a salt: 32 bits of an MD5, independent per salt. */
const share = (salt: number) =>
  `(('x' || substr(md5(g::text || ':${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;

export async function seedExceptionBench(db: PrismaClient, now: Date): Promise<void> {
  const tenants = [];
  for (const name of ["Bench CN sellers", "Bench SG seller", "Bench DE seller"]) {
    tenants.push(await db.tenant.create({ data: { name } }));
  }
  const lanes: string[] = [];
  for (const [
    i,
    [tenant, marketplace, site, origin, destination, carrier, from, to],
  ] of LANES.entries()) {
    const tenantId = tenants[tenant]!.id;
    const store = await db.store.upsert({
      where: {
        tenantId_marketplace_site_name: { tenantId, marketplace, site, name: `Bench ${site}` },
      },
      create: { tenantId, marketplace, site, name: `Bench ${site}` },
      update: {},
    });
    lanes.push(
      `(${i}, '${tenantId}', '${store.id}', '${origin}', '${destination}', '${carrier}', ${from}, ${to})`,
    );
  }
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  const laneCte = `lane (n, "tenantId", "storeId", origin, destination, carrier, "from", "to") AS (
    VALUES ${lanes.join(", ")})`;
  const planOf = `CASE ${PLANS.map((p) => `WHEN ${share(1)} < ${p.upTo} THEN '${p.plan}'`).join(" ")} END`;
  const hours = (salt: number, from: number, to: number) =>
    `interval '1 hour' * (${from} + floor(${share(salt)} * ${to - from}))`;
  // The moments of each open parcel: first and last scan ages by plan (null: none).
  await db.$executeRawUnsafe(`
    CREATE TEMP TABLE bench_plan AS
    WITH ${laneCte}
    SELECT g, p.plan, l.*,
      ${nowSql} - CASE p.plan
        WHEN 'S' THEN interval '14 days' + ${hours(2, 0, 14 * 24)} + interval '2 days'
        WHEN 'E' THEN interval '45 days' + ${hours(2, 0, 15 * 24)}
        WHEN 'N' THEN NULL ELSE ${hours(2, 26, 48)} END AS first_scan,
      ${nowSql} - CASE p.plan
        WHEN 'S' THEN interval '14 days' + ${hours(2, 0, 14 * 24)}
        WHEN 'N' THEN NULL ELSE ${hours(3, 1, 20)} END AS last_scan,
      ${nowSql} - interval '5 days' - ${hours(4, 0, 5 * 24)} AS confirmed
    FROM generate_series(1, ${SHIPMENTS}) g
    CROSS JOIN LATERAL (SELECT ${planOf} AS plan) p
    JOIN lane l ON l.n = g % ${LANES.length}`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Order" ("id", "tenantId", "storeId", "nativeOrderId", "nativeStatus", "state",
      "buyerLocale", "destinationCountry", "placedAt", "promisedDeliveryTo", "updatedAt")
    SELECT 'o' || g, "tenantId", "storeId", 'B-' || lpad(g::text, 9, '0'), 'Shipped',
      'SHIPPED', 'en-US', destination,
      COALESCE(first_scan, confirmed) - interval '1 day',
      CASE WHEN plan IN ('S', 'L') THEN ${nowSql} - interval '1 day' - ${hours(5, 0, 96)}
           WHEN plan IN ('E', 'N') OR ${share(5)} < 0.4 THEN NULL
           ELSE ${nowSql} + interval '3 days' + ${hours(5, 0, 12 * 24)} END,
      ${nowSql}
    FROM bench_plan`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Shipment" ("id", "tenantId", "storeId", "orderId", "carrier", "trackingNumber",
      "createdAt", "updatedAt", "syncState", "syncConfirmedAt", "firstScanAt", "status",
      "substatus", "lastEventAt")
    SELECT 's' || g, "tenantId", "storeId", 'o' || g, carrier,
      'BX' || plan || lpad(g::text, 10, '0'),
      COALESCE(first_scan, confirmed) - interval '12 hours', ${nowSql}, 'CONFIRMED',
      CASE WHEN plan = 'N' THEN confirmed ELSE COALESCE(first_scan, confirmed) END, first_scan,
      (CASE plan WHEN 'D' THEN 'DELIVERY_FAILED' WHEN 'C' THEN 'EXCEPTION' WHEN 'R' THEN 'EXCEPTION'
        WHEN 'N' THEN 'INFO_RECEIVED' ELSE 'IN_TRANSIT' END)::"TrackingStatus",
      CASE plan WHEN 'D' THEN 'RECIPIENT_UNAVAILABLE' WHEN 'C' THEN 'CUSTOMS_HELD'
        WHEN 'R' THEN 'RETURNING_TO_SENDER' WHEN 'N' THEN 'LABEL_CREATED'
        ELSE CASE WHEN origin <> destination THEN 'DEPARTED_ORIGIN_COUNTRY'
          ELSE 'ARRIVED_AT_FACILITY' END END,
      COALESCE(last_scan, confirmed - interval '12 hours')
    FROM bench_plan`);
  // Label, first scan at the origin, and the latest event (a departure, a facility, or what the
  // plan is about); a parcel shipped weeks ago was also scanned once in between.
  await db.$executeRawUnsafe(`
    INSERT INTO "TrackingEvent" ("id", "shipmentId", "occurredAt", "utcOffsetMinutes", "status",
      "substatus", "rawCode", "rawDescription", "countryCode", "source", "dedupeKey")
    SELECT 's' || g || '-' || e.n, 's' || g, e.at, e."offset", e.status::"TrackingStatus",
      e.substatus, e.code, e.code, e.country, 'WEBHOOK', 'k' || e.n
    FROM bench_plan b
    CROSS JOIN LATERAL (VALUES
      (1, COALESCE(first_scan, confirmed) - interval '12 hours', "from", 'INFO_RECEIVED',
        'LABEL_CREATED', 'LBL', NULL),
      (2, first_scan, "from", 'IN_TRANSIT', 'PICKED_UP', 'PU', origin),
      (3, CASE WHEN plan = 'E' THEN first_scan + interval '20 days' END, "from", 'IN_TRANSIT',
        'ARRIVED_AT_FACILITY', 'AF', origin),
      (4, last_scan, CASE WHEN plan IN ('D', 'C', 'R') THEN "to" ELSE "from" END,
        CASE plan WHEN 'D' THEN 'DELIVERY_FAILED' WHEN 'C' THEN 'EXCEPTION'
          WHEN 'R' THEN 'EXCEPTION' ELSE 'IN_TRANSIT' END,
        CASE plan WHEN 'D' THEN 'RECIPIENT_UNAVAILABLE' WHEN 'C' THEN 'CUSTOMS_HELD'
          WHEN 'R' THEN 'RETURNING_TO_SENDER'
          ELSE CASE WHEN origin <> destination THEN 'DEPARTED_ORIGIN_COUNTRY'
            ELSE 'ARRIVED_AT_FACILITY' END END,
        'SC' || plan, CASE WHEN plan IN ('D', 'C', 'R') THEN destination ELSE origin END)
    ) AS e(n, at, "offset", status, substatus, code, country)
    WHERE e.at IS NOT NULL`);
  await seedDelivered(db, now, laneCte);
  await db.$executeRawUnsafe(`DROP TABLE bench_plan`);
  await db.$executeRawUnsafe(`ANALYZE`);
}

/**
 * Delivered parcels of the last 170 days on the same lanes: domestic in 2 to 5 days, cross-
 * border in 6 to 12 with a departure scan the next day and an arrival three days later.
 */
async function seedDelivered(db: PrismaClient, now: Date, laneCte: string): Promise<void> {
  const nowSql = `'${now.toISOString()}'::timestamptz`;
  await db.$executeRawUnsafe(`
    CREATE TEMP TABLE bench_delivered AS
    WITH ${laneCte}
    SELECT g, l.*, shipped, shipped + interval '1 day' *
      CASE WHEN origin = destination THEN 2 + floor(${share(7)} * 4)
           ELSE 6 + floor(${share(7)} * 7) END AS delivered
    FROM (SELECT g, ${nowSql} - interval '14 days' - interval '1 hour' * floor(${share(6)} * 156 * 24)
            AS shipped FROM generate_series(${SHIPMENTS + 1}, ${SHIPMENTS + DELIVERED}) g) s
    JOIN lane l ON l.n = g % ${LANES.length}`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Order" ("id", "tenantId", "storeId", "nativeOrderId", "nativeStatus", "state",
      "buyerLocale", "destinationCountry", "placedAt", "updatedAt")
    SELECT 'o' || g, "tenantId", "storeId", 'B-' || lpad(g::text, 9, '0'), 'Shipped',
      'SHIPPED', 'en-US', destination, shipped - interval '1 day', ${nowSql}
    FROM bench_delivered`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Shipment" ("id", "tenantId", "storeId", "orderId", "carrier", "trackingNumber",
      "createdAt", "updatedAt", "syncState", "syncConfirmedAt", "firstScanAt", "deliveredAt",
      "status", "substatus", "lastEventAt")
    SELECT 's' || g, "tenantId", "storeId", 'o' || g, carrier, 'BXV' || lpad(g::text, 10, '0'),
      shipped - interval '12 hours', ${nowSql}, 'CONFIRMED', shipped, shipped, delivered,
      'DELIVERED', 'SIGNED', delivered
    FROM bench_delivered`);
  await db.$executeRawUnsafe(`
    INSERT INTO "TrackingEvent" ("id", "shipmentId", "occurredAt", "utcOffsetMinutes", "status",
      "substatus", "rawCode", "rawDescription", "countryCode", "source", "dedupeKey")
    SELECT 's' || g || '-' || e.n, 's' || g, e.at, e."offset", e.status::"TrackingStatus",
      e.substatus, e.code, e.code, e.country, 'WEBHOOK', 'k' || e.n
    FROM bench_delivered b
    CROSS JOIN LATERAL (VALUES
      (1, shipped - interval '12 hours', "from", 'INFO_RECEIVED', 'LABEL_CREATED', 'LBL', NULL),
      (2, shipped, "from", 'IN_TRANSIT', 'PICKED_UP', 'PU', origin),
      (3, shipped + interval '1 day', "from", 'IN_TRANSIT',
        CASE WHEN origin <> destination THEN 'DEPARTED_ORIGIN_COUNTRY'
          ELSE 'ARRIVED_AT_FACILITY' END, 'DP', origin),
      (4, CASE WHEN origin <> destination THEN shipped + interval '4 days' END, "to",
        'IN_TRANSIT', 'ARRIVED_DESTINATION_COUNTRY', 'AR', destination),
      (5, delivered - interval '6 hours', "to", 'OUT_FOR_DELIVERY', NULL, 'OD', destination),
      (6, delivered, "to", 'DELIVERED', 'SIGNED', 'DL', destination)
    ) AS e(n, at, "offset", status, substatus, code, country)
    WHERE e.at IS NOT NULL`);
  await db.$executeRawUnsafe(`DROP TABLE bench_delivered`);
}
