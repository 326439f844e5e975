import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { SellerRiskCode } from "../vocabulary/seller-risk.ts";
import { carrierSupported } from "./carrier-support.ts";
import type { ChangePublisher, RiskChange } from "./changes.ts";
import { notUploaded } from "./shipment-facts.ts";
import { withoutJit } from "./without-jit.ts";

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

/** What the sweep reads of a shipment; queries of candidates select these, as `s`. */
const SHIPMENT_FACTS = Prisma.sql`s."id", s."tenantId", s."storeId", s."orderId", s."carrier",
  s."createdAt", s."firstScanAt", s."syncConfirmedAt", s."syncState"`;

/**
 * Which shipments a run looks at. `carriers`: the (storeId, carrier) pairs of every shipment it
 * watches, to check against the marketplaces' lists. `candidates`: the SHIPMENT_FACTS of those
 * that may hold a risk or have one open, given the carrier codes some marketplace does not take.
 */
interface SweepScope {
  carriers: Prisma.Sql;
  candidates(unsupportedCarriers: readonly string[]): Prisma.Sql;
}

/**
 * Every shipment's risks in two statements, for a periodic job: raises what newly holds (once: a
 * re-run raises nothing), clears open risks whose cause went away, and publishes each raised
 * risk. Shipments attached within RISK_HORIZON_MS are watched, and any shipment with an open
 * risk until that risk clears.
 */
export function sweepSellerRisks(db: PrismaClient, deps: RiskSweepDeps): Promise<RiskSweepResult> {
  const horizon = Prisma.sql`${new Date(deps.now.getTime() - RISK_HORIZON_MS)}::timestamptz`;
  const withOpenRisks = Prisma.sql`"ShipmentRisk" r JOIN "Shipment" s ON s."id" = r."shipmentId"
    WHERE r."clearedAt" IS NULL`;
  return evaluate(db, deps, {
    carriers: Prisma.sql`SELECT s."storeId", s."carrier" FROM "Shipment" s
      WHERE s."createdAt" > ${horizon}
      UNION SELECT s."storeId", s."carrier" FROM ${withOpenRisks}`,
    // Most shipments are scanned, confirmed and with a listed carrier: only the others can hold a risk.
    candidates: (unsupported) => Prisma.sql`SELECT ${SHIPMENT_FACTS} FROM "Shipment" s
      WHERE s."createdAt" > ${horizon} AND (s."firstScanAt" IS NULL OR ${notUploaded}
        OR s."carrier" = ANY(${[...unsupported]}::text[]))
      UNION SELECT ${SHIPMENT_FACTS} FROM ${withOpenRisks}`,
  });
}

