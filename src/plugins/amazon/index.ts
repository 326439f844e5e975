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
});
