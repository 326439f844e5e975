import { defineMarketplace } from "../define-marketplace.ts";
import { amazonApi } from "./api.ts";
import { amazonDeliveryRules } from "./eta.ts";
import { amazonTexts } from "./messages.ts";
import { amazonSites } from "./sites.ts";
import { amazonOrderStatuses } from "./statuses.ts";

export const amazon = defineMarketplace({
  id: "amazon",
  name: "Amazon",
  sites: amazonSites,
  orderStatuses: amazonOrderStatuses,
  initialStatus: "Unshipped",
  texts: amazonTexts,
  textReview: "machine-draft",
  // Valid Tracking Rate counts a number only once the carrier has scanned the parcel.
  validTrackingNeedsScan: true,
  api: amazonApi,
  deliveryRules: amazonDeliveryRules,
  // Amazon's Messaging API offers only the message types Amazon lists for an order; a shipping
  // update is not one of them (Amazon tells the buyer itself, and unsolicited contact breaks its
  // communication guidelines).
  buyerMessages: {
    unsupported:
      "Amazon allows only the buyer message types it lists per order (Messaging API); shipping updates are not among them",
  },
});
