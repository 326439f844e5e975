import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { SellerRiskCode } from "../vocabulary/seller-risk.ts";
import { carrierSupported } from "./carrier-support.ts";
import type { ChangePublisher, RiskChange } from "./changes.ts";
import { notUploaded } from "./shipment-facts.ts";

const HOUR_MS = 3_600_000;

/** How long after its confirmation (or attachment) a parcel may go without a physical scan. */
export const SCAN_GRACE_MS = 24 * HOUR_MS;
/** How long before its ship-by date an order's tracking should be confirmed. */
export const SHIP_BY_WARNING_MS = 24 * HOUR_MS;
/** Shipments attached longer ago than the longest metric window raise no new risks. */
export const RISK_HORIZON_MS = 30 * 24 * HOUR_MS;

export interface RiskSweepDeps {
  now: Date;
  publisher: Pick<ChangePublisher, "riskRaised">;
  marketplaces: MarketplaceRegistry;
}

export interface RiskSweepResult {
  /** Risks raised by this run (new, or open again after their cause came back). */
  raised: RiskChange[];
  /** How many open risks this run cleared. */
  cleared: number;
}

/**
 * Every shipment's risks in two statements, for a periodic job: raises what newly holds (once: a
 * re-run raises nothing), clears open risks whose cause went away, and publishes each raised
 * risk. Shipments attached within RISK_HORIZON_MS are watched, and any shipment with an open
 * risk until that risk clears.
 */
export function sweepSellerRisks(db: PrismaClient, deps: RiskSweepDeps): Promise<RiskSweepResult> {
  const horizon = new Date(deps.now.getTime() - RISK_HORIZON_MS);
  return evaluate(
    db,
    deps,
    Prisma.sql`SELECT s."id" FROM "Shipment" s WHERE s."createdAt" > ${horizon}::timestamptz
      UNION SELECT r."shipmentId" FROM "ShipmentRisk" r WHERE r."clearedAt" IS NULL`,
  );
}

/** The same for some shipments only, e.g. right after their marketplace push succeeded or failed. */
export function evaluateShipmentRisks(
  db: PrismaClient,
  shipmentIds: readonly string[],
  deps: RiskSweepDeps,
): Promise<RiskSweepResult> {
  return evaluate(db, deps, Prisma.sql`SELECT unnest(${[...shipmentIds]}::text[]) AS "id"`);
}

/** What a risk says to the seller. */
export function riskMessage(
  code: SellerRiskCode,
  facts: { carrier: string; marketplace: string; site: string; syncError: string | null },
): string {
  switch (code) {
    case "NO_PHYSICAL_SCAN":
      return "No physical carrier scan 24 hours after the tracking number was confirmed: marketplaces count tracking as valid only once the carrier has scanned the parcel.";
    case "NOT_UPLOADED":
      return "The ship-by date is less than 24 hours away or past and the marketplace has not confirmed the tracking number.";
    case "SYNC_FAILED":
      return `The marketplace refused the tracking upload${facts.syncError ? `: ${facts.syncError}` : "."}`;
    case "UNSUPPORTED_CARRIER":
      return `Carrier ${facts.carrier} is not on ${facts.marketplace}'s carrier list for site ${facts.site}: its tracking does not count as valid.`;
  }
}

