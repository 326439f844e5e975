import type { Shipment } from "../../generated/prisma/client.ts";
import { ensurePublicToken, revokePublicToken } from "../domain/public-tracking/token.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { ShipmentRef } from "./shipment.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

builder.prismaObjectField(ShipmentRef, "publicUrl", (t) =>
  t.string({
    description:
      "The buyer's tracking page for this parcel (/t/<token>), readable without a key; issued on first read, replaced after revokePublicTrackingLink.",
    select: { publicTokenSealed: true },
    resolve: async (shipment, _args, ctx) => {
      const token = await ensurePublicToken(ctx.db, ctx.secretBox, shipment);
      return `${ctx.publicBaseUrl}/t/${token}`;
    },
  }),
);

builder.prismaObjectField(ShipmentRef, "publicUrlRevokedAt", (t) =>
  t.expose("publicTokenRevokedAt", {
    type: "DateTime",
    nullable: true,
    description: "When a public tracking link of this parcel was last revoked.",
  }),
);

const RevokePublicTrackingLinkInput = builder.inputType("RevokePublicTrackingLinkInput", {
  fields: (t) => ({ shipmentId: t.globalID({ for: ShipmentRef, required: true }) }),
});

const RevokePublicTrackingLinkPayload = builder
  .objectRef<{ shipment: Shipment | null; errors: UserError[] }>("RevokePublicTrackingLinkPayload")
  .implement({
    fields: (t) => ({
      shipment: t.field({ type: ShipmentRef, nullable: true, resolve: (p) => p.shipment }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
    }),
  });

builder.mutationField("revokePublicTrackingLink", (t) =>
  t.field({
    type: RevokePublicTrackingLinkPayload,
    description:
      "Stops the parcel's public tracking link at once (it answers 404); the next read of publicUrl issues a new one. Needs orders:write.",
    args: { input: t.arg({ type: RevokePublicTrackingLinkInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { shipment: null, errors: denied };
      return revokePublicToken(ctx.db, ctx.viewer.tenantId, input.shipmentId.id, ctx.now());
    },
  }),
);
