import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import type { MarketplacePlugin, Site } from "../plugins/types.ts";
import { carrierSupported } from "./carrier-support.ts";
import {
  type MetricTarget,
  meetsTarget,
  metricTarget,
  type SellerMetricName,
} from "./metric-targets.ts";
import { type MetricWindow, type WindowBounds, windowBounds } from "./metric-window.ts";
import {
  confirmedAt,
  invalidTracking,
  reportedAt,
  reportedInWindow,
  shipConfirmed,
  sqlBounds,
} from "./shipment-facts.ts";

/** How many offending orders each metric names, most recent first. */
export const OFFENDING_ORDERS_SHOWN = 20;

export interface SellerMetric {
  /** numerator / denominator, 0..1; null when there is nothing to count. */
  rate: number | null;
  numerator: number;
  denominator: number;
  target: MetricTarget;
  healthy: boolean;
  /** Orders that count against the metric, most recent first, at most OFFENDING_ORDERS_SHOWN. */
  offendingOrderIds: string[];
}

export type SellerMetrics = Record<SellerMetricName, SellerMetric>;

export interface SellerMetricsInput {
  tenantId: string;
  storeId: string;
  window: MetricWindow;
  now: Date;
  plugin: MarketplacePlugin;
  site: Site;
}

interface Scope {
  tenantId: string;
  storeId: string;
  bounds: WindowBounds;
}

/**
 * A store's four fulfilment rates over a window back from `now` (definitions in decision 031 and
 * on the GraphQL fields). Three SQL statements whatever the store's size: per-carrier VTR counts
 * (the carrier list is the plugin's code, so it is applied to the few carriers found), the other
 * counts in one row, then the offending orders of all four.
 */
export async function sellerMetrics(
  db: PrismaClient,
  input: SellerMetricsInput,
): Promise<SellerMetrics> {
  const scope = { ...input, bounds: windowBounds(input.window, input.now) };
  const needsScan = input.plugin.validTrackingNeedsScan;
  const perCarrier = await db.$queryRaw<{ carrier: string; confirmed: number; valid: number }[]>`
    SELECT s."carrier", count(*)::int AS "confirmed",
      count(*) FILTER (WHERE NOT ${invalidTracking(needsScan, [])})::int AS "valid"
    FROM "Shipment" s
    WHERE s."tenantId" = ${scope.tenantId} AND s."storeId" = ${scope.storeId}
      AND ${reportedInWindow(scope.bounds)} AND ${shipConfirmed}
    GROUP BY s."carrier"`;
  const unsupported = perCarrier
    .map((row) => row.carrier)
    .filter((carrier) => !carrierSupported(input.plugin, input.site, carrier));
  const [counts] = await db.$queryRaw<Counts[]>(countsQuery(scope));
  const offending = await db.$queryRaw<{ metric: SellerMetricName; orderId: string }[]>(
    offendingQuery(scope, needsScan, unsupported),
  );

  const vtrNumerator = perCarrier
    .filter((row) => !unsupported.includes(row.carrier))
    .reduce((sum, row) => sum + row.valid, 0);
  const vtrDenominator = perCarrier.reduce((sum, row) => sum + row.confirmed, 0);
  const c = counts ?? EMPTY_COUNTS;
  const metric = (name: SellerMetricName, numerator: number, denominator: number) => {
    const rate = denominator === 0 ? null : numerator / denominator;
    const target = metricTarget(input.plugin.id, name);
    const offendingOrderIds = offending.filter((row) => row.metric === name).map((r) => r.orderId);
    return {
      rate,
      numerator,
      denominator,
      target,
      healthy: meetsTarget(rate, target),
      offendingOrderIds,
    };
  };
  return {
    validTrackingRate: metric("validTrackingRate", vtrNumerator, vtrDenominator),
    lateShipmentRate: metric("lateShipmentRate", c.shippedLate, c.dueToShip),
    onTimeDeliveryRate: metric("onTimeDeliveryRate", c.deliveredOnTime, c.delivered),
    preFulfillmentCancelRate: metric("preFulfillmentCancelRate", c.sellerCancelled, c.placed),
  };
}

interface Counts {
  dueToShip: number;
  shippedLate: number;
  delivered: number;
  deliveredOnTime: number;
  placed: number;
  sellerCancelled: number;
}

const EMPTY_COUNTS: Counts = {
  dueToShip: 0,
  shippedLate: 0,
  delivered: 0,
  deliveredOnTime: 0,
  placed: 0,
  sellerCancelled: 0,
};

/**
 * Orders due to ship in the window with their first ship confirmation; an order cancelled
 * without ever being confirmed was not due to ship. `late`: confirmed after the ship-by date,
 * or still unconfirmed once it passed.
 */