async function evaluate(
  db: PrismaClient,
  deps: RiskSweepDeps,
  candidates: Prisma.Sql,
): Promise<RiskSweepResult> {
  const { now } = deps;
  const horizon = new Date(now.getTime() - RISK_HORIZON_MS);
  const scanDue = new Date(now.getTime() - SCAN_GRACE_MS);
  const shipByWarning = new Date(now.getTime() + SHIP_BY_WARNING_MS);
  const carriers = await db.$queryRaw<{ marketplace: string; site: string; carrier: string }[]>`
    SELECT DISTINCT st."marketplace", st."site", s."carrier"
    FROM (${candidates}) c JOIN "Shipment" s ON s."id" = c."id" JOIN "Store" st ON st."id" = s."storeId"`;
  const unsupported = carriers.filter(({ marketplace, site, carrier }) => {
    const found = deps.marketplaces.site(marketplace, site);
    return found !== undefined && !carrierSupported(found.plugin, found.site, carrier);
  });
  const rows = await db.$queryRaw<(RiskChange & { kind: "raised" | "cleared" })[]>`
    WITH candidates AS (${candidates}),
    facts AS (
      SELECT s."id" AS "shipmentId", s."tenantId", s."storeId",
        s."createdAt" > ${horizon}::timestamptz AS "fresh",
        (s."firstScanAt" IS NULL AND COALESCE(s."syncConfirmedAt", s."createdAt") <= ${scanDue}::timestamptz) AS "NO_PHYSICAL_SCAN",
        (${notUploaded} AND o."cancelledAt" IS NULL AND o."shipByDate" <= ${shipByWarning}::timestamptz) AS "NOT_UPLOADED",
        (s."syncState" = 'FAILED') AS "SYNC_FAILED",
        ((st."marketplace", st."site", s."carrier") IN (SELECT * FROM unnest(
          ${unsupported.map((row) => row.marketplace)}::text[],
          ${unsupported.map((row) => row.site)}::text[],
          ${unsupported.map((row) => row.carrier)}::text[]))) AS "UNSUPPORTED_CARRIER"
      FROM candidates c
        JOIN "Shipment" s ON s."id" = c."id"
        JOIN "Order" o ON o."id" = s."orderId"
        JOIN "Store" st ON st."id" = s."storeId"
    ),
    at_risk AS (
      SELECT f."shipmentId", f."tenantId", f."storeId", f."fresh", v."code"
      FROM facts f CROSS JOIN LATERAL (VALUES
        ('NO_PHYSICAL_SCAN', f."NO_PHYSICAL_SCAN"), ('NOT_UPLOADED', f."NOT_UPLOADED"),
        ('SYNC_FAILED', f."SYNC_FAILED"), ('UNSUPPORTED_CARRIER', f."UNSUPPORTED_CARRIER")
      ) AS v("code", "holds")
      WHERE v."holds"
    ),
    cleared AS (
      UPDATE "ShipmentRisk" r SET "clearedAt" = ${now}::timestamptz
      WHERE r."clearedAt" IS NULL AND r."shipmentId" IN (SELECT "id" FROM candidates)
        AND NOT EXISTS (
          SELECT 1 FROM at_risk a WHERE a."shipmentId" = r."shipmentId" AND a."code" = r."code")
      RETURNING r."id", r."tenantId", r."storeId", r."shipmentId", r."code"
    ),
    raised AS (
      INSERT INTO "ShipmentRisk" ("id", "tenantId", "storeId", "shipmentId", "code", "raisedAt")
      SELECT gen_random_uuid()::text, a."tenantId", a."storeId", a."shipmentId", a."code",
        ${now}::timestamptz
      FROM at_risk a WHERE a."fresh"
      ON CONFLICT ("shipmentId", "code") DO UPDATE
        SET "raisedAt" = EXCLUDED."raisedAt", "clearedAt" = NULL
        WHERE "ShipmentRisk"."clearedAt" IS NOT NULL
      RETURNING "id", "tenantId", "storeId", "shipmentId", "code"
    )
    SELECT 'raised' AS "kind", "id" AS "riskId", "tenantId", "storeId", "shipmentId", "code" FROM raised
    UNION ALL
    SELECT 'cleared', "id", "tenantId", "storeId", "shipmentId", "code" FROM cleared`;
  const raised = rows
    .filter((row) => row.kind === "raised")
    .map(({ kind: _kind, ...change }) => change);
  for (const change of raised) deps.publisher.riskRaised(change);
  return { raised, cleared: rows.length - raised.length };
}
