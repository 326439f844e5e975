import { filter, pipe } from "graphql-yoga";
import type { Shipment } from "../../generated/prisma/client.ts";
import type { ShipmentChange } from "../domain/changes.ts";
import { LIST_INPUT_LIMITS } from "../domain/input-limits.ts";
import { recordTrackingEvents, shipmentSelector } from "../domain/record-events.ts";
import { changeKey } from "../domain/shared-reads.ts";
import { type UserError, userError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { answerLocale, localeArgDescription } from "./locale.ts";
import { TrackingStatusEnum, TrackingSubstatusEnum } from "./scalars.ts";
import { ShipmentRef } from "./shipment.ts";
import { assertOwnStore, StoreRef } from "./store.ts";
import { TimelineEntryRef } from "./timeline-entry.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

const LocationInput = builder.inputType("LocationInput", {
  fields: (t) => ({
    city: t.string(),
    region: t.string(),
    postalCode: t.string(),
    countryCode: t.string({ description: "ISO 3166-1 alpha-2" }),
    latitude: t.float(),
    longitude: t.float(),
  }),
});

const TrackingEventInput = builder.inputType("TrackingEventInput", {
  fields: (t) => ({
    occurredAt: t.field({ type: "DateTime", required: true }),
    status: t.field({
      type: TrackingStatusEnum,
      description: "Omit when the carrier's code table maps rawCode.",
    }),
    substatus: t.field({ type: TrackingSubstatusEnum }),
    rawCode: t.string(),
    rawDescription: t.string(),
    carrier: t.string({
      description: "Carrier code of who scanned, when not the shipment's carrier (a hand-off).",
    }),
    location: t.field({ type: LocationInput }),
  }),
});

const RecordTrackingEventsInput = builder.inputType("RecordTrackingEventsInput", {
  description: "Name the shipment by shipmentId, or by carrier + trackingNumber.",
  fields: (t) => ({
    shipmentId: t.globalID({ for: ShipmentRef }),
    carrier: t.string(),
    trackingNumber: t.string(),
    events: t.field({ type: [TrackingEventInput], required: true }),
  }),
});

const RecordTrackingEventsPayload = builder
  .objectRef<{
    shipment: Shipment | null;
    recordedCount: number;
    duplicateCount: number;
    errors: UserError[];
  }>("RecordTrackingEventsPayload")
  .implement({
    fields: (t) => ({
      shipment: t.field({
        type: ShipmentRef,
        nullable: true,
        resolve: (payload) => payload.shipment,
      }),
      recordedCount: t.exposeInt("recordedCount"),
      duplicateCount: t.exposeInt("duplicateCount"),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("recordTrackingEvents", (t) =>
  t.field({
    type: RecordTrackingEventsPayload,
    args: { input: t.arg({ type: RecordTrackingEventsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const empty = { shipment: null, recordedCount: 0, duplicateCount: 0 };
      const denied = scopeError(ctx, "tracking:write");
      if (denied.length) return { ...empty, errors: denied };
      const selector = shipmentSelector({ ...input, shipmentId: input.shipmentId?.id });
      if (!selector) {
        const message = "give shipmentId, or carrier and trackingNumber";
        return { ...empty, errors: [userError("INVALID_INPUT", message, "shipmentId")] };
      }
      const result = await recordTrackingEvents(
        ctx.db,
        ctx.viewer.tenantId,
        { selector, events: input.events, source: "MANUAL" },
        {
          now: ctx.now(),
          lookup: ctx.carriers.lookupCode,
          publisher: ctx.publisher,
          jobs: ctx.jobs,
        },
      );
      return { ...result, shipment: result.shipments[0] ?? null };
    },
  }),
);

const TrackingEventAddedRef = builder.objectRef<ShipmentChange & { locale?: string | null }>(
  "TrackingEventAdded",
);
TrackingEventAddedRef.implement({
  description: "New events recorded for one shipment.",
  fields: (t) => ({
    // Reads shared by every subscriber of the change on this instance (decision 035).
    shipment: t.prismaField({
      type: "Shipment",
      resolve: (query, change, _args, ctx) =>
        ctx.sharedReads.read(
          `shipment|${changeKey(ctx.viewer.tenantId, change)}|${JSON.stringify(query)}`,
          () =>
            ctx.db.shipment.findUniqueOrThrow({
              ...query,
              where: { id: change.shipmentId, tenantId: ctx.viewer.tenantId },
            }),
        ),
    }),
    events: t.field({
      type: [TimelineEntryRef],
      description: `Oldest first; one change holds at most ${LIST_INPUT_LIMITS.trackingEvents} events.`,
      complexity: { field: 1, multiplier: LIST_INPUT_LIMITS.trackingEvents },
      resolve: async (change, _args, ctx) => {
        const events = await ctx.sharedReads.read(
          `events|${changeKey(ctx.viewer.tenantId, change)}`,
          () =>
            ctx.db.trackingEvent.findMany({
              where: {
                id: { in: change.eventIds },
                shipmentId: change.shipmentId,
                shipment: { tenantId: ctx.viewer.tenantId },
              },
              orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
              include: {
                shipment: {
                  select: {
                    carrier: true,
                    trackingNumber: true,
                    order: { select: { buyerLocale: true } },
                    store: { select: { marketplace: true, site: true } },
                  },
                },
              },
            }),
        );
        // Localised per subscriber: the rows are shared, the wording is computed.
        return events.map(({ shipment, ...event }) => ({
          event,
          locale: answerLocale(ctx, change.locale, shipment.order, shipment.store),
          marketplace: shipment.store.marketplace,
          shipment,
        }));
      },
    }),
  }),
});

builder.subscriptionField("trackingEventAdded", (t) =>
  t.field({
    type: TrackingEventAddedRef,
    description: "Events recorded for any of the caller's shipments, optionally one store's.",
    args: {
      storeId: t.arg.globalID({ for: StoreRef }),
      locale: t.arg({ type: "Locale", description: localeArgDescription }),
    },
    subscribe: async (_root, { storeId }, ctx) => {
      if (storeId) await assertOwnStore(ctx, storeId.id);
      return pipe(
        ctx.feed.trackingEventAdded(ctx.viewer.tenantId),
        filter((change: ShipmentChange) => !storeId || change.storeId === storeId.id),
      );
    },
    resolve: (change, { locale }) => ({ ...change, locale }),
  }),
);
