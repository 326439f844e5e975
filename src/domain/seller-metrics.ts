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
import { withoutJit } from "./without-jit.ts";

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

/** What a metric's SQL answers: its counts and its newest offending orders. */
interface Counted {
  numerator: number;
  denominator: number;
  offending: string[] | null;
}

/**
 * A store's four fulfilment rates over a window back from `now` (definitions in decision 031
 * and on the GraphQL fields). Two SQL statements whatever the store's size, each reading its rows
 * once: the VTR per carrier (the carrier list is the plugin's code, applied here to the few
 * carriers found), then the three others in one row. Each carries its newest offenders.
 */
export async function sellerMetrics(
  db: PrismaClient,
  input: SellerMetricsInput,
): Promise<SellerMetrics> {
  const scope = { ...input, bounds: windowBounds(input.window, input.now) };
  const needsScan = input.plugin.validTrackingNeedsScan;
  const { perCarrier, others } = await withoutJit(db, async (tx) => ({
    perCarrier: await tx.$queryRaw<CarrierCounts[]>(validTrackingQuery(scope, needsScan)),
    others: (await tx.$queryRaw<OtherCounts[]>(otherMetricsQuery(scope)))[0],
  }));
  const counted: Record<SellerMetricName, Counted> = {
    validTrackingRate: validTrackingCounts(perCarrier, input.plugin, input.site),
    lateShipmentRate: others?.lateShipmentRate ?? NOTHING,
    onTimeDeliveryRate: others?.onTimeDeliveryRate ?? NOTHING,
    preFulfillmentCancelRate: others?.preFulfillmentCancelRate ?? NOTHING,
  };
  const metric = (name: SellerMetricName): SellerMetric => {
    const { numerator, denominator, offending } = counted[name];
    const rate = denominator === 0 ? null : numerator / denominator;
    const target = metricTarget(input.plugin.id, name);
    const offendingOrderIds = [...new Set(offending ?? [])].slice(0, OFFENDING_ORDERS_SHOWN);
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
    validTrackingRate: metric("validTrackingRate"),
    lateShipmentRate: metric("lateShipmentRate"),
    onTimeDeliveryRate: metric("onTimeDeliveryRate"),
    preFulfillmentCancelRate: metric("preFulfillmentCancelRate"),
  };
}

const NOTHING: Counted = { numerator: 0, denominator: 0, offending: [] };

