import type { Prisma } from "../../generated/prisma/client.ts";
import { trackingNumberKey } from "../domain/tracking-number-key.ts";
import type { TrackingSubstatus } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { CarrierRef, carrierView } from "./carrier.ts";
import { MarketplaceSyncStateEnum, TrackingStatusEnum, TrackingSubstatusEnum } from "./scalars.ts";
import { StoreRef } from "./store.ts";
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
      resolve: (shipment) => carrierView(shipment.carrier, shipment.trackingNumber),
    }),
    shippingMethod: t.exposeString("shippingMethod", { nullable: true }),
    shippedAt: t.expose("shippedAt", { type: "DateTime", nullable: true }),
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
    syncState: t.expose("syncState", { type: MarketplaceSyncStateEnum }),
    order: t.relation("order"),
    store: t.relation("store"),
    timeline: t.field({
      type: [TimelineEntryRef],
      description: "Every event, oldest first; description in the requested locale.",
      args: { locale: t.arg.string({ description: "BCP 47, falls back zh-Hant -> zh -> en" }) },
      select: { events: { orderBy: [{ occurredAt: "asc" }, { recordedAt: "asc" }] } },
      resolve: (shipment, { locale }) =>
        shipment.events.map((event) => ({ event, locale, shipment })),
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
  }),
});

builder.queryFields((t) => ({
  shipments: t.prismaConnection({
    type: "Shipment",
    cursor: "id",
    args: { filter: t.arg({ type: ShipmentFilter }) },
    resolve: (query, _root, { filter }, ctx) => {
      const where: Prisma.ShipmentWhereInput = {
        tenantId: ctx.viewer.tenantId,
        status: filter?.status ?? undefined,
        storeId: filter?.storeId?.id,
        carrier: filter?.carrier?.toLowerCase(),
        trackingNumber: filter?.trackingNumber
          ? trackingNumberKey(filter.trackingNumber)
          : undefined,
      };
      if (filter?.hasException != null) {
        where.AND = {
          status: filter.hasException
            ? { in: [...EXCEPTION_STATUSES] }
            : { notIn: [...EXCEPTION_STATUSES] },
        };
      }
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
    resolve: (query, _root, args, ctx) =>
      ctx.db.shipment.findFirst({
        ...query,
        where: {
          tenantId: ctx.viewer.tenantId,
          trackingNumber: trackingNumberKey(args.trackingNumber),
          carrier: args.carrier?.toLowerCase() ?? undefined,
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
}));
