import { Prisma } from "../../generated/prisma/client.ts";
import type { WindowBounds } from "./metric-window.ts";

/**
 * SQL over a `"Shipment" s` row, shared by the seller metrics, the valid-tracking report and the
 * risk sweep so the three count the same things (decision 031).
 */

/**
 * When the marketplace got the tracking: its confirmation, or, for a store that pushes tracking
 * some other way (NOT_REQUIRED), when the number was attached here. Null: not confirmed.
 */
export const confirmedAt = Prisma.sql`COALESCE(s."syncConfirmedAt", CASE WHEN s."syncState" = 'NOT_REQUIRED' THEN s."createdAt" END)`;

/** The time a shipment is reported under: its confirmation, else its attachment. */
export const reportedAt = Prisma.sql`COALESCE(s."syncConfirmedAt", s."createdAt")`;

/** The window's ends as typed SQL parameters. */
export function sqlBounds({ since, until }: WindowBounds): [Prisma.Sql, Prisma.Sql] {
  return [Prisma.sql`${since}::timestamptz`, Prisma.sql`${until}::timestamptz`];
}

/** reportedAt in the window, written so the (storeId, syncConfirmedAt) and (storeId, createdAt) indexes serve it. */
export function reportedInWindow(bounds: WindowBounds): Prisma.Sql {
  const [from, to] = sqlBounds(bounds);
  return Prisma.sql`((s."syncConfirmedAt" > ${from} AND s."syncConfirmedAt" <= ${to})
    OR (s."syncConfirmedAt" IS NULL AND s."createdAt" > ${from} AND s."createdAt" <= ${to}))`;
}

/** The marketplace holds the tracking (what Amazon calls ship-confirmed). */
export const shipConfirmed = Prisma.sql`(s."syncConfirmedAt" IS NOT NULL OR s."syncState" = 'NOT_REQUIRED')`;

/** The tracking is not (or no longer) confirmed and trackline is meant to push it. */
export const notUploaded = Prisma.sql`(s."syncState" NOT IN ('CONFIRMED', 'NOT_REQUIRED'))`;

export const noPhysicalScan = Prisma.sql`(s."firstScanAt" IS NULL)`;

/** The confirmation reached the marketplace after the delivery scan. */
export const uploadedAfterDelivery = Prisma.sql`COALESCE(${confirmedAt} > s."deliveredAt", false)`;

/**
 * The first physical scan was made by another carrier than the one declared: events carry their
 * scanning carrier only when it is not the shipment's (a hand-off), so an event at firstScanAt
 * with a carrier set means the declared carrier had not scanned the parcel first. One probe of
 * the (shipmentId, occurredAt) index per scanned shipment.
 */
export const carrierMismatch = Prisma.sql`(s."firstScanAt" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "TrackingEvent" e
    WHERE e."shipmentId" = s."id" AND e."occurredAt" = s."firstScanAt"
      AND e."carrier" IS NOT NULL AND e."carrier" <> s."carrier"))`;

/**
 * Failure codes trackline's clients give for a connection or credential problem: the
 * marketplace never judged the number. Any other failure is the marketplace refusing it.
 */
export const CONNECTION_FAILURE_CODES = [
  "INVALID_CREDENTIALS",
  "NETWORK_ERROR",
  "TIMEOUT",
  "SERVER_ERROR",
] as const;

/** The marketplace refused the upload (its own error, not a connection failure). */
export const refusedByMarketplace = Prisma.sql`(s."syncState" = 'FAILED'
  AND COALESCE(s."syncErrorCode", '') <> ALL(${[...CONNECTION_FAILURE_CODES]}::text[]))`;

/** The shipment's carrier is one of these (the carriers the marketplace does not take). */
export function carrierIn(carriers: readonly string[]): Prisma.Sql {
  return Prisma.sql`(s."carrier" = ANY(${[...carriers]}::text[]))`;
}

/** Whether a physical scan is needed for tracking to count as valid (the plugin says). */
export function missingScan(needsScan: boolean): Prisma.Sql {
  return needsScan ? noPhysicalScan : Prisma.sql`false`;
}

/** A ship-confirmed shipment whose tracking does not count as valid. */
export function invalidTracking(needsScan: boolean, unsupported: readonly string[]): Prisma.Sql {
  return Prisma.sql`(${missingScan(needsScan)} OR ${carrierMismatch} OR ${uploadedAfterDelivery}
    OR ${carrierIn(unsupported)})`;
}

/** confirmedAt of a loaded row: the same definition as the SQL above, for rules run in code. */
export function confirmedAtOf(shipment: {
  syncConfirmedAt: Date | null;
  syncState: string;
  createdAt: Date;
}): Date | null {
  return (
    shipment.syncConfirmedAt ?? (shipment.syncState === "NOT_REQUIRED" ? shipment.createdAt : null)
  );
}
