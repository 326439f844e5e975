import { randomUUID } from "node:crypto";
import type { PrismaClient, Shipment, Store } from "../../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../../carriers/registry.ts";
import { normalizeTrackingNumber } from "../../carriers/tracking-numbers/index.ts";
import type { MarketplaceRegistry } from "../../plugins/registry.ts";
import type { JobQueue } from "../jobs.ts";
import { type InitialSync, initialSync, queueSyncs } from "../marketplace-sync.ts";
import {
  type ConfirmationPlan,
  checkConfirmation,
  shareParcel,
  uploadWarnings,
} from "../shipments.ts";
import { type UserError, userError } from "../user-error.ts";
import { type ImportProblem, rowCell, type TrackingColumn, type TrackingRow } from "./columns.ts";
import { insertShipments, type NewShipment } from "./insert-shipments.ts";
import { attachedNumbers, findOrders, type ImportOrder, parcelTwins } from "./lookups.ts";
import { createStoreFinder } from "./stores.ts";

export interface ApplyDeps {
  now: Date;
  carriers: CarrierRegistry;
  marketplaces: MarketplaceRegistry;
  jobs: JobQueue;
}

export interface ApplyOutcome {
  /** Rows that confirmed a new shipment. */
  applied: number;
  /** Rows whose order already carries that carrier and number (or an earlier row of the file did). */
  unchanged: number;
  rejected: number;
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

/**
 * Rows per lookup and per transaction: one query finds a chunk's orders, one its shipments, one
 * transaction writes it (row by row, confirmShipment's eight statements made 100,000 rows take
 * minutes on the embedded database).
 */
const CHUNK = 1000;

interface Planned {
  row: TrackingRow;
  order: ImportOrder;
  store: Store;
  plan: ConfirmationPlan;
}

/**
 * Applies checked rows as confirmShipment would, one row after another: the same checks
 * (checkConfirmation), the same initial push state, the push queued in the transaction that
 * creates the shipment. A row naming a carrier and number its order already has is unchanged.
 */
export async function applyTrackingRows(
  db: PrismaClient,
  tenantId: string,
  rows: readonly TrackingRow[],
  deps: ApplyDeps,
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = {
    applied: 0,
    unchanged: 0,
    rejected: 0,
    problems: [],
    warnings: [],
  };
  const findStore = createStoreFinder(await db.store.findMany({ where: { tenantId } }));
  // Carrier + number per order, of the database and of rows applied so far: a repeat is unchanged.
  const attached = new Set<string>();
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const stores = new Map<TrackingRow, Store>();
    for (const row of chunk) {
      const found = findStore(row.store, row.row);
      if ("store" in found) stores.set(row, found.store);
      else reject(outcome, [found.problem]);
    }
    const orders = await ordersOf(db, tenantId, [...stores.entries()]);
    const orderIds = [...new Set([...orders.values()].map((order) => order.id))];
    for (const shipment of await attachedNumbers(db, orderIds)) {
      attached.add(attachKey(shipment.orderId, shipment.carrier, shipment.trackingNumber));
    }
    const items = await orderItems(db, chunk, orders);
    const planned: Planned[] = [];
    for (const [row, store] of stores) {
      const order = orders.get(orderKey(store.id, row.orderId));
      if (!order) {
        const message = `no order ${row.orderId} in store ${store.name}`;
        reject(outcome, asProblems(row, [userError("NOT_FOUND", message, "orderId")]));
        continue;
      }
      const key = attachKey(order.id, row.carrier.trim().toLowerCase(), normalized(row));
      if (attached.has(key)) {
        outcome.unchanged++;
        continue;
      }
      const input = {
        orderId: order.id,
        carrier: row.carrier,
        trackingNumber: row.trackingNumber,
        shippingMethod: row.shippingMethod,
        shipDate: row.shippedAt,
      };
      const checked = checkConfirmation(order, input, deps);
      if ("errors" in checked) {
        reject(outcome, asProblems(row, checked.errors, checked.suggestions));
        continue;
      }
      const unknownItem = row.items.find((item) => !items.get(order.id)?.has(item));
      if (unknownItem !== undefined) {
        const message = `order ${row.orderId} has no item ${unknownItem}`;
        reject(outcome, asProblems(row, [userError("NOT_FOUND", message, "items")]));
        continue;
      }
      attached.add(key);
      planned.push({ row, order, store, plan: checked });
    }
    await writeChunk(db, tenantId, planned, deps, outcome);
  }
  return outcome;
}

/** The chunk's orders by store and native id, in one query. */
async function ordersOf(
  db: PrismaClient,
  tenantId: string,
  rows: readonly [TrackingRow, Store][],
): Promise<Map<string, ImportOrder>> {
  const keys = new Map(
    rows.map(([row, store]) => [orderKey(store.id, row.orderId), [store.id, row.orderId] as const]),
  );
  const found = await findOrders(db, tenantId, [...keys.values()]);
  return new Map(found.map((order) => [orderKey(order.storeId, order.nativeOrderId), order]));
}

/** Native item ids of the orders whose rows name items (most files name none: no query). */
async function orderItems(
  db: PrismaClient,
  chunk: readonly TrackingRow[],
  orders: Map<string, ImportOrder>,
): Promise<Map<string, Set<string>>> {
  const items = new Map<string, Set<string>>();
  const naming = new Set(chunk.filter((row) => row.items.length > 0).map((row) => row.orderId));
  const ids = [...orders.values()].filter((o) => naming.has(o.nativeOrderId)).map((o) => o.id);
  if (ids.length === 0) return items;
  for (const item of await db.orderItem.findMany({
    where: { orderId: { in: ids } },
    select: { orderId: true, nativeItemId: true },
  })) {
    items.set(item.orderId, (items.get(item.orderId) ?? new Set()).add(item.nativeItemId));
  }
  return items;
}

