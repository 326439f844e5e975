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
  // Seller chat (v2.sellerchat.send_message), one message per call as its page asks ("do not use
  // this API to send batch messages"). Its page says TW is not served. Shopee publishes no text
  // limit we could find: 1000 characters is our conservative cap.
  buyerMessages: {
    unsupportedSites: {
      TW: "Shopee's seller chat API does not send messages in the TW region (v2.sellerchat.send_message)",
    },
    maxLength: 1000,
  },
});
