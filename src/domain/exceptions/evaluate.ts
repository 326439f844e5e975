import { Prisma, type PrismaClient } from "../../../generated/prisma/client.ts";
import type { ChangePublisher, ExceptionChange } from "../changes.ts";
import type { CalendarBook } from "../eta/calendar.ts";
import type { DeliveryEstimates, DeliveryQuote } from "../eta/service.ts";
import { shipmentQuote } from "../eta/shipment-quote.ts";
import type { JobQueue } from "../jobs.ts";
import { queueBuyerNotifications } from "../notifications/queue.ts";
import { shipmentException } from "../outbound-webhooks/events.ts";
import { emitWebhookEvent } from "../outbound-webhooks/outbox.ts";
import {
  type EstimatedLatest,
  EXCEPTION_FACTS_SELECT,
  exceptionFacts,
  type LoadedShipment,
} from "./facts.ts";
import { type DetectedException, detectExceptions, NO_SCAN_BUSINESS_DAYS } from "./rules.ts";
import type { StallTables } from "./stall-history.ts";
import type { StallTable } from "./stall-thresholds.ts";

export interface ExceptionDeps {
  now: Date;
  publisher: Pick<ChangePublisher, "exceptionRaised">;
  calendars: CalendarBook;
  stallTables: StallTables;
  /** The hand-over estimate LATE compares against; without it, LATE reads the promise only. */
  estimates?: Pick<DeliveryEstimates, "estimate"> & Partial<Pick<DeliveryEstimates, "pinned">>;
  noScanBusinessDays?: number;
  /**
   * Queues, in the statement's transaction, the `shipment.exception` webhooks and the buyer
   * notifications of opened exceptions; neither is sent without it.
   */
  jobs?: JobQueue;
}

export interface ExceptionRunResult {
  /** Exceptions this run opened (each published once the statement committed). */
  raised: ExceptionChange[];
  /** How many open exceptions this run closed. */
  closed: number;
}

/** The confidence of the hand-over estimate LATE compares with: the API's default. */
export const LATE_ESTIMATE_CONFIDENCE = 0.9;

/**
 * Opens the exceptions that hold for these shipments and are not open, and closes the open ones
 * that no longer hold. Race-safe without locks: the statement skips a shipment that changed
 * since it was read (its evaluation is queued again by that change), and the partial unique
 * index keeps one open row per (shipment, type) whoever inserts first.
 */
export async function evaluateShipmentExceptions(
  db: PrismaClient,
  shipmentIds: readonly string[],
  deps: ExceptionDeps,
): Promise<ExceptionRunResult> {
  if (shipmentIds.length === 0) return { raised: [], closed: 0 };
  const shipments = await db.shipment.findMany({
    where: { id: { in: [...shipmentIds] } },
    select: EXCEPTION_FACTS_SELECT,
  });
  const estimates = await handOverEstimates(shipments, deps);
  const tables = new Map<string, StallTable>();
  for (const tenantId of new Set(shipments.map((shipment) => shipment.tenantId))) {
    tables.set(tenantId, await deps.stallTables.forTenant(tenantId, deps.now));
  }
  const detected = new Map<string, DetectedException[]>();
  for (const shipment of shipments) {
    const table = tables.get(shipment.tenantId)!;
    const facts = exceptionFacts(shipment, deps.calendars, estimates.get(shipment.id) ?? null);
    const lane = {
      originCountry: facts.originCountry,
      destinationCountry: facts.destinationCountry,
    };
    detected.set(
      shipment.id,
      detectExceptions(facts, {
        now: deps.now,
        calendar: deps.calendars.calendar(facts.destinationCountry),
        stallThreshold: (milestone) => table.threshold(lane, milestone),
        noScanBusinessDays: deps.noScanBusinessDays ?? NO_SCAN_BUSINESS_DAYS,
      }),
    );
  }
  // What a sweep usually finds: the open exceptions are exactly those that hold. Writing them
  // again would change nothing (the insert conflicts, nothing closes); skip the statement.
  const open = await openTypes(db, shipmentIds);
  const changing = shipments.filter(
    (shipment) => !sameTypes(open.get(shipment.id) ?? [], detected.get(shipment.id)!),
  );
  if (changing.length === 0) return { raised: [], closed: 0 };
  const statement = applyStatement(deps.now, changing, detected);
  const { jobs } = deps;
  let webhooks = 0;
  let notifying = 0;
  const rows = await db.$transaction(async (tx) => {
    const applied = await tx.$queryRaw<ExceptionRow[]>(statement);
    if (jobs) {
      webhooks = await emitExceptionWebhooks(tx, jobs, applied, shipments, deps.now);
      const opened = applied.filter((row) => row.kind === "opened");
      notifying = await queueBuyerNotifications(tx, jobs, opened);
    }
    return applied;
  });
  if (webhooks > 0) jobs?.wake("webhook-delivery");
  if (notifying > 0) jobs?.wake("buyer-notifications");
  const raised = rows
    .filter((row) => row.kind === "opened")
    .map(({ exceptionId, tenantId, storeId, shipmentId, type }) => ({
      exceptionId,
      tenantId,
      storeId,
      shipmentId,
      type,
    }));
  for (const change of raised) deps.publisher.exceptionRaised(change);
  return { raised, closed: rows.length - raised.length };
}

