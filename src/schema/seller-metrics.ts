import { SELLER_METRICS, type SellerMetricName } from "../domain/metric-targets.ts";
import { type MetricWindow, windowBounds } from "../domain/metric-window.ts";
import {
  OFFENDING_ORDERS_SHOWN,
  type SellerMetric,
  type SellerMetrics,
  sellerMetrics,
} from "../domain/seller-metrics.ts";
import { builder } from "./builder.ts";
import { metricStore } from "./metric-store.ts";
import { StoreRef } from "./store.ts";

export const MetricWindowEnum = builder.enumType("MetricWindow", {
  description: "How far back from now a seller metric looks: (now - N days, now].",
  values: { DAYS_7: {}, DAYS_30: {} },
});

const TargetComparisonEnum = builder.enumType("MetricTargetComparison", {
  description: "How a rate is held against its target.",
  values: {
    AT_LEAST: { description: "Healthy when rate >= target." },
    AT_MOST: { description: "Healthy when rate <= target." },
    BELOW: { description: "Healthy when rate < target." },
  },
});

const SellerMetricRef = builder.objectRef<SellerMetric>("SellerMetric").implement({
  description: "One rate over a window, with what it counted and the marketplace's target.",
  fields: (t) => ({
    rate: t.exposeFloat("rate", {
      nullable: true,
      description: "numerator / denominator, 0..1; null when the denominator is 0.",
    }),
    numerator: t.exposeInt("numerator"),
    denominator: t.exposeInt("denominator"),
    target: t.float({ resolve: (metric) => metric.target.value }),
    targetComparison: t.field({
      type: TargetComparisonEnum,
      resolve: (metric) => metric.target.comparison,
    }),
    healthy: t.exposeBoolean("healthy", {
      description: "The rate meets its target (true when there is nothing to count).",
    }),
    offendingOrders: t.prismaField({
      type: ["Order"],
      description: `Orders counted against the rate, most recent first (at most ${OFFENDING_ORDERS_SHOWN}).`,
      complexity: { field: 1, multiplier: OFFENDING_ORDERS_SHOWN },
      // One findUnique per order: Prisma batches those of all four metrics into one `id IN`
      // query. The ids come from the caller's own store (sellerMetrics is tenant-scoped).
      resolve: async (query, metric, _args, ctx) => {
        const orders = await Promise.all(
          metric.offendingOrderIds.map((id) =>
            ctx.db.order.findUnique({ ...query, where: { id } }),
          ),
        );
        return orders.filter((order) => order !== null);
      },
    }),
  }),
});

/** Each metric's definition: the field descriptions are the API's documentation of them. */
const DEFINITIONS: Record<SellerMetricName, string> = {
  validTrackingRate:
    "Valid Tracking Rate: of the packages ship-confirmed in the window (marketplace confirmation time; attachment time for stores that confirm outside trackline), the share whose tracking is valid: a physical carrier scan (when the marketplace requires one), the first scan by the declared carrier, a carrier on the marketplace's list for the site, and confirmed no later than the delivery scan. validTrackingReport lists the others.",
  lateShipmentRate:
    "Late Shipment Rate: of the orders due to ship in the window (ship-by date in it; orders cancelled without a confirmed shipment are not due), the share whose first ship confirmation came after the ship-by date, or is still missing after it.",
  onTimeDeliveryRate:
    "On-Time Delivery Rate: of the shipments with a delivery scan in the window whose order has a promised delivery date, the share delivered no later than the latest promised date.",
  preFulfillmentCancelRate:
    "Pre-fulfilment Cancel Rate: orders the seller cancelled in the window before any of their tracking was confirmed (buyer-requested cancellations excluded), over the orders placed in the window.",
};

const SellerMetricsRef = builder
  .objectRef<{ window: MetricWindow; since: Date; until: Date; metrics: SellerMetrics }>(
    "SellerMetrics",
  )
  .implement({
    description: "A store's fulfilment rates as marketplaces judge them, over one window.",
    fields: (t) => ({
      window: t.field({ type: MetricWindowEnum, resolve: (parent) => parent.window }),
      since: t.field({
        type: "DateTime",
        description: "Start of the window, excluded.",
        resolve: (parent) => parent.since,
      }),
      until: t.field({
        type: "DateTime",
        description: "End of the window (now), included.",
        resolve: (parent) => parent.until,
      }),
      ...Object.fromEntries(
        SELLER_METRICS.map((name) => [
          name,
          t.field({
            type: SellerMetricRef,
            description: DEFINITIONS[name],
            resolve: (parent) => parent.metrics[name],
          }),
        ]),
      ),
    }),
  });

builder.queryField("sellerMetrics", (t) =>
  t.field({
    type: SellerMetricsRef,
    nullable: true,
    description:
      "A store's Valid Tracking, Late Shipment, On-Time Delivery and Pre-fulfilment Cancel rates over a window back from now; null for a store that is not the caller's.",
    args: {
      storeId: t.arg.globalID({ for: StoreRef, required: true }),
      window: t.arg({ type: MetricWindowEnum, required: true }),
    },
    resolve: async (_root, { storeId, window }, ctx) => {
      const found = await metricStore(ctx, storeId.id);
      if (!found) return null;
      const now = ctx.now();
      const metrics = await sellerMetrics(ctx.db, {
        tenantId: ctx.viewer.tenantId,
        storeId: found.store.id,
        window,
        now,
        plugin: found.plugin,
        site: found.site,
      });
      return { window, ...windowBounds(window, now), metrics };
    },
  }),
);