/** The same for some shipments only, e.g. right after their marketplace push succeeded or failed. */
export function evaluateShipmentRisks(
  db: PrismaClient,
  shipmentIds: readonly string[],
  deps: RiskSweepDeps,
): Promise<RiskSweepResult> {
  const these = Prisma.sql`"Shipment" s WHERE s."id" = ANY(${[...shipmentIds]}::text[])`;
  return evaluate(db, deps, {
    carriers: Prisma.sql`SELECT DISTINCT s."storeId", s."carrier" FROM ${these}`,
    candidates: () => Prisma.sql`SELECT ${SHIPMENT_FACTS} FROM ${these}`,
  });
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

/** Raises and clears, then publishes what was raised once the transaction committed. */
async function evaluate(
  db: PrismaClient,
  deps: RiskSweepDeps,
  scope: SweepScope,
): Promise<RiskSweepResult> {
  const rows = await withoutJit(db, async (tx) => {
    const carriers = await tx.$queryRaw<{ marketplace: string; site: string; carrier: string }[]>`
      SELECT DISTINCT st."marketplace", st."site", w."carrier"
      FROM (${scope.carriers}) w JOIN "Store" st ON st."id" = w."storeId"`;
    const unsupported = carriers.filter(({ marketplace, site, carrier }) => {
      const found = deps.marketplaces.site(marketplace, site);
      return found !== undefined && !carrierSupported(found.plugin, found.site, carrier);
    });
    const codes = [...new Set(unsupported.map((row) => row.carrier))];
    return tx.$queryRaw<RiskRow[]>(sweepStatement(deps.now, scope.candidates(codes), unsupported));
  });
  const raised = rows
    .filter((row) => row.kind === "raised")
    .map(({ kind: _kind, ...change }) => change);
  for (const change of raised) deps.publisher.riskRaised(change);
  return { raised, cleared: rows.length - raised.length };
}

type RiskRow = RiskChange & { kind: "raised" | "cleared" };

/**
 * One statement: each candidate's risks that hold (`at_risk`), open risks that no longer hold
 * cleared, risks that hold and are not open inserted or opened again (the unique (shipmentId,
 * code) index makes a re-run insert nothing). Both changes are returned.
 */
function sweepStatement(
  now: Date,
  candidates: Prisma.Sql,
  unsupported: readonly { marketplace: string; site: string; carrier: string }[],
): Prisma.Sql {
  const at = (ms: number) => Prisma.sql`${new Date(now.getTime() + ms)}::timestamptz`;
  const column = (key: "marketplace" | "site" | "carrier") =>
    Prisma.sql`${unsupported.map((row) => row[key])}::text[]`;
  return Prisma.sql`
    WITH candidates AS (${candidates}),
    facts AS (
      SELECT s."id" AS "shipmentId", s."tenantId", s."storeId",
        s."createdAt" > ${at(-RISK_HORIZON_MS)} AS "fresh",
        (s."firstScanAt" IS NULL
          AND COALESCE(s."syncConfirmedAt", s."createdAt") <= ${at(-SCAN_GRACE_MS)}) AS "NO_PHYSICAL_SCAN",
        -- The order is read only for shipments not uploaded (the left operand is evaluated first).
        (${notUploaded} AND EXISTS (SELECT 1 FROM "Order" o WHERE o."id" = s."orderId"
          AND o."cancelledAt" IS NULL AND o."shipByDate" <= ${at(SHIP_BY_WARNING_MS)})) AS "NOT_UPLOADED",
        (s."syncState" = 'FAILED') AS "SYNC_FAILED",
        ((st."marketplace", st."site", s."carrier") IN (SELECT * FROM unnest(
          ${column("marketplace")}, ${column("site")}, ${column("carrier")}))) AS "UNSUPPORTED_CARRIER"
      FROM candidates s JOIN "Store" st ON st."id" = s."storeId"
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
      UPDATE "ShipmentRisk" r SET "clearedAt" = ${at(0)}
      WHERE r."clearedAt" IS NULL AND r."shipmentId" IN (SELECT c."id" FROM candidates c)
        AND NOT EXISTS (
          SELECT 1 FROM at_risk a WHERE a."shipmentId" = r."shipmentId" AND a."code" = r."code")
      RETURNING r."id", r."tenantId", r."storeId", r."shipmentId", r."code"
    ),
    raised AS (
      INSERT INTO "ShipmentRisk" ("id", "tenantId", "storeId", "shipmentId", "code", "raisedAt")
      SELECT gen_random_uuid()::text, a."tenantId", a."storeId", a."shipmentId", a."code", ${at(0)}
      FROM at_risk a WHERE a."fresh"
      ON CONFLICT ("shipmentId", "code") DO UPDATE
        SET "raisedAt" = EXCLUDED."raisedAt", "clearedAt" = NULL
        WHERE "ShipmentRisk"."clearedAt" IS NOT NULL
      RETURNING "id", "tenantId", "storeId", "shipmentId", "code"
    )
    SELECT 'raised' AS "kind", "id" AS "riskId", "tenantId", "storeId", "shipmentId", "code"
    FROM raised
    UNION ALL
    SELECT 'cleared', "id", "tenantId", "storeId", "shipmentId", "code" FROM cleared`;
}
