import { GraphQLError } from "graphql";
import { filter, pipe } from "graphql-yoga";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ExceptionChange } from "../domain/changes.ts";
import { EXCEPTION_TYPES, type ExceptionType } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { carrierView } from "./carrier.ts";
import type { Context } from "./context.ts";
import { answerLocale } from "./locale.ts";
import { ShipmentRef } from "./shipment.ts";
import { assertOwnStore, StoreRef } from "./store.ts";

const TYPE_DESCRIPTIONS: Record<ExceptionType, string> = {
  STALLED:
    "No physical scan for more business days than this lane's usual gap at the parcel's milestone (learnt from the tenant's deliveries, or a default).",
  DELIVERY_FAILED: "The carrier's latest word is a failed delivery attempt.",
  CUSTOMS_HELD: "The carrier's latest word is a customs hold.",
  RETURNING_TO_SENDER: "The carrier is taking the parcel back to the sender.",
  LATE: "Not delivered by the order's promised date, or by the latest day of the estimate made at hand-over.",
  NO_SCAN_AFTER_CONFIRMATION:
    "The tracking was confirmed to the marketplace business days ago and the carrier has not scanned the parcel.",
};

const ExceptionTypeEnum = builder.enumType("ShipmentExceptionType", {
  description: "What went wrong with a parcel on its way.",
  values: Object.fromEntries(
    EXCEPTION_TYPES.map((type) => [type, { description: TYPE_DESCRIPTIONS[type] }]),
  ),
});

builder.scalarType("JSONObject", {
  description: "A JSON object (an exception's evidence: what its rule saw).",
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError("JSONObject is an output type only");
  },
});

export const ShipmentExceptionRef = builder.prismaNode("ShipmentException", {
  id: { field: "id" },
  description:
    "An exception on a shipment: opened when its condition starts to hold, closed by itself when the parcel moves again or the condition stops holding.",
  // Another tenant's id resolves to null, exactly like an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  fields: (t) => ({
    type: t.field({ type: ExceptionTypeEnum, resolve: (row) => row.type as ExceptionType }),
    since: t.expose("since", { type: "DateTime", description: "When the condition started." }),
    openedAt: t.expose("openedAt", { type: "DateTime" }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    open: t.boolean({ resolve: (row) => row.closedAt === null }),
    evidence: t.field({
      type: "JSONObject",
      description: "What the rule saw: thresholds, business days counted, the event, the promise.",
      resolve: (row) => row.evidence,
    }),
    suggestedAction: t.string({
      description: "What the seller could do, in the seller's language.",
      args: {
        locale: t.arg({
          type: "Locale",
          description: "BCP 47; without it: the request's Accept-Language, then the site's.",
        }),
      },
      select: {
        shipment: { select: { carrier: true } },
        store: { select: { marketplace: true, site: true } },
      },
      resolve: (row, args, ctx) => {
        const evidence = (row.evidence ?? {}) as Record<string, unknown>;
        return ctx.texts.exception(
          row.store.marketplace,
          answerLocale(ctx, args.locale, null, row.store),
          row.type as ExceptionType,
          {
            carrier: carrierView(ctx, row.shipment.carrier, null).info.name,
            days: typeof evidence.businessDays === "number" ? evidence.businessDays : 0,
            date: typeof evidence.date === "string" ? evidence.date : "",
          },
        );
      },
    }),
    shipment: t.relation("shipment"),
    store: t.relation("store"),
  }),
});

builder.prismaObjectField(ShipmentRef, "exceptions", (t) =>
  t.relation("exceptions", {
    description:
      "The shipment's exceptions, oldest first; `open` keeps only open (or closed) ones.",
    args: { open: t.arg.boolean() },
    query: (args) => ({
      where: args.open == null ? {} : { closedAt: args.open ? null : { not: null } },
      orderBy: [{ openedAt: "asc" }, { type: "asc" }],
    }),
  }),
);

const ExceptionFilter = builder.inputType("ShipmentExceptionFilter", {
  fields: (t) => ({
    storeId: t.globalID({ for: StoreRef }),
    types: t.field({ type: [ExceptionTypeEnum] }),
    open: t.boolean({ description: "True: open only; false: closed only; absent: both." }),
  }),
});

interface FilterArgs {
  filter?: {
    storeId?: { id: string } | null;
    types?: readonly string[] | null;
    open?: boolean | null;
  } | null;
}

function exceptionWhere(ctx: Context, { filter }: FilterArgs): Prisma.ShipmentExceptionWhereInput {
  return {
    tenantId: ctx.viewer.tenantId,
    storeId: filter?.storeId?.id,
    type: filter?.types ? { in: [...filter.types] } : undefined,
    closedAt: filter?.open == null ? undefined : filter.open ? null : { not: null },
  };
}

const TypeCountRef = builder
  .objectRef<{ type: ExceptionType; count: number }>("ShipmentExceptionTypeCount")
  .implement({
    fields: (t) => ({
      type: t.field({ type: ExceptionTypeEnum, resolve: (row) => row.type }),
      count: t.exposeInt("count"),
    }),
  });

builder.queryField("exceptions", (t) =>
  t.prismaConnection(
    {
      type: "ShipmentException",
      cursor: "id",
      description: "The caller's shipment exceptions, newest first.",
      args: { filter: t.arg({ type: ExceptionFilter }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.shipmentException.findMany({
          ...query,
          where: exceptionWhere(ctx, args),
          orderBy: [{ openedAt: "desc" }, { id: "desc" }],
        }),
    },
    {
      fields: (c) => ({
        countsByType: c.field({
          type: [TypeCountRef],
          description: "How many exceptions the filter matches, per type (every page alike).",
          resolve: async (connection, _args, ctx) => {
            const { args } = connection as unknown as { args: FilterArgs };
            const groups = await ctx.db.shipmentException.groupBy({
              by: ["type"],
              where: exceptionWhere(ctx, args),
              _count: { _all: true },
            });
            const counts = new Map(groups.map((group) => [group.type, group._count._all]));
            return EXCEPTION_TYPES.filter((type) => counts.has(type)).map((type) => ({
              type,
              count: counts.get(type) ?? 0,
            }));
          },
        }),
      }),
    },
  ),
);

builder.subscriptionField("exceptionRaised", (t) =>
  t.field({
    type: ShipmentExceptionRef,
    description: "Each exception opened on one of the store's shipments, as it opens.",
    args: { storeId: t.arg.globalID({ for: StoreRef, required: true }) },
    subscribe: async (_root, { storeId }, ctx) => {
      await assertOwnStore(ctx, storeId.id);
      return pipe(
        ctx.feed.exceptionRaised(ctx.viewer.tenantId),
        filter((change: ExceptionChange) => change.storeId === storeId.id),
      );
    },
    resolve: (change, _args, ctx) =>
      ctx.db.shipmentException.findUniqueOrThrow({ where: { id: change.exceptionId } }),
  }),
);