/**
 * The planned rows' push states (a parcel another shipment saw scanned is not held for its
 * scan), then one transaction: shipments, order states, push jobs. Afterwards a number another
 * order already tracks shares that parcel's events, as confirmShipment does.
 */
async function writeChunk(
  db: PrismaClient,
  tenantId: string,
  planned: Planned[],
  deps: ApplyDeps,
  outcome: ApplyOutcome,
): Promise<void> {
  if (planned.length === 0) return;
  const numbers = [...new Set(planned.map((p) => p.plan.trackingNumber))];
  const twins = await parcelTwins(db, tenantId, numbers);
  const scanned = new Set(
    twins.filter((t) => t.scanned).map((t) => `${t.carrier}|${t.trackingNumber}`),
  );
  const shared = new Set(twins.map((t) => `${t.carrier}|${t.trackingNumber}`));
  const syncs: InitialSync[] = planned.map((p) =>
    initialSync(p.store, deps.marketplaces.find(p.store.marketplace), {
      shipByDate: p.order.shipByDate,
      hasScan: scanned.has(`${p.plan.carrier}|${p.plan.trackingNumber}`),
      now: deps.now,
    }),
  );
  const shipments: NewShipment[] = planned.map((p, i) => {
    const sync = syncs[i] as InitialSync;
    return {
      id: randomUUID(),
      tenantId,
      orderId: p.order.id,
      storeId: p.store.id,
      carrier: p.plan.carrier,
      trackingNumber: p.plan.trackingNumber,
      shippingMethod: p.row.shippingMethod,
      shippedAt: p.plan.shipDate.instant,
      shippedAtOffsetMinutes: p.plan.shipDate.offsetMinutes,
      syncState: sync.state,
      syncErrorCode: sync.errorCode ?? null,
      syncError: sync.error ?? null,
      orderShipped: p.plan.state === "SHIPPED" && p.order.state !== "SHIPPED",
    };
  });
  let queued = 0;
  const created = await db.$transaction(
    async (tx) => {
      const inserted = await insertShipments(tx, shipments);
      const pushes = shipments.flatMap((shipment, i) => {
        const runAt = syncs[i]?.runAt;
        return inserted.has(shipment.id) && runAt
          ? [{ shipment: { id: shipment.id, syncVersion: 1 }, runAt }]
          : [];
      });
      await queueSyncs(tx, deps.jobs, pushes);
      queued = pushes.length;
      return inserted;
    },
    { timeout: 60_000 },
  );
  if (queued > 0) deps.jobs.wake("marketplace-sync");
  const sharing: string[] = [];
  for (const [i, p] of planned.entries()) {
    const shipment = shipments[i];
    // Another writer attached the same number to the order meanwhile: nothing changed here.
    if (!shipment || !created.has(shipment.id)) {
      outcome.unchanged++;
      continue;
    }
    outcome.applied++;
    const warnings = [
      ...p.plan.warnings,
      ...uploadWarnings(deps.marketplaces, p.store, p.plan.carrier, syncs[i] as InitialSync),
    ];
    outcome.warnings.push(...asProblems(p.row, warnings));
    if (shared.has(`${p.plan.carrier}|${p.plan.trackingNumber}`)) sharing.push(shipment.id);
  }
  await shareParcels(db, sharing, planned, shipments, deps, outcome);
}

/** confirmShipment's last step for the rare rows whose number another order already tracks. */
async function shareParcels(
  db: PrismaClient,
  ids: string[],
  planned: Planned[],
  shipments: NewShipment[],
  deps: ApplyDeps,
  outcome: ApplyOutcome,
): Promise<void> {
  if (ids.length === 0) return;
  const rowOf = new Map(shipments.map((s, i) => [s.id, planned[i]?.row]));
  const rows: Shipment[] = await db.shipment.findMany({ where: { id: { in: ids } } });
  for (const shipment of rows) {
    const result = await shareParcel(db, shipment, deps.jobs, deps.now);
    const row = rowOf.get(shipment.id);
    if (row) outcome.warnings.push(...asProblems(row, result.warnings));
  }
}

const COLUMN_OF: Record<string, TrackingColumn> = {
  orderId: "order_id",
  carrier: "carrier",
  trackingNumber: "tracking_number",
  shipDate: "shipped_at",
  shippingMethod: "shipping_method",
  items: "items",
};

/** confirmShipment's errors and warnings, their fields named as the file's columns. */
function asProblems(
  row: TrackingRow,
  errors: readonly UserError[],
  suggestions?: ImportProblem["suggestions"],
): ImportProblem[] {
  return errors.map((error) => {
    const column = COLUMN_OF[error.field ?? ""] ?? null;
    const value = rowCell(row, column);
    return {
      row: row.row,
      column,
      ...(value === undefined ? {} : { value }),
      code: error.code,
      message: error.message,
      ...(suggestions?.length && error.field === "trackingNumber" ? { suggestions } : {}),
    };
  });
}

function reject(outcome: ApplyOutcome, problems: ImportProblem[]): void {
  outcome.rejected++;
  outcome.problems.push(...problems);
}

/** The number as checkTracking stores it; a number it refuses is left for it to report. */
function normalized(row: TrackingRow): string {
  const result = normalizeTrackingNumber(row.trackingNumber);
  return "normalized" in result ? result.normalized : row.trackingNumber;
}

const orderKey = (storeId: string, nativeOrderId: string) => `${storeId}|${nativeOrderId}`;
const attachKey = (orderId: string, carrier: string, trackingNumber: string) =>
  `${orderId}|${carrier}|${trackingNumber}`;
