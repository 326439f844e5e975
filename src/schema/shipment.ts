import type { Prisma } from "../../generated/prisma/client.ts";
import { INPUT_LIMITS, PAGE_LIMITS, pageSize } from "../domain/input-limits.ts";
import { trackingNumberKey } from "../domain/tracking-number-key.ts";
import { travellingWhere } from "../domain/travelling.ts";
import type { TrackingSubstatus } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { CarrierRef, carrierView } from "./carrier.ts";
import { answerLocale, localeArgDescription } from "./locale.ts";
import { pageSizeArg, timelineCursorArg, timelinePages } from "./paging.ts";
import {
  MarketplaceSyncStateEnum,
  MilestoneEnum,
  TrackingStatusEnum,
  TrackingSubstatusEnum,
} from "./scalars.ts";
import { StoreRef } from "./store.ts";
import { assertTextLimits } from "./text-limits.ts";
import { TimelineEntryRef } from "./timeline-entry.ts";

const EXCEPTION_STATUSES = ["EXCEPTION", "DELIVERY_FAILED"] as const;

export const ShipmentRef = builder.prismaNode("Shipment", {
  id: { field: "id" },
  // Another tenant's id resolves to null, exactly like an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  fields: (t) => ({
    trackingNumber: t.exposeString("trackingNumber"),
    carrier: t.field({
      type: CarrierRef,
      resolve: (shipment, _args, ctx) =>
        carrierView(ctx, shipment.carrier, shipment.trackingNumber),
    }),
    shippingMethod: t.exposeString("shippingMethod", { nullable: true }),
    shippedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "In the UTC offset the ship date was given in.",
      resolve: (shipment) =>
        shipment.shippedAt && {
          instant: shipment.shippedAt,
          offsetMinutes: shipment.shippedAtOffsetMinutes,
        },
    }),
    status: t.expose("status", { type: TrackingStatusEnum }),
    substatus: t.field({
      type: TrackingSubstatusEnum,
      nullable: true,
      resolve: (shipment) => shipment.substatus as TrackingSubstatus | null,
    }),
    hasException: t.boolean({
      resolve: (shipment) => (EXCEPTION_STATUSES as readonly string[]).includes(shipment.status),
    }),
    lastEventAt: t.expose("lastEventAt", { type: "DateTime", nullable: true }),
    syncState: t.expose("syncState", {
      type: MarketplaceSyncStateEnum,
      deprecationReason: "Use marketplaceSync { state }.",
    }),
    order: t.relation("order"),
    store: t.relation("store"),
    timeline: t.field({
      type: [TimelineEntryRef],
      description: `Events oldest first, worded as the order's marketplace words them, in the requested locale: the first \`first\` (default ${PAGE_LIMITS.timeline.default}, at most ${PAGE_LIMITS.timeline.max}) after the entry whose \`cursor\` is \`after\`. \`timelineCount\` says how many there are in all.`,
      args: {
        locale: t.arg({ type: "Locale", description: localeArgDescription }),
        first: t.arg.int({
          description: `Entries to return: default ${PAGE_LIMITS.timeline.default}, larger values read as ${PAGE_LIMITS.timeline.max}.`,
        }),
        after: t.arg.string({ description: "The `cursor` of the last entry already read." }),
      },
      complexity: ({ first }) => ({
        field: 1,
        multiplier: pageSize(first, PAGE_LIMITS.timeline) ?? 0,
      }),
      select: {
        order: { select: { buyerLocale: true } },
        store: { select: { marketplace: true, site: true } },
      },
      resolve: async (shipment, args, ctx) => {
        const first = pageSizeArg(args.first, PAGE_LIMITS.timeline);
        const after = timelineCursorArg(args.after);
        const events = await timelinePages(ctx).load({ shipmentId: shipment.id, first, after });
        const locale = answerLocale(ctx, args.locale, shipment.order, shipment.store);
        const marketplace = shipment.store.marketplace;
        return events.map((event) => ({ event, locale, marketplace, shipment }));
      },
    }),
    timelineCount: t.relationCount("events", {
      description: "How many entries the whole timeline has (page with timeline(first, after)).",
    }),
    buyerMessage: t.string({
      description:
        "What the buyer is told at a milestone of this parcel, in the marketplace's words.",
      args: {
        milestone: t.arg({ type: MilestoneEnum, required: true }),
        locale: t.arg({ type: "Locale", description: localeArgDescription }),
      },
      select: {
        order: { select: { buyerLocale: true, nativeOrderId: true } },
        store: { select: { marketplace: true, site: true } },
      },
      resolve: (shipment, args, ctx) =>
        ctx.texts.milestone(
          shipment.store.marketplace,
          answerLocale(ctx, args.locale, shipment.order, shipment.store),
          args.milestone,
          {
            orderId: shipment.order.nativeOrderId,
            carrier: carrierView(ctx, shipment.carrier, null).info.name,
            trackingNumber: shipment.trackingNumber,
          },
        ),
    }),
  }),
});

const ShipmentFilter = builder.inputType("ShipmentFilter", {
  fields: (t) => ({
    status: t.field({ type: TrackingStatusEnum }),
    storeId: t.globalID({ for: StoreRef }),
    carrier: t.string(),
    trackingNumber: t.string(),
    hasException: t.boolean(),
    travelling: t.boolean({
      description:
        "True: parcels still on their way (not DELIVERED or EXPIRED, and not RETURNED_TO_SENDER); false: the others.",
    }),
  }),
});

builder.queryFields((t) => ({
  shipments: t.prismaConnection({
    type: "Shipment",
    cursor: "id",
    args: { filter: t.arg({ type: ShipmentFilter }) },
    resolve: (query, _root, { filter }, ctx) => {
      assertTextLimits(filter, INPUT_LIMITS.shipmentFilter, "filter");
      const where: Prisma.ShipmentWhereInput = {
        tenantId: ctx.viewer.tenantId,
        status: filter?.status ?? undefined,
        storeId: filter?.storeId?.id,
        carrier: filter?.carrier?.toLowerCase(),
        trackingNumber: filter?.trackingNumber
          ? trackingNumberKey(filter.trackingNumber)
          : undefined,
      };
      const and: Prisma.ShipmentWhereInput[] = [];
      if (filter?.hasException != null) {
        and.push({
          status: filter.hasException
            ? { in: [...EXCEPTION_STATUSES] }
            : { notIn: [...EXCEPTION_STATUSES] },
        });
      }
      if (filter?.travelling != null) and.push(travellingWhere(filter.travelling));
      if (and.length) where.AND = and;
      return ctx.db.shipment.findMany({
        ...query,
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
    },
  }),
  shipment: t.prismaField({
    type: "Shipment",
    nullable: true,
    args: { id: t.arg.globalID({ for: ShipmentRef, required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.shipment.findFirst({ ...query, where: { id: id.id, tenantId: ctx.viewer.tenantId } }),
  }),
  trackShipment: t.prismaField({
    type: "Shipment",
    nullable: true,
    description:
      "The caller's most recent shipment with this tracking number (spaces and dashes ignored).",
    args: { trackingNumber: t.arg.string({ required: true }), carrier: t.arg.string() },
    resolve: (query, _root, args, ctx) => {
      assertTextLimits(args, INPUT_LIMITS.trackShipment);
      return ctx.db.shipment.findFirst({
        ...query,
        where: {
          tenantId: ctx.viewer.tenantId,
          trackingNumber: trackingNumberKey(args.trackingNumber),
          carrier: args.carrier?.toLowerCase() ?? undefined,
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
    },
  }),
}));
