import type { Prisma, PrismaClient, Shipment, Store } from "../../generated/prisma/client.ts";
import type { MarketplacePlugin } from "../plugins/types.ts";
import type { MarketplaceSyncState } from "../vocabulary/index.ts";
import type { JobQueue } from "./jobs.ts";
import { type UserError, userError } from "./user-error.ts";

type Tx = Prisma.TransactionClient;

/** How a new shipment's push starts: its state and, when a job is due, when it runs. */
export interface InitialSync {
  state: MarketplaceSyncState;
  /** When the push job runs; null: no job (nothing to push, or nothing to push with). */
  runAt: Date | null;
  errorCode?: string;
  error?: string;
}

// Without a ship-by date, a shipment held for its first scan is pushed a day after it was confirmed.
const SCAN_WAIT_FALLBACK_MS = 86_400_000;

/** The latest moment a shipment held for its first scan is pushed anyway. */
export function scanDeadline(shipByDate: Date | null, confirmedAt: Date): Date {
  return shipByDate ?? new Date(confirmedAt.getTime() + SCAN_WAIT_FALLBACK_MS);
}

/**
 * The store's policy decides: MANUAL (or a marketplace without an API) needs no push; a store
 * without credentials cannot push yet (FAILED until it has some, then queued again);
 * CONFIRM_ON_FIRST_SCAN holds the push until the carrier's first physical scan, the ship-by date
 * at the latest (Amazon counts a number only after a scan; one pushed before a scan that never
 * comes is the commonest invalid tracking).
 */
export function initialSync(
  store: Pick<Store, "syncPolicy" | "credentials">,
  plugin: MarketplacePlugin | undefined,
  context: { shipByDate: Date | null; hasScan: boolean; now: Date },
): InitialSync {
  if (!plugin?.api || store.syncPolicy === "MANUAL") return { state: "NOT_REQUIRED", runAt: null };
  if (!store.credentials) {
    return {
      state: "FAILED",
      runAt: null,
      errorCode: "MISSING_CREDENTIALS",
      error: `the store has no ${plugin.name} credentials: updateStoreCredentials adds them, and this push is queued again`,
    };
  }
  if (store.syncPolicy === "CONFIRM_ON_FIRST_SCAN" && !context.hasScan) {
    const deadline = scanDeadline(context.shipByDate, context.now);
    if (deadline.getTime() > context.now.getTime()) {
      return { state: "WAITING_FOR_SCAN", runAt: deadline };
    }
  }
  return { state: "PENDING", runAt: context.now };
}

/** Queues the push of one version of a shipment's tracking, in the caller's transaction. */
export async function queueSync(
  tx: Tx,
  jobs: JobQueue,
  shipment: Pick<Shipment, "id" | "syncVersion">,
  runAt?: Date,
): Promise<void> {
  await jobs.enqueue(
    tx,
    "marketplace-sync",
    { shipmentId: shipment.id, version: shipment.syncVersion },
    { key: `${shipment.id}:${shipment.syncVersion}`, startAfter: runAt },
  );
}

/** queueSync for many shipments in one statement (a tracking file's chunk). */
export async function queueSyncs(
  tx: Tx,
  jobs: JobQueue,
  pushes: readonly { shipment: Pick<Shipment, "id" | "syncVersion">; runAt: Date }[],
): Promise<void> {
  await jobs.enqueueMany(
    tx,
    "marketplace-sync",
    pushes.map(({ shipment, runAt }) => ({
      data: { shipmentId: shipment.id, version: shipment.syncVersion },
      options: { key: `${shipment.id}:${shipment.syncVersion}`, startAfter: runAt },
    })),
  );
}

/** A fresh push: a new version (older jobs then do nothing), attempts from zero, queued now. */
async function restartSync(tx: Tx, jobs: JobQueue, where: Prisma.ShipmentWhereInput) {
  const shipments = await tx.shipment.findMany({ where, select: { id: true } });
  for (const { id } of shipments) {
    const restarted = await tx.shipment.update({
      where: { id },
      data: {
        syncState: "PENDING",
        syncVersion: { increment: 1 },
        syncAttempts: 0,
        syncError: null,
        syncErrorCode: null,
        syncNextAttemptAt: null,
        syncConfirmedAt: null,
      },
    });
    await queueSync(tx, jobs, restarted);
  }
  return shipments.length;
}

/** The first physical scan releases a shipment held for it (inside the ingest transaction). */
export function releaseOnFirstScan(tx: Tx, jobs: JobQueue, shipmentId: string): Promise<number> {
  return restartSync(tx, jobs, { id: shipmentId, syncState: "WAITING_FOR_SCAN" });
}

/** New credentials: pushes that failed for want of working ones go again. */
export function requeueForCredentials(tx: Tx, jobs: JobQueue, storeId: string): Promise<number> {
  return restartSync(tx, jobs, {
    storeId,
    syncState: "FAILED",
    syncErrorCode: { in: ["MISSING_CREDENTIALS", "INVALID_CREDENTIALS"] },
  });
}

/** A seller fixed the cause (or will not wait for the scan): push again now. */
export async function retryMarketplaceSync(
  db: PrismaClient,
  jobs: JobQueue,
  tenantId: string,
  shipmentId: string,
): Promise<{ shipment: Shipment | null; errors: UserError[] }> {
  const shipment = await db.shipment.findFirst({ where: { id: shipmentId, tenantId } });
  if (!shipment) {
    return { shipment: null, errors: [userError("NOT_FOUND", "no such shipment", "shipmentId")] };
  }
  if (shipment.syncState === "CONFIRMED") {
    const message =
      "the marketplace already confirmed this tracking; correctShipmentTracking changes it";
    return { shipment: null, errors: [userError("SYNC_ALREADY_CONFIRMED", message, "shipmentId")] };
  }
  if (shipment.syncState === "NOT_REQUIRED") {
    const message = "this store does not push tracking (sync policy MANUAL, or no marketplace API)";
    return { shipment: null, errors: [userError("SYNC_NOT_REQUIRED", message, "shipmentId")] };
  }
  await db.$transaction((tx) =>
    restartSync(tx, jobs, { id: shipment.id, syncState: shipment.syncState }),
  );
  jobs.wake("marketplace-sync");
  return {
    shipment: await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } }),
    errors: [],
  };
}
