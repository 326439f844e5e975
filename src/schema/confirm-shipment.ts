import { GraphQLError } from "graphql";
import type { Shipment } from "../../generated/prisma/client.ts";
import type { ShipmentChange } from "../domain/changes.ts";
import { INPUT_LIMITS, textLimitErrors } from "../domain/input-limits.ts";
import { changeKey } from "../domain/shared-reads.ts";
import { confirmShipment } from "../domain/shipments.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { OrderRef } from "./order.ts";
import { ShipmentRef } from "./shipment.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

const ConfirmShipmentInput = builder.inputType("ConfirmShipmentInput", {
  fields: (t) => ({
    orderId: t.globalID({ for: OrderRef, required: true }),
    carrier: t.string({ required: true, description: 'Carrier code, e.g. "ups", "yunexpress"' }),
    trackingNumber: t.string({ required: true }),
    shippingMethod: t.string(),
    shipDate: t.field({ type: "DateTime", description: "Defaults to now." }),
    force: t.boolean({ description: "Attach even when the number fails validation." }),
  }),
});

const ConfirmShipmentPayload = builder
  .objectRef<{ shipment: Shipment | null; errors: UserError[]; warnings: UserError[] }>(
    "ConfirmShipmentPayload",
  )
  .implement({
    fields: (t) => ({
      shipment: t.field({
        type: ShipmentRef,
        nullable: true,
        resolve: (payload) => payload.shipment,
      }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
      warnings: t.field({
        type: [UserErrorRef],
        description: "Accepted, but worth a look (a number another order already tracks).",
        resolve: (payload) => payload.warnings,
      }),
    }),
  });

builder.mutationField("confirmShipment", (t) =>
  t.field({
    type: ConfirmShipmentPayload,
    description:
      "Attaches a validated tracking number to an order; the marketplace push is queued.",
    args: { input: t.arg({ type: ConfirmShipmentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { shipment: null, errors: denied, warnings: [] };
      const fields = { ...input, orderId: input.orderId.id };
      // confirmShipment (src/domain/shipments.ts) does not check text sizes itself yet.
      const oversized = textLimitErrors(fields, INPUT_LIMITS.confirmShipment);
      if (oversized.length) return { shipment: null, errors: oversized, warnings: [] };
      return confirmShipment(ctx.db, ctx.viewer.tenantId, fields, {
        now: ctx.now(),
        carriers: ctx.carriers,
        marketplaces: ctx.marketplaces,
        jobs: ctx.jobs,
      });
    },
  }),
);

builder.subscriptionField("shipmentUpdated", (t) =>
  t.prismaField({
    type: "Shipment",
    description: "The shipment each time it changes (new events, new status).",
    args: { id: t.arg.globalID({ for: ShipmentRef, required: true }) },
    subscribe: async (_root, { id }, ctx) => {
      const owned = await ctx.db.shipment.count({
        where: { id: id.id, tenantId: ctx.viewer.tenantId },
      });
      if (!owned)
        throw new GraphQLError("no such shipment for this API key", {
          extensions: { code: "NOT_FOUND" },
        });
      return ctx.feed.shipmentUpdated(id.id);
    },
    // Every subscriber asking for the same fields shares one read of the change (decision 035).
    resolve: (query, change: ShipmentChange, _args, ctx) =>
      ctx.sharedReads.read(
        `shipment|${changeKey(ctx.viewer.tenantId, change)}|${JSON.stringify(query)}`,
        () =>
          ctx.db.shipment.findUniqueOrThrow({
            ...query,
            where: { id: change.shipmentId, tenantId: ctx.viewer.tenantId },
          }),
      ),
  }),
);
