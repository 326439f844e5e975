import { Prisma, type PrismaClient } from "../../../generated/prisma/client.ts";
import {
  type ExceptionDeps,
  type ExceptionRunResult,
  evaluateShipmentExceptions,
} from "./evaluate.ts";

/** Shipments attached longer ago than this and never delivered are lost, not stalled. */
export const EXCEPTION_HORIZON_MS = 120 * 24 * 3_600_000;
/** Shipments evaluated per statement. */
const PAGE = 200;

/**
 * Every shipment that can hold an exception (attached within the horizon, not delivered nor
 * expired) or has one open, page by page: the time-based rules (STALLED, LATE,
 * NO_SCAN_AFTER_CONFIRMATION) start to hold without any event, so a periodic job looks.
 */
export async function sweepShipmentExceptions(
  db: PrismaClient,
  deps: ExceptionDeps,
): Promise<ExceptionRunResult> {
  const horizon = new Date(deps.now.getTime() - EXCEPTION_HORIZON_MS);
  const total: ExceptionRunResult = { raised: [], closed: 0 };
  let after = "";
  for (;;) {
    const page = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT c."id" FROM (
        SELECT s."id" FROM "Shipment" s
        WHERE s."createdAt" > ${horizon}::timestamptz AND s."id" > ${after}
          AND s."status" NOT IN ('DELIVERED', 'EXPIRED')
        UNION
        SELECT x."shipmentId" FROM "ShipmentException" x
        WHERE x."closedAt" IS NULL AND x."shipmentId" > ${after}
      ) c ORDER BY c."id" LIMIT ${PAGE}`);
    if (page.length === 0) return total;
    const result = await evaluateShipmentExceptions(
      db,
      page.map((row) => row.id),
      deps,
    );
    total.raised.push(...result.raised);
    total.closed += result.closed;
    after = page[page.length - 1]!.id;
  }
}
