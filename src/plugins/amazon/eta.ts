import type { DeliveryRules } from "../types.ts";

/**
 * On-Time Delivery counts a parcel late when it arrives after the window Amazon showed the
 * buyer: an estimate that may end later is a risk to the metric before it is a late parcel.
 */
export const amazonDeliveryRules: DeliveryRules = {
  assess: ({ latest, mostLikely, promisedDeliveryTo }) => {
    if (!promisedDeliveryTo || latest <= promisedDeliveryTo) return [];
    const likely = mostLikely > promisedDeliveryTo ? "most likely" : "possibly";
    return [
      {
        code: "PAST_PROMISED_WINDOW",
        message: `delivery ${likely} after the promised ${promisedDeliveryTo} (estimate up to ${latest}): a risk to On-Time Delivery`,
      },
    ];
  },
};
