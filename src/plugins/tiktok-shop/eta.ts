import type { DeliveryRules } from "../types.ts";

/**
 * TikTok Shop's standard shipping: the days from hand-over the channel states to buyers,
 * longer for cross-border sellers. Approximate defaults (decision 033); history outweighs them.
 */
export const tiktokShopDeliveryRules: DeliveryRules = {
  serviceDays: ({ domestic }) =>
    domestic
      ? { fromDays: 3, toDays: 7, source: "TikTok Shop standard shipping" }
      : { fromDays: 7, toDays: 14, source: "TikTok Shop cross-border shipping" },
};
