import type { TrackingEvent } from "../../generated/prisma/client.ts";
import { isPhysicalScan } from "../domain/physical-scan.ts";
import { describeStatus } from "../domain/status-text.ts";
import type { TrackingSubstatus } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { CarrierRef, carrierView } from "./carrier.ts";
import { TrackingStatusEnum, TrackingSubstatusEnum } from "./scalars.ts";

/** One event as a timeline shows it; the locale comes from the field that listed it. */
export interface TimelineEntryView {
  event: TrackingEvent;
  locale: string | null | undefined;
  shipment: { carrier: string; trackingNumber: string };
}

const LocationRef = builder.objectRef<TrackingEvent>("Location").implement({
  fields: (t) => ({
    city: t.exposeString("city", { nullable: true }),
    region: t.exposeString("region", { nullable: true }),
    postalCode: t.exposeString("postalCode", { nullable: true }),
    countryCode: t.exposeString("countryCode", { nullable: true }),
    latitude: t.exposeFloat("latitude", { nullable: true }),
    longitude: t.exposeFloat("longitude", { nullable: true }),
  }),
});

export const TimelineEntryRef = builder.objectRef<TimelineEntryView>("TimelineEntry").implement({
  fields: (t) => ({
    occurredAt: t.field({
      type: "DateTime",
      description: "When the scan happened, in the carrier's reported UTC offset.",
      resolve: ({ event }) => ({
        instant: event.occurredAt,
        offsetMinutes: event.utcOffsetMinutes,
      }),
    }),
    status: t.field({ type: TrackingStatusEnum, resolve: ({ event }) => event.status }),
    substatus: t.field({
      type: TrackingSubstatusEnum,
      nullable: true,
      resolve: ({ event }) => event.substatus as TrackingSubstatus | null,
    }),
    description: t.string({
      description: "Canonical wording of status/substatus in the requested locale.",
      resolve: ({ event, locale }) =>
        describeStatus(event.status, event.substatus as TrackingSubstatus | null, locale),
    }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      resolve: ({ event }) =>
        event.city ||
        event.region ||
        event.postalCode ||
        event.countryCode ||
        event.latitude != null
          ? event
          : null,
    }),
    carrier: t.field({
      type: CarrierRef,
      description: "Who scanned: the shipment's carrier, or the one it was handed to.",
      resolve: ({ event, shipment }) =>
        carrierView(event.carrier ?? shipment.carrier, shipment.trackingNumber),
    }),
    rawCode: t.string({ resolve: ({ event }) => event.rawCode }),
    rawDescription: t.string({
      description: "The carrier's own words.",
      resolve: ({ event }) => event.rawDescription,
    }),
    isPhysicalScan: t.boolean({
      description:
        "Whether a carrier had the parcel in hand: past the label stage, with a known scan code or a place.",
      resolve: ({ event }) => isPhysicalScan(event),
    }),
  }),
});
