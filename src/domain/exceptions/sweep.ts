import { Prisma, type PrismaClient } from "../../../generated/prisma/client.ts";
import {
  type ExceptionDeps,
  type ExceptionRunResult,
  evaluateShipmentExceptions,
} from "./evaluate.ts";
import type { StallTables } from "./stall-history.ts";
import type { StallTable } from "./stall-thresholds.ts";

/** Shipments attached longer ago than this and never delivered are lost, not stalled. */
export const EXCEPTION_HORIZON_MS = 120 * 24 * 3_600_000;
/**
 * Shipments evaluated per page: each page costs a handful of statements whatever its size, and
 * holds only its own shipments in memory (bench/exception-sweep.ts: 200 took twice as long).
 */
const PAGE = 1000;

/**
 * Every shipment that can hold an exception (attached within the horizon, not delivered nor
 * expired) or has one open, page by page: the time-based rules (STALLED, LATE,
 * NO_SCAN_AFTER_CONFIRMATION) start to hold without any event, so a periodic job looks.
 */
export async function sweepShipmentExceptions(
  db: PrismaClient,
  unpinned: ExceptionDeps,
  { pageSize = PAGE }: { pageSize?: number } = {},
): Promise<ExceptionRunResult> {
  const deps: ExceptionDeps = {
    ...unpinned,
    stallTables: pinStallTables(unpinned.stallTables),
    estimates: unpinned.estimates?.pinned?.() ?? unpinned.estimates,
  };
  const horizon = new Date(deps.now.getTime() - EXCEPTION_HORIZON_MS);
  const total: ExceptionRunResult = { raised: [], closed: 0 };
  let after = "";
  for (;;) {
    // Each side takes its own first page: a UNION keeps no order, so a LIMIT only outside it
    // read every shipment after `after` on every page (quadratic in the open shipments).
    const page = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT c."id" FROM (
        (SELECT s."id" FROM "Shipment" s
        WHERE s."createdAt" > ${horizon}::timestamptz AND s."id" > ${after}
          AND s."status" NOT IN ('DELIVERED', 'EXPIRED')
        ORDER BY s."id" LIMIT ${pageSize})
        UNION
        (SELECT DISTINCT x."shipmentId" FROM "ShipmentException" x
        WHERE x."closedAt" IS NULL AND x."shipmentId" > ${after}
        ORDER BY x."shipmentId" LIMIT ${pageSize})
      ) c ORDER BY c."id" LIMIT ${pageSize}`);
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

/**
 * Each tenant's stall table looked up once per sweep: asking on every page whether its history
 * changed cost two aggregates a tenant a page (and the estimates' model as many again).
 */
function pinStallTables(tables: StallTables): StallTables {
  const pinned = new Map<string, Promise<StallTable>>();
  return {
    forTenant(tenantId, now) {
      let table = pinned.get(tenantId);
      if (!table) {
        table = tables.forTenant(tenantId, now);
        pinned.set(tenantId, table);
      }
      return table;
    },
  };
}
