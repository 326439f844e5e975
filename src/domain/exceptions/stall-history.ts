import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { CalendarBook } from "../eta/calendar.ts";
import { dayAtOffset, dayInZone } from "../eta/days.ts";
import { historyVersion } from "../eta/history.ts";
import { isPhysicalScan } from "../physical-scan.ts";
import { milestonesAlong } from "./stall-milestones.ts";
import { learnStallTable, type StallJourney, type StallTable } from "./stall-thresholds.ts";

/** Gaps are learnt from parcels delivered in the last half year: lanes change with carriers. */
export const STALL_HISTORY_DAYS = 180;

/** Each tenant's stall table, learnt again when its deliveries change or the day turns. */
export interface StallTables {
  forTenant(tenantId: string, now: Date): Promise<StallTable>;
}

/** The cache lives in the app (buildApp), never in a module. */
export function createStallTables(deps: {
  db: PrismaClient;
  calendars: CalendarBook;
}): StallTables {
  const tables = new Map<string, { version: string; table: Promise<StallTable> }>();
  return {
    async forTenant(tenantId, now) {
      const today = dayInZone(now, "UTC");
      const version = `${today}:${await historyVersion(deps.db, tenantId)}`;
      const cached = tables.get(tenantId);
      if (cached?.version === version) return cached.table;
      const since = new Date((today - STALL_HISTORY_DAYS) * 86_400_000);
      const table = loadStallJourneys(deps.db, tenantId, since).then((journeys) =>
        learnStallTable(journeys, deps.calendars),
      );
      tables.set(tenantId, { version, table });
      table.catch(() => tables.delete(tenantId));
      return table;
    },
  };
}

/** The tenant's delivered parcels since `since`, as their physical scans with milestones. */
export async function loadStallJourneys(
  db: PrismaClient,
  tenantId: string,
  since: Date,
): Promise<StallJourney[]> {
  const shipments = await db.shipment.findMany({
    where: { tenantId, deliveredAt: { gte: since } },
    select: {
      order: { select: { destinationCountry: true } },
      events: { where: { codeKnown: true }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
    },
  });
  return shipments.map(({ order, events }) => {
    const milestones = milestonesAlong(events);
    const scans = events
      .map((event, i) => ({ event, milestone: milestones[i]! }))
      .filter(({ event }) => isPhysicalScan(event));
    return {
      originCountry: scans[0]?.event.countryCode ?? null,
      destinationCountry: order.destinationCountry,
      scans: scans.map(({ event, milestone }) => ({
        day: dayAtOffset(event.occurredAt, event.utcOffsetMinutes),
        milestone,
      })),
    };
  });
}
