import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import { TRACKING_PROBLEMS, type TrackingProblem } from "../vocabulary/seller-risk.ts";
import { unsupportedCarriers } from "./carrier-support.ts";
import { windowBounds } from "./metric-window.ts";
import type { SellerMetricsInput } from "./seller-metrics.ts";
import {
  carrierIn,
  carrierMismatch,
  invalidTracking,
  missingScan,
  notUploaded,
  refusedByMarketplace,
  reportedAt,
  reportedInWindow,
  shipConfirmed,
  uploadedAfterDelivery,
} from "./shipment-facts.ts";
import { withoutJit } from "./without-jit.ts";

/** A shipment that counts, or will count, against the Valid Tracking Rate, and why. */
export interface TrackingProblemRow {
  shipmentId: string;
  orderId: string;
  /** Its confirmation time, or its attachment time while it is not confirmed. */
  reportedAt: Date;
  reasons: TrackingProblem[];
  /** The marketplace's last refusal, as it gave it. */
  syncErrorCode: string | null;
  syncError: string | null;
}

/** Where a page starts: next to this row in the report's order (newest first). */
export interface ReportCursor {
  reportedAt: Date;
  id: string;
}

/** A page as Relay asks for it: `limit` rows after/before the cursors; `inverted` reads from the end. */
export interface ReportPage {
  after?: ReportCursor | null;
  before?: ReportCursor | null;
  limit: number;
  inverted: boolean;
}

export interface ValidTrackingReportInput extends SellerMetricsInput {
  carriers: Pick<CarrierRegistry, "validate">;
  page: ReportPage;
}

const CURSOR_PREFIX = "vtr:";

export function encodeReportCursor(row: { reportedAt: Date; shipmentId: string }): string {
  const text = `${CURSOR_PREFIX}${row.reportedAt.toISOString()}|${row.shipmentId}`;
  return Buffer.from(text).toString("base64url");
}

/** The cursor a client sent back; null when it is not one this report made. */
export function decodeReportCursor(cursor: string): ReportCursor | null {
  if (cursor.length > 200) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const [at, id, ...rest] = text.slice(CURSOR_PREFIX.length).split("|");
  if (rest.length > 0 || !at || !id || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const time = new Date(at);
  return Number.isNaN(time.getTime()) ? null : { reportedAt: time, id };
}

interface Row {
  shipmentId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  reportedAt: Date;
  syncErrorCode: string | null;
  syncError: string | null;
  NO_PHYSICAL_SCAN: boolean;
  CARRIER_MISMATCH: boolean;
  UPLOADED_AFTER_DELIVERY: boolean;
  INVALID_TRACKING_ID: boolean;
  UNSUPPORTED_CARRIER: boolean;
  NOT_UPLOADED: boolean;
}

/**
 * The shipments of a store, reported in the window, whose tracking does not count as valid
 * (ship-confirmed ones) or has not reached the marketplace yet (NOT_UPLOADED), newest first.
 * Two statements: the window's carriers (to apply the plugin's carrier list), then the page.
 */
export async function validTrackingReport(
  db: PrismaClient,
  input: ValidTrackingReportInput,
): Promise<TrackingProblemRow[]> {
  const { tenantId, storeId, page } = input;
  const inWindow = reportedInWindow(windowBounds(input.window, input.now));
  const store = Prisma.sql`s."tenantId" = ${tenantId} AND s."storeId" = ${storeId}`;
  const needsScan = input.plugin.validTrackingNeedsScan;
  const order = page.inverted ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await withoutJit(db, async (tx) => {
    const carriers = await tx.$queryRaw<{ carrier: string }[]>`
      SELECT DISTINCT s."carrier" FROM "Shipment" s WHERE ${store} AND ${inWindow}`;
    const unsupported = unsupportedCarriers(
      input.plugin,
      input.site,
      carriers.map((row) => row.carrier),
    );
    return tx.$queryRaw<Row[]>`
    SELECT s."id" AS "shipmentId", s."orderId", s."carrier", s."trackingNumber",
      s."syncErrorCode", s."syncError", ${reportedAt} AS "reportedAt",
      ${missingScan(needsScan)} AS "NO_PHYSICAL_SCAN",
      ${carrierMismatch} AS "CARRIER_MISMATCH",
      ${uploadedAfterDelivery} AS "UPLOADED_AFTER_DELIVERY",
      ${refusedByMarketplace} AS "INVALID_TRACKING_ID",
      ${carrierIn(unsupported)} AS "UNSUPPORTED_CARRIER",
      ${notUploaded} AS "NOT_UPLOADED"
    FROM "Shipment" s
    WHERE ${store} AND ${inWindow}
      AND ((${shipConfirmed} AND ${invalidTracking(needsScan, unsupported)}) OR ${notUploaded})
      ${cursorCondition(page)}
    ORDER BY ${reportedAt} ${order}, s."id" ${order}
    LIMIT ${page.limit}`;
  });
  return rows.map((row) => {
    // A number that fails its carrier's check digit is invalid whatever the marketplace said.
    const check = input.carriers.validate(row.carrier, row.trackingNumber);
    const badCheckDigit = check.errors.some((error) => error.code === "CHECK_DIGIT_MISMATCH");
    const flags: Record<TrackingProblem, boolean> = {
      ...row,
      INVALID_TRACKING_ID: row.INVALID_TRACKING_ID || badCheckDigit,
    };
    return {
      shipmentId: row.shipmentId,
      orderId: row.orderId,
      reportedAt: row.reportedAt,
      reasons: TRACKING_PROBLEMS.filter((problem) => flags[problem]),
      syncErrorCode: row.syncErrorCode,
      syncError: row.syncError,
    };
  });
}

function cursorCondition({ after, before }: ReportPage): Prisma.Sql {
  const key = Prisma.sql`(${reportedAt}, s."id")`;
  const at = (cursor: ReportCursor) =>
    Prisma.sql`(${cursor.reportedAt}::timestamptz, ${cursor.id}::text)`;
  return Prisma.sql`${after ? Prisma.sql`AND ${key} < ${at(after)}` : Prisma.empty}
    ${before ? Prisma.sql`AND ${key} > ${at(before)}` : Prisma.empty}`;
}
