import type { Order } from "../../generated/prisma/client.ts";
import { INPUT_LIMITS, PAGE_LIMITS, pageSize } from "../domain/input-limits.ts";
import { createOrder, updateOrderStatus } from "../domain/orders.ts";
import type { UserError } from "../domain/user-error.ts";
import type { OrderState } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { answerLocale, localeArgDescription } from "./locale.ts";
import { NativeOrderStatusRef, nativeStatusView, unknownMarketplace } from "./marketplace.ts";
import { pageSizeArg } from "./paging.ts";
import { OrderStateEnum } from "./scalars.ts";
import { StoreRef } from "./store.ts";
import { assertTextLimits } from "./text-limits.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

/** A stored date with the offset it was reported in; rows from before offsets were kept read Z. */
function zoned(instant: Date | null, offsetMinutes: number) {
  return instant ? { instant, offsetMinutes } : null;
}

export const OrderRef = builder.prismaNode("Order", {
  id: { field: "id" },
  // Another tenant's id resolves to null, exactly like an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  fields: (t) => ({
    nativeOrderId: t.exposeString("nativeOrderId"),
    nativeStatus: t.field({
      type: NativeOrderStatusRef,
      description: "The marketplace's last known status of the order, in its own vocabulary.",
      select: {
        nativeStatus: true,
        buyerLocale: true,
        store: { select: { marketplace: true, site: true } },
      },
      resolve: (order, _args, ctx) => {
        const marketplace =
          ctx.marketplaces.find(order.store.marketplace) ??
          unknownMarketplace(order.store.marketplace);
        return nativeStatusView(marketplace, order.nativeStatus, order);
      },
    }),
    state: t.expose("state", {
      type: OrderStateEnum,
      description:
        "Canonical state: the marketplace's status, moved on by what trackline knows (a confirmed shipment).",
    }),
    stateLabel: t.string({
      description: "The state in the marketplace's buyer-facing words.",
      args: { locale: t.arg({ type: "Locale", description: localeArgDescription }) },
      select: {
        state: true,
        buyerLocale: true,
        store: { select: { marketplace: true, site: true } },
      },
      resolve: (order, { locale }, ctx) =>
        ctx.texts.orderState(
          order.store.marketplace,
          answerLocale(ctx, locale, order, order.store),
          order.state as OrderState,
        ),
    }),
    store: t.relation("store"),
    placedAt: t.field({
      type: "DateTime",
      description: "In the UTC offset it was reported in.",
      resolve: (order) => ({ instant: order.placedAt, offsetMinutes: order.placedAtOffsetMinutes }),
    }),
    shipByDate: t.field({
      type: "DateTime",
      nullable: true,
      description: "In the UTC offset it was reported in.",
      resolve: (order) => zoned(order.shipByDate, order.shipByDateOffsetMinutes),
    }),
    promisedDeliveryFrom: t.field({
      type: "DateTime",
      nullable: true,
      description: "In the UTC offset it was reported in.",
      resolve: (order) =>
        zoned(order.promisedDeliveryFrom, order.promisedDeliveryFromOffsetMinutes),
    }),
    promisedDeliveryTo: t.field({
      type: "DateTime",
      nullable: true,
      description: "In the UTC offset it was reported in.",
      resolve: (order) => zoned(order.promisedDeliveryTo, order.promisedDeliveryToOffsetMinutes),
    }),
    destinationCountry: t.exposeString("destinationCountry"),
    buyerLocale: t.exposeString("buyerLocale"),
    shipments: t.relation("shipments", {
      description: `The order's parcels, oldest first: the first \`first\` (default ${PAGE_LIMITS.orderShipments.default}, at most ${PAGE_LIMITS.orderShipments.max}).`,
      args: { first: t.arg.int() },
      complexity: ({ first }) => ({
        field: 1,
        multiplier: pageSize(first, PAGE_LIMITS.orderShipments) ?? 0,
      }),
      query: ({ first }) => ({
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: pageSizeArg(first, PAGE_LIMITS.orderShipments),
      }),
    }),
  }),
});

const OrderFilter = builder.inputType("OrderFilter", {
  fields: (t) => ({
    storeId: t.globalID({ for: StoreRef }),
    state: t.field({ type: OrderStateEnum }),
    destinationCountry: t.string(),
  }),
});

builder.queryField("orders", (t) =>
  t.prismaConnection({
    type: "Order",
    cursor: "id",
    args: { filter: t.arg({ type: OrderFilter }) },
    resolve: (query, _root, { filter }, ctx) => {
      assertTextLimits(filter, INPUT_LIMITS.orderFilter, "filter");
      return ctx.db.order.findMany({
        ...query,
        where: {
          tenantId: ctx.viewer.tenantId,
          storeId: filter?.storeId?.id,
          state: filter?.state ?? undefined,
          destinationCountry: filter?.destinationCountry?.toUpperCase(),
        },
        orderBy: [{ placedAt: "desc" }, { id: "desc" }],
      });
    },
  }),
);

const OrderItemInput = builder.inputType("OrderItemInput", {
  fields: (t) => ({
    nativeItemId: t.string({ required: true }),
    sku: t.string(),
    title: t.string({ required: true }),
    quantity: t.int({ required: true }),
  }),
});

const CreateOrderInput = builder.inputType("CreateOrderInput", {
  fields: (t) => ({
    storeId: t.globalID({ for: StoreRef, required: true }),
    nativeOrderId: t.string({ required: true }),
    nativeStatus: t.string({
      description:
        "As the marketplace spells it (Amazon Unshipped, Shopee READY_TO_SHIP); the canonical state follows from it. Defaults to the marketplace's status of an order awaiting shipment.",
    }),
    buyerLocale: t.string({
      description: "The buyer's language (BCP 47); defaults to the site's first.",
    }),
    destinationCountry: t.string({ required: true }),
    placedAt: t.field({ type: "DateTime", required: true }),
    shipByDate: t.field({ type: "DateTime" }),
    promisedDeliveryFrom: t.field({ type: "DateTime" }),
    promisedDeliveryTo: t.field({ type: "DateTime" }),
    items: t.field({ type: [OrderItemInput] }),
  }),
});

const OrderPayload = builder
  .objectRef<{ order: Order | null; errors: UserError[] }>("OrderPayload")
  .implement({
    fields: (t) => ({
      order: t.field({ type: OrderRef, nullable: true, resolve: (payload) => payload.order }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("createOrder", (t) =>
  t.field({
    type: OrderPayload,
    args: { input: t.arg({ type: CreateOrderInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { order: null, errors: denied };
      return createOrder(
        ctx.db,
        ctx.viewer.tenantId,
        {
          ...input,
          storeId: input.storeId.id,
        },
        ctx,
      );
    },
  }),
);

const UpdateOrderStatusInput = builder.inputType("UpdateOrderStatusInput", {
  fields: (t) => ({
    orderId: t.globalID({ for: OrderRef, required: true }),
    nativeStatus: t.string({ required: true, description: "As the marketplace spells it." }),
  }),
});

builder.mutationField("updateOrderStatus", (t) =>
  t.field({
    type: OrderPayload,
    description:
      "Records the marketplace's new status of an order; a move its marketplace does not allow is refused.",
    args: { input: t.arg({ type: UpdateOrderStatusInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { order: null, errors: denied };
      return updateOrderStatus(
        ctx.db,
        ctx.viewer.tenantId,
        { orderId: input.orderId.id, nativeStatus: input.nativeStatus },
        { marketplaces: ctx.marketplaces, now: ctx.now() },
      );
    },
  }),
);