/**
 * The types of each shipment's open exceptions, probed shipment by shipment (LATERAL with OFFSET
 * 0, which the planner cannot flatten into a hash join): otherwise an unanalysed table (PGlite
 * never analyzes) had every page read every open exception of every tenant.
 */
async function openTypes(
  db: PrismaClient,
  shipmentIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<{ shipmentId: string; type: string }[]>(Prisma.sql`
    SELECT i."id" AS "shipmentId", x."type" FROM unnest(${[...shipmentIds]}::text[]) AS i("id")
    CROSS JOIN LATERAL (
      SELECT "type" FROM "ShipmentException"
      WHERE "shipmentId" = i."id" AND "closedAt" IS NULL OFFSET 0) AS x`);
  const open = new Map<string, string[]>();
  for (const row of rows) open.set(row.shipmentId, [...(open.get(row.shipmentId) ?? []), row.type]);
  return open;
}

function sameTypes(open: readonly string[], holding: readonly DetectedException[]): boolean {
  if (open.length !== holding.length) return false;
  const types = new Set(open);
  return holding.every((found) => types.has(found.type));
}

/** The latest day of each moving shipment's estimate as it stood at hand-over. */
async function handOverEstimates(
  shipments: readonly LoadedShipment[],
  deps: ExceptionDeps,
): Promise<Map<string, EstimatedLatest>> {
  const found = new Map<string, EstimatedLatest>();
  if (!deps.estimates) return found;
  const byTenant = new Map<string, { ids: string[]; quotes: DeliveryQuote[] }>();
  for (const shipment of shipments) {
    if (shipment.status === "DELIVERED" || shipment.status === "EXPIRED") continue;
    const quote = shipmentQuote(shipment, "HAND_OVER");
    // Not handed over yet: NO_SCAN_AFTER_CONFIRMATION and the promise speak for it.
    if (!quote.reached.SHIPPED) continue;
    const group = byTenant.get(shipment.tenantId) ?? { ids: [], quotes: [] };
    group.ids.push(shipment.id);
    group.quotes.push(quote);
    byTenant.set(shipment.tenantId, group);
  }
  for (const [tenantId, { ids, quotes }] of byTenant) {
    const results = await deps.estimates.estimate(tenantId, quotes, LATE_ESTIMATE_CONFIDENCE);
    ids.forEach((id, i) => {
      const result = results[i];
      if (result) found.set(id, { latest: result.latest, timeZone: result.timeZone });
    });
  }
  return found;
}

type ExceptionRow = ExceptionChange & {
  kind: "opened" | "closed";
  since: Date;
  evidence: Record<string, unknown>;
};

/**
 * `shipment.exception` for each exception opened or closed, in the statement's transaction; only
 * tenants subscribed to it are looked at one by one (a sweep may change thousands at once).
 */
