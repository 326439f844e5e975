import { defineMarketplace } from "../define-marketplace.ts";
import { shopeeApi } from "./api.ts";
import { shopeeDeliveryRules } from "./eta.ts";
import { shopeeTexts } from "./messages.ts";
import { shopeePush } from "./push.ts";
import { shopeeSites } from "./sites.ts";
import { shopeeOrderStatuses } from "./statuses.ts";

export const shopee = defineMarketplace({
  id: "shopee",
  name: "Shopee",
  sites: shopeeSites,
  orderStatuses: shopeeOrderStatuses,
  initialStatus: "READY_TO_SHIP",
  texts: shopeeTexts,
  textReview: "machine-draft",
  validTrackingNeedsScan: false,
  api: shopeeApi,
  deliveryRules: shopeeDeliveryRules,
  push: shopeePush,
  buyerMessages: {
    unsupported:
      "trackline has no client for Shopee's seller chat yet; Shopee tells buyers of logistics updates in its app",
  },
});
