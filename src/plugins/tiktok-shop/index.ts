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
  // Customer service API (202309): Create Conversation, then Send Message; TEXT holds at most
  // 2000 characters ("Send Message", content).
  buyerMessages: { maxLength: 2000 },
});