async function emitExceptionWebhooks(
  tx: Prisma.TransactionClient,
  jobs: JobQueue,
  rows: readonly ExceptionRow[],
  shipments: readonly LoadedShipment[],
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const subscribed = await tenantsSubscribed(tx, [...new Set(rows.map((row) => row.tenantId))]);
  const byId = new Map(shipments.map((shipment) => [shipment.id, shipment]));
  let queued = 0;
  for (const row of rows) {
    const shipment = byId.get(row.shipmentId);
    if (!shipment || !subscribed.has(row.tenantId)) continue;
    const exception = {
      id: row.exceptionId,
      type: row.type,
      state: row.kind === "opened" ? ("OPEN" as const) : ("CLOSED" as const),
      since: row.since,
      evidence: row.evidence,
    };
    queued += await emitWebhookEvent(tx, jobs, shipmentException(shipment, exception, now), now);
  }
  return queued;
}

async function tenantsSubscribed(
  tx: Prisma.TransactionClient,
  tenantIds: readonly string[],
): Promise<Set<string>> {
  const found = await tx.webhookSubscription.findMany({
    where: { tenantId: { in: [...tenantIds] }, events: { has: "shipment.exception" } },
    select: { tenantId: true },
    distinct: ["tenantId"],
  });
  return new Set(found.map((row) => row.tenantId));
}

function applyStatement(
  now: Date,
  shipments: readonly LoadedShipment[],
  detected: ReadonlyMap<string, readonly DetectedException[]>,
): Prisma.Sql {
  const holds = shipments.flatMap((shipment) =>
    (detected.get(shipment.id) ?? []).map((found) => ({ shipmentId: shipment.id, ...found })),
  );
  const at = Prisma.sql`${now}::timestamptz`;
  return Prisma.sql`
    WITH loaded AS (
      SELECT * FROM unnest(${shipments.map((s) => s.id)}::text[],
        ${shipments.map((s) => s.updatedAt)}::timestamptz[],
        ${shipments.map((s) => s.events.length)}::int[]) AS v("id", "updatedAt", "events")
    ),
    fresh AS (
      SELECT s."id", s."tenantId", s."storeId" FROM "Shipment" s JOIN loaded v ON v."id" = s."id"
      WHERE s."updatedAt" = v."updatedAt"
        AND (SELECT count(*) FROM "TrackingEvent" e WHERE e."shipmentId" = s."id") = v."events"
    ),
    holds AS (
      SELECT * FROM unnest(${holds.map((h) => h.shipmentId)}::text[],
        ${holds.map((h) => h.type)}::text[], ${holds.map((h) => h.since)}::timestamptz[],
        ${holds.map((h) => JSON.stringify(h.evidence))}::text[])
        AS h("shipmentId", "type", "since", "evidence")
    ),
    closed AS (
      UPDATE "ShipmentException" x SET "closedAt" = ${at}
      WHERE x."closedAt" IS NULL AND x."shipmentId" IN (SELECT f."id" FROM fresh f)
        AND NOT EXISTS (
          SELECT 1 FROM holds h WHERE h."shipmentId" = x."shipmentId" AND h."type" = x."type")
      RETURNING x."id", x."tenantId", x."storeId", x."shipmentId", x."type", x."since",
        x."evidence"
    ),
    opened AS (
      INSERT INTO "ShipmentException"
        ("id", "tenantId", "storeId", "shipmentId", "type", "since", "evidence", "openedAt")
      SELECT gen_random_uuid()::text, f."tenantId", f."storeId", h."shipmentId", h."type",
        h."since", h."evidence"::jsonb, ${at}
      FROM holds h JOIN fresh f ON f."id" = h."shipmentId"
      ON CONFLICT ("shipmentId", "type") WHERE "closedAt" IS NULL DO NOTHING
      RETURNING "id", "tenantId", "storeId", "shipmentId", "type", "since", "evidence"
    )
    SELECT 'opened' AS "kind", "id" AS "exceptionId", "tenantId", "storeId", "shipmentId", "type",
      "since", "evidence"
    FROM opened
    UNION ALL
    SELECT 'closed', "id", "tenantId", "storeId", "shipmentId", "type", "since", "evidence"
    FROM closed`;
}