/** The newest `OFFENDING_ORDERS_SHOWN` of an aggregate's rows that match `where`, by `at`. */
function newest(value: Prisma.Sql, at: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(array_agg(${value} ORDER BY ${at} DESC, ${value} DESC)
    FILTER (WHERE ${where}))[1:${OFFENDING_ORDERS_SHOWN}]`;
}

interface CarrierCounts {
  carrier: string;
  confirmed: number;
  valid: number;
  /** Orders of the carrier's invalid packages, newest first, and their times (epoch ms). */
  invalidOrders: string[] | null;
  invalidTimes: number[] | null;
  /** Orders of all its packages, for a carrier the marketplace does not take. */
  allOrders: string[] | null;
  allTimes: number[] | null;
}

function validTrackingQuery({ tenantId, storeId, bounds }: Scope, needsScan: boolean) {
  const invalid = Prisma.sql`w."invalid"`;
  const at = Prisma.sql`w."at"`;
  const epochMs = Prisma.sql`(extract(epoch FROM w."at") * 1000)::float8`;
  const orderId = Prisma.sql`w."orderId"`;
  // Materialized so each package's validity (an index probe for the carrier check) is read once.
  return Prisma.sql`
    WITH w AS MATERIALIZED (
      SELECT s."carrier", s."orderId", ${reportedAt} AS "at",
        ${invalidTracking(needsScan, [])} AS "invalid"
      FROM "Shipment" s
      WHERE s."tenantId" = ${tenantId} AND s."storeId" = ${storeId}
        AND ${reportedInWindow(bounds)} AND ${shipConfirmed})
    SELECT w."carrier", count(*)::int AS "confirmed",
      (count(*) FILTER (WHERE NOT ${invalid}))::int AS "valid",
      ${newest(orderId, at, invalid)} AS "invalidOrders",
      ${newest(epochMs, at, invalid)} AS "invalidTimes",
      ${newest(orderId, at, Prisma.sql`true`)} AS "allOrders",
      ${newest(epochMs, at, Prisma.sql`true`)} AS "allTimes"
    FROM w GROUP BY w."carrier"`;
}

/** A carrier off the marketplace's list makes every one of its packages invalid. */
function validTrackingCounts(
  rows: readonly CarrierCounts[],
  plugin: MarketplacePlugin,
  site: Site,
): Counted {
  const offenders: { orderId: string; at: number }[] = [];
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    const supported = carrierSupported(plugin, site, row.carrier);
    denominator += row.confirmed;
    if (supported) numerator += row.valid;
    const [orders, times] = supported
      ? [row.invalidOrders, row.invalidTimes]
      : [row.allOrders, row.allTimes];
    (orders ?? []).forEach((orderId, index) => {
      offenders.push({ orderId, at: times?.[index] ?? 0 });
    });
  }
  offenders.sort((a, b) => b.at - a.at || (a.orderId < b.orderId ? 1 : -1));
  return { numerator, denominator, offending: offenders.map((offender) => offender.orderId) };
}

type OtherCounts = Record<
  "lateShipmentRate" | "onTimeDeliveryRate" | "preFulfillmentCancelRate",
  Counted
>;

/**
 * Late Shipment: orders due to ship in the window, each with its first ship confirmation; an
 * order cancelled without one was not due. Late: confirmed after the ship-by date, or still
 * unconfirmed once it passed.
 */
function lateShipments({ tenantId, storeId, bounds }: Scope): Prisma.Sql {
  const [since, until] = sqlBounds(bounds);
  const late = Prisma.sql`COALESCE(d."confirmedAt" > d."shipByDate", ${until} > d."shipByDate")`;
  return Prisma.sql`(
    SELECT count(*)::int AS "denominator", (count(*) FILTER (WHERE ${late}))::int AS "numerator",
      ${newest(Prisma.sql`d."id"`, Prisma.sql`d."shipByDate"`, late)} AS "offending"
    FROM (
      SELECT o."id", o."shipByDate", min(${confirmedAt}) AS "confirmedAt"
      FROM "Order" o LEFT JOIN "Shipment" s ON s."orderId" = o."id"
      WHERE o."tenantId" = ${tenantId} AND o."storeId" = ${storeId}
        AND o."shipByDate" > ${since} AND o."shipByDate" <= ${until}
      GROUP BY o."id"
      HAVING o."cancelledAt" IS NULL OR min(${confirmedAt}) IS NOT NULL
    ) d)`;
}

/** On-Time Delivery: shipments delivered in the window whose order carries a promised date. */
function onTimeDeliveries({ tenantId, storeId, bounds }: Scope): Prisma.Sql {
  const [since, until] = sqlBounds(bounds);
  const late = Prisma.sql`s."deliveredAt" > o."promisedDeliveryTo"`;
  return Prisma.sql`(
    SELECT count(*)::int AS "denominator", (count(*) FILTER (WHERE NOT ${late}))::int AS "numerator",
      ${newest(Prisma.sql`s."orderId"`, Prisma.sql`s."deliveredAt"`, late)} AS "offending"
    FROM "Shipment" s JOIN "Order" o ON o."id" = s."orderId"
    WHERE s."tenantId" = ${tenantId} AND s."storeId" = ${storeId}
      AND s."deliveredAt" > ${since} AND s."deliveredAt" <= ${until}
      AND o."promisedDeliveryTo" IS NOT NULL)`;
}

/**
 * Pre-fulfilment cancellations: cancelled in the window by the seller (not at the buyer's
 * request) before any of the order's tracking reached the marketplace, over orders placed in it.
 */
function sellerCancellations({ tenantId, storeId, bounds }: Scope): Prisma.Sql {
  const [since, until] = sqlBounds(bounds);
  return Prisma.sql`(
    SELECT count(*)::int AS "numerator",
      ${newest(Prisma.sql`o."id"`, Prisma.sql`o."cancelledAt"`, Prisma.sql`true`)} AS "offending",
      (SELECT count(*)::int FROM "Order" p
        WHERE p."tenantId" = ${tenantId} AND p."storeId" = ${storeId}
          AND p."placedAt" > ${since} AND p."placedAt" <= ${until}) AS "denominator"
    FROM "Order" o
    WHERE o."tenantId" = ${tenantId} AND o."storeId" = ${storeId}
      AND o."cancelledAt" > ${since} AND o."cancelledAt" <= ${until}
      AND NOT o."cancelRequestedByBuyer"
      -- A count, not NOT EXISTS: cancellations are few, and an anti-join would hash every
      -- shipment of the store to look up a few hundred orders.
      AND (SELECT count(*) FROM "Shipment" s WHERE s."orderId" = o."id" AND ${shipConfirmed}) = 0)`;
}

function otherMetricsQuery(scope: Scope): Prisma.Sql {
  const counted = (alias: string) =>
    Prisma.raw(
      `json_build_object('numerator', ${alias}."numerator", 'denominator', ${alias}."denominator", 'offending', ${alias}."offending")`,
    );
  return Prisma.sql`
    SELECT ${counted("l")} AS "lateShipmentRate", ${counted("d")} AS "onTimeDeliveryRate",
      ${counted("c")} AS "preFulfillmentCancelRate"
    FROM ${lateShipments(scope)} l, ${onTimeDeliveries(scope)} d, ${sellerCancellations(scope)} c`;
}
