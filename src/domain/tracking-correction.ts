import type { PrismaClient, Shipment } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import { isUniqueViolation } from "./db-errors.ts";
import type { JobQueue } from "./jobs.ts";
import { initialSync, queueSync } from "./marketplace-sync.ts";
import { checkTracking, uploadWarnings } from "./shipments.ts";
import { type UserError, userError } from "./user-error.ts";

export interface CorrectTrackingInput {
  shipmentId: string;
  /** The corrected carrier; the current one when absent. */
  carrier?: string | null;
  /** The corrected number; the current one when absent. */
  trackingNumber?: string | null;
  force?: boolean | null;
}

type Result = { shipment: Shipment | null; errors: UserError[]; warnings: UserError[] };

/**
 * Replaces a wrong carrier or number until the parcel is delivered (Amazon counts a corrected
 * number within 72 hours; after delivery it no longer counts it, so the correction is refused).
 * The new number is validated as at confirmation and pushed again as a new version under the
 * same package number; the old number's events described another parcel and are dropped.
 */
export async function correctShipmentTracking(
  db: PrismaClient,
  tenantId: string,
  input: CorrectTrackingInput,
  deps: { now: Date; carriers: CarrierRegistry; marketplaces: MarketplaceRegistry; jobs: JobQueue },
): Promise<Result> {
  const shipment = await db.shipment.findFirst({
    where: { id: input.shipmentId, tenantId },
    include: { order: true, store: true },
  });
  if (!shipment) return refuse(userError("NOT_FOUND", "no such shipment", "shipmentId"));
  const { order, store } = shipment;
  if (
    shipment.deliveredAt ||
    shipment.status === "DELIVERED" ||
    ["DELIVERED", "COMPLETED"].includes(order.state)
  ) {
    const message =
      "the parcel is delivered: the marketplace no longer counts a corrected tracking number";
    return refuse(userError("CORRECTION_AFTER_DELIVERY", message, "shipmentId"));
  }
  const checked = checkTracking(deps.carriers, {
    carrier: input.carrier ?? shipment.carrier,
    trackingNumber: input.trackingNumber ?? shipment.trackingNumber,
    force: input.force,
  });
  if ("errors" in checked) return { shipment: null, errors: checked.errors, warnings: [] };
  const { carrier, trackingNumber } = checked;
  if (carrier === shipment.carrier && trackingNumber === shipment.trackingNumber) {
    return refuse(
      userError(
        "INVALID_INPUT",
        "give a carrier or tracking number that differs",
        "trackingNumber",
      ),
    );
  }
  const plugin = deps.marketplaces.find(store.marketplace);
  const sync =
    shipment.syncState === "NOT_REQUIRED"
      ? { state: "NOT_REQUIRED" as const, runAt: null }
      : initialSync(store, plugin, { shipByDate: order.shipByDate, hasScan: false, now: deps.now });
  let corrected: Shipment;
  try {
    corrected = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Shipment" WHERE "id" = ${shipment.id} FOR UPDATE`;
      await tx.trackingEvent.deleteMany({ where: { shipmentId: shipment.id } });
      const updated = await tx.shipment.update({
        where: { id: shipment.id },
        data: {
          carrier,
          trackingNumber,
          status: "PENDING",
          substatus: "NOT_FOUND",
          lastEventAt: null,
          firstScanAt: null,
          deliveredAt: null,
          syncState: sync.state,
          syncVersion: { increment: 1 },
          syncAttempts: 0,
          syncErrorCode: sync.errorCode ?? null,
          syncError: sync.error ?? null,
          syncNextAttemptAt: null,
          syncConfirmedAt: null,
        },
      });
      if (sync.runAt) await queueSync(tx, deps.jobs, updated, sync.runAt);
      return updated;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return refuse(
      userError(
        "DUPLICATE",
        `${trackingNumber} is already attached to this order`,
        "trackingNumber",
      ),
    );
  }
  if (sync.runAt) deps.jobs.wake("marketplace-sync");
  return {
    shipment: corrected,
    errors: [],
    warnings: [...checked.warnings, ...uploadWarnings(deps.marketplaces, store, carrier, sync)],
  };
}

function refuse(error: UserError): Result {
  return { shipment: null, errors: [error], warnings: [] };
}
