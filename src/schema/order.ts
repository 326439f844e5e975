import type { Order } from "../../generated/prisma/client.ts";
import { createOrder } from "../domain/orders.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { OrderStateEnum } from "./scalars.ts";
import { StoreRef } from "./store.ts";
import { UserErrorRef, writeScopeError } from "./user-error.ts";

export const OrderRef = builder.prismaNode("Order", {
  id: { field: "id" },
  // Another tenant's id resolves to null, exactly like an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  fields: (t) => ({
    nativeOrderId: t.exposeString("nativeOrderId"),
    nativeStatus: t.exposeString("nativeStatus", { description: "As the marketplace spells it." }),
    state: t.expose("state", { type: OrderStateEnum }),
    store: t.relation("store"),
    placedAt: t.expose("placedAt", { type: "DateTime" }),
    shipByDate: t.expose("shipByDate", { type: "DateTime", nullable: true }),
    promisedDeliveryFrom: t.expose("promisedDeliveryFrom", { type: "DateTime", nullable: true }),
    promisedDeliveryTo: t.expose("promisedDeliveryTo", { type: "DateTime", nullable: true }),
    destinationCountry: t.exposeString("destinationCountry"),
    buyerLocale: t.exposeString("buyerLocale"),
    shipments: t.relation("shipments", { query: { orderBy: { createdAt: "asc" } } }),
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
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.order.findMany({
        ...query,
        where: {
          tenantId: ctx.viewer.tenantId,
          storeId: filter?.storeId?.id,
          state: filter?.state ?? undefined,
          destinationCountry: filter?.destinationCountry?.toUpperCase(),
        },
        orderBy: [{ placedAt: "desc" }, { id: "desc" }],
      }),
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
    nativeStatus: t.string({ required: true }),
    state: t.field({ type: OrderStateEnum, description: "Defaults to READY_TO_SHIP." }),
    buyerLocale: t.string({ required: true }),
    destinationCountry: t.string({ required: true }),
    placedAt: t.field({ type: "DateTime", required: true }),
    shipByDate: t.field({ type: "DateTime" }),
    promisedDeliveryFrom: t.field({ type: "DateTime" }),
    promisedDeliveryTo: t.field({ type: "DateTime" }),
    items: t.field({ type: [OrderItemInput] }),
  }),
});

const CreateOrderPayload = builder
  .objectRef<{ order: Order | null; errors: UserError[] }>("CreateOrderPayload")
  .implement({
    fields: (t) => ({
      order: t.field({ type: OrderRef, nullable: true, resolve: (payload) => payload.order }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("createOrder", (t) =>
  t.field({
    type: CreateOrderPayload,
    args: { input: t.arg({ type: CreateOrderInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = writeScopeError(ctx);
      if (denied.length) return { order: null, errors: denied };
      return createOrder(ctx.db, ctx.viewer.tenantId, {
        ...input,
        storeId: input.storeId.id,
        placedAt: input.placedAt.instant,
        shipByDate: input.shipByDate?.instant,
        promisedDeliveryFrom: input.promisedDeliveryFrom?.instant,
        promisedDeliveryTo: input.promisedDeliveryTo?.instant,
      });
    },
  }),
);
