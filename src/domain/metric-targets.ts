/** The four rates a marketplace judges a seller's fulfilment by. */
export const SELLER_METRICS = [
  "validTrackingRate",
  "lateShipmentRate",
  "onTimeDeliveryRate",
  "preFulfillmentCancelRate",
] as const;
export type SellerMetricName = (typeof SELLER_METRICS)[number];

/** AT_LEAST: healthy when rate >= value; AT_MOST: rate <= value; BELOW: rate < value. */
export type TargetComparison = "AT_LEAST" | "AT_MOST" | "BELOW";

export interface MetricTarget {
  comparison: TargetComparison;
  value: number;
}

/**
 * Amazon's published targets, used for every marketplace that states none of its own (Shopee
 * has no equivalent of these four: its Late Shipment and Non-Fulfilment rates are counted
 * differently; see decision 031).
 */
export const DEFAULT_METRIC_TARGETS: Readonly<Record<SellerMetricName, MetricTarget>> = {
  validTrackingRate: { comparison: "AT_LEAST", value: 0.95 },
  lateShipmentRate: { comparison: "BELOW", value: 0.04 },
  onTimeDeliveryRate: { comparison: "AT_LEAST", value: 0.97 },
  preFulfillmentCancelRate: { comparison: "BELOW", value: 0.025 },
};

/** Where a marketplace's own targets differ, by plugin id (TikTok Shop US Fulfillment Policy). */
export const MARKETPLACE_METRIC_TARGETS: Readonly<
  Record<string, Partial<Record<SellerMetricName, MetricTarget>>>
> = {
  "tiktok-shop": {
    lateShipmentRate: { comparison: "AT_MOST", value: 0.04 },
    onTimeDeliveryRate: { comparison: "AT_LEAST", value: 0.8 },
    preFulfillmentCancelRate: { comparison: "AT_MOST", value: 0.025 },
  },
};

export function metricTarget(marketplace: string, metric: SellerMetricName): MetricTarget {
  return MARKETPLACE_METRIC_TARGETS[marketplace]?.[metric] ?? DEFAULT_METRIC_TARGETS[metric];
}

/** A rate with nothing to count (null) is healthy: there is nothing to hold against the seller. */
export function meetsTarget(rate: number | null, target: MetricTarget): boolean {
  if (rate === null) return true;
  if (target.comparison === "AT_LEAST") return rate >= target.value;
  if (target.comparison === "AT_MOST") return rate <= target.value;
  return rate < target.value;
}
