import type { DeliveryRules } from "../types.ts";

/**
 * Shopee's standard channels: days from hand-over to delivery that the channel states to buyers.
 * Cross-border parcels (Shopee's SLS) take longer. Approximate defaults until the channel list
 * gives its own (decision 033); a lane with history soon outweighs them.
 */
export const shopeeDeliveryRules: DeliveryRules = {
  serviceDays: ({ domestic }) =>
    domestic
      ? { fromDays: 2, toDays: 5, source: "Shopee standard delivery" }
      : { fromDays: 6, toDays: 12, source: "Shopee cross-border (SLS)" },
};