function dueOrders({ tenantId, storeId, bounds }: Scope): Prisma.Sql {
  const [since, until] = sqlBounds(bounds);
  return Prisma.sql`(
    SELECT d.*, COALESCE(d."confirmedAt" > d."shipByDate", ${until} > d."shipByDate") AS "late"
    FROM (
      SELECT o."id", o."shipByDate", o."cancelledAt",
        (SELECT min(${confirmedAt}) FROM "Shipment" s WHERE s."orderId" = o."id") AS "confirmedAt"
      FROM "Order" o
      WHERE o."tenantId" = ${tenantId} AND o."storeId" = ${storeId}
        AND o."shipByDate" > ${since} AND o."shipByDate" <= ${until}
    ) d
    WHERE NOT (d."cancelledAt" IS NOT NULL AND d."confirmedAt" IS NULL))`;
}

/** Shipments delivered in the window whose order carries a promised date. */
function promisedDeliveries({ tenantId, storeId, bounds }: Scope): Prisma.Sql {
  const [since, until] = sqlBounds(bounds);
  return Prisma.sql`(
    SELECT s."orderId", s."deliveredAt", s."deliveredAt" <= o."promisedDeliveryTo" AS "onTime"
    FROM "Shipment" s JOIN "Order" o ON o."id" = s."orderId"
    WHERE s."tenantId" = ${tenantId} AND s."storeId" = ${storeId}
      AND s."deliveredAt" > ${since} AND s."deliveredAt" <= ${until}
      AND o."promisedDeliveryTo" IS NOT NULL)`;
}

/**
 * Cancelled in the window by the seller (not at the buyer's request) before any of the order's
 * tracking reached the marketplace.
 */
function sellerCancellations({ tenantId, storeId, bounds }: Scope): Prisma.Sql {
  const [since, until] = sqlBounds(bounds);
  return Prisma.sql`(
    SELECT o."id", o."cancelledAt" FROM "Order" o
    WHERE o."tenantId" = ${tenantId} AND o."storeId" = ${storeId}
      AND o."cancelledAt" > ${since} AND o."cancelledAt" <= ${until}
      AND NOT o."cancelRequestedByBuyer"
      AND NOT EXISTS (SELECT 1 FROM "Shipment" s WHERE s."orderId" = o."id" AND ${shipConfirmed}))`;
}

function countsQuery(scope: Scope): Prisma.Sql {
  const { tenantId, storeId } = scope;
  const [since, until] = sqlBounds(scope.bounds);
  return Prisma.sql`
    SELECT due."dueToShip", due."shippedLate", del."delivered", del."deliveredOnTime",
      (SELECT count(*)::int FROM "Order" o
        WHERE o."tenantId" = ${tenantId} AND o."storeId" = ${storeId}
          AND o."placedAt" > ${since} AND o."placedAt" <= ${until}) AS "placed",
      (SELECT count(*)::int FROM ${sellerCancellations(scope)} c) AS "sellerCancelled"
    FROM
      (SELECT count(*)::int AS "dueToShip", (count(*) FILTER (WHERE d."late"))::int AS "shippedLate"
        FROM ${dueOrders(scope)} d) due,
      (SELECT count(*)::int AS "delivered", (count(*) FILTER (WHERE p."onTime"))::int AS "deliveredOnTime"
        FROM ${promisedDeliveries(scope)} p) del`;
}

function offendingQuery(scope: Scope, needsScan: boolean, unsupported: string[]): Prisma.Sql {
  const { tenantId, storeId, bounds } = scope;
  const limit = OFFENDING_ORDERS_SHOWN;
  return Prisma.sql`
    (SELECT 'validTrackingRate' AS "metric", s."orderId" FROM "Shipment" s
      WHERE s."tenantId" = ${tenantId} AND s."storeId" = ${storeId}
        AND ${reportedInWindow(bounds)} AND ${shipConfirmed}
        AND ${invalidTracking(needsScan, unsupported)}
      GROUP BY s."orderId" ORDER BY max(${reportedAt}) DESC, s."orderId" DESC LIMIT ${limit})
    UNION ALL
    (SELECT 'lateShipmentRate', d."id" FROM ${dueOrders(scope)} d WHERE d."late"
      ORDER BY d."shipByDate" DESC, d."id" DESC LIMIT ${limit})
    UNION ALL
    (SELECT 'onTimeDeliveryRate', p."orderId" FROM ${promisedDeliveries(scope)} p WHERE NOT p."onTime"
      GROUP BY p."orderId" ORDER BY max(p."deliveredAt") DESC, p."orderId" DESC LIMIT ${limit})
    UNION ALL
    (SELECT 'preFulfillmentCancelRate', c."id" FROM ${sellerCancellations(scope)} c
      ORDER BY c."cancelledAt" DESC, c."id" DESC LIMIT ${limit})`;
}
