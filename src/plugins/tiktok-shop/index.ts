import { defineMarketplace } from "../define-marketplace.ts";
import { tiktokShopApi } from "./api.ts";
import { tiktokShopDeliveryRules } from "./eta.ts";
import { tiktokShopSites } from "./sites.ts";
import { tiktokShopOrderStatuses } from "./statuses.ts";

export const tiktokShop = defineMarketplace({
  id: "tiktok-shop",
  name: "TikTok Shop",
  sites: tiktokShopSites,
  orderStatuses: tiktokShopOrderStatuses,
  initialStatus: "AWAITING_SHIPMENT",
  texts: {},
  textReview: "machine-draft",
  validTrackingNeedsScan: false,
  api: tiktokShopApi,
  deliveryRules: tiktokShopDeliveryRules,
  buyerMessages: {
    unsupported:
      "trackline has no client for TikTok Shop's customer service messages yet; TikTok Shop tells buyers of logistics updates in its app",
  },
});
