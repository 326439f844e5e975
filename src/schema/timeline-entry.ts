import type { TrackingEvent } from "../../generated/prisma/client.ts";
import { hasPlace } from "../domain/event-places.ts";
import { TEXT_LIMITS } from "../domain/input-limits.ts";
import { isPhysicalScan } from "../domain/physical-scan.ts";
import { negotiateLocale } from "../domain/texts/index.ts";
import { encodeTimelineCursor } from "../domain/timeline-page.ts";
import type { SupportedLocale, TrackingSubstatus } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { CarrierRef, carrierView } from "./carrier.ts";
import { LocationRef } from "./location.ts";
import { TrackingStatusEnum, TrackingSubstatusEnum } from "./scalars.ts";

/** One event as a timeline shows it; locale and wording come from the field that listed it. */
export interface TimelineEntryView {
  event: TrackingEvent;
  locale: SupportedLocale;
  /** Whose wording: the order's marketplace; null for canonical texts. */
  marketplace: string | null;
  shipment: { carrier: string; trackingNumber: string };
}

export const TimelineEntryRef = builder.objectRef<TimelineEntryView>("TimelineEntry").implement({
  fields: (t) => ({
    cursor: t.string({
      description: "Pass as timeline(after:) to read the entries that follow this one.",
      resolve: ({ event }) => encodeTimelineCursor(event),
    }),
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
      description:
        "The status (or substatus) in the order's marketplace wording, in the timeline's locale unless one is given here.",
      args: { locale: t.arg({ type: "Locale", description: "Overrides the timeline's locale." }) },
      resolve: ({ event, locale, marketplace }, args, ctx) =>
        ctx.texts.status(
          marketplace,
          args.locale ? negotiateLocale([[args.locale]]) : locale,
          event.status,
          event.substatus as TrackingSubstatus | null,
        ),
    }),
    location: t.field({
      type: LocationRef,
      nullable: true,
      resolve: ({ event }) => (hasPlace(event) ? event : null),
    }),
    carrier: t.field({
      type: CarrierRef,
      description: "Who scanned: the shipment's carrier, or the one it was handed to.",
      resolve: ({ event, shipment }, _args, ctx) =>
        carrierView(ctx, event.carrier ?? shipment.carrier, shipment.trackingNumber),
    }),
    rawCode: t.string({ resolve: ({ event }) => event.rawCode }),
    rawDescription: t.string({
      description: "The carrier's own words.",
      // The one text that may be long: it costs a unit per 100 characters it may hold.
      complexity: TEXT_LIMITS.rawDescription / 100,
      resolve: ({ event }) => event.rawDescription,
    }),
    isPhysicalScan: t.boolean({
      description:
        "Whether a carrier had the parcel in hand: past the label stage, with a known scan code or a place.",
      resolve: ({ event }) => isPhysicalScan(event),
    }),
  }),
});
