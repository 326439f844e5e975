import type { Shipment } from "../../generated/prisma/client.ts";
import { retryMarketplaceSync } from "../domain/marketplace-sync.ts";
import { correctShipmentTracking } from "../domain/tracking-correction.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { MarketplaceSyncStateEnum } from "./scalars.ts";
import { ShipmentRef } from "./shipment.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

const MarketplaceSyncRef = builder.objectRef<Shipment>("MarketplaceSync").implement({
  description: "The push of this shipment's tracking to its marketplace; every attempt is counted.",
  fields: (t) => ({
    state: t.field({ type: MarketplaceSyncStateEnum, resolve: (s) => s.syncState }),
    attempts: t.int({
      description:
        "Calls made for the current tracking (a correction or a retry starts again at 0).",
      resolve: (s) => s.syncAttempts,
    }),
    lastErrorCode: t.string({
      nullable: true,
      description:
        'The marketplace\'s error code ("InvalidInput"), or ours (NETWORK_ERROR, MISSING_CREDENTIALS).',
      resolve: (s) => s.syncErrorCode,
    }),
    lastError: t.string({
      nullable: true,
      description: "The last failure, in the marketplace's words.",
      resolve: (s) => s.syncError,
    }),
    nextAttemptAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When a retryable failure is tried again (back-off with jitter).",
      resolve: (s) => s.syncNextAttemptAt,
    }),
    confirmedAt: t.field({ type: "DateTime", nullable: true, resolve: (s) => s.syncConfirmedAt }),
    packageReference: t.int({
      description: "The package's number within its order, sent as Amazon's packageReferenceId.",
      resolve: (s) => s.packageReference,
    }),
  }),
});

builder.objectField(ShipmentRef, "marketplaceSync", (t) =>
  t.field({ type: MarketplaceSyncRef, resolve: (shipment) => shipment }),
);

const ShipmentSyncPayload = builder
  .objectRef<{ shipment: Shipment | null; errors: UserError[]; warnings?: UserError[] }>(
    "ShipmentSyncPayload",
  )
  .implement({
    fields: (t) => ({
      shipment: t.field({ type: ShipmentRef, nullable: true, resolve: (p) => p.shipment }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
      warnings: t.field({ type: [UserErrorRef], resolve: (p) => p.warnings ?? [] }),
    }),
  });

builder.mutationField("retryMarketplaceSync", (t) =>
  t.field({
    type: ShipmentSyncPayload,
    description:
      "Pushes a shipment's tracking again now, attempts from zero: for a seller who fixed the cause of a FAILED push, or who will not wait for the first scan.",
    args: { shipmentId: t.arg.globalID({ for: ShipmentRef, required: true }) },
    resolve: async (_root, { shipmentId }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { shipment: null, errors: denied };
      return retryMarketplaceSync(ctx.db, ctx.jobs, ctx.viewer.tenantId, shipmentId.id);
    },
  }),
);

const CorrectShipmentTrackingInput = builder.inputType("CorrectShipmentTrackingInput", {
  fields: (t) => ({
    shipmentId: t.globalID({ for: ShipmentRef, required: true }),
    carrier: t.string({ description: "The corrected carrier code; unchanged when absent." }),
    trackingNumber: t.string({ description: "The corrected number; unchanged when absent." }),
    force: t.boolean({ description: "Accept a number that fails validation." }),
  }),
});

builder.mutationField("correctShipmentTracking", (t) =>
  t.field({
    type: ShipmentSyncPayload,
    description:
      "Corrects the carrier or tracking number of a shipment not yet delivered, validates it again and pushes it again (same package number). Refused after delivery (CORRECTION_AFTER_DELIVERY): the marketplace no longer counts it.",
    args: { input: t.arg({ type: CorrectShipmentTrackingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { shipment: null, errors: denied };
      return correctShipmentTracking(
        ctx.db,
        ctx.viewer.tenantId,
        { ...input, shipmentId: input.shipmentId.id },
        { now: ctx.now(), carriers: ctx.carriers, marketplaces: ctx.marketplaces, jobs: ctx.jobs },
      );
    },
  }),
);
