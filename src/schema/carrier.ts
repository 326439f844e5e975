import { type CarrierInfo, findCarrier } from "../carriers/tracking-numbers/index.ts";
import { builder } from "./builder.ts";

/** A carrier as seen from one parcel: the tracking URL needs the number, when there is one. */
export interface CarrierView {
  info: CarrierInfo;
  trackingNumber: string | null;
}

/** A code we have no directory entry for still shows up, named by its code, with no URL. */
export function carrierView(code: string, trackingNumber: string | null): CarrierView {
  const info = findCarrier(code) ?? { code, name: code, trackingUrl: () => null, formats: [] };
  return { info, trackingNumber };
}

export const CarrierRef = builder.objectRef<CarrierView>("Carrier").implement({
  fields: (t) => ({
    code: t.string({ resolve: ({ info }) => info.code }),
    name: t.string({ resolve: ({ info }) => info.name }),
    trackingUrl: t.string({
      nullable: true,
      description: "The carrier's public tracking page for this parcel; null without a number.",
      resolve: ({ info, trackingNumber }) =>
        trackingNumber ? info.trackingUrl(trackingNumber) : null,
    }),
  }),
});
