import {
  Prisma,
  type PrismaClient,
  type Shipment,
  type TrackingEvent,
} from "../../generated/prisma/client.ts";
import type { EventSource } from "../../generated/prisma/enums.ts";
import type { PlaceIndex } from "../places/index.ts";
import type { EventLocation, TrackingStatus, TrackingSubstatus } from "../vocabulary/index.ts";
import { dedupeKey } from "./dedupe-key.ts";
import { placeColumns, placeIndexFor } from "./event-places.ts";
import { groupBy } from "./group-by.ts";
import { type ColumnTypes, insertRows, newRowId } from "./insert-rows.ts";
import type { JobQueue } from "./jobs.ts";
import { releaseOnFirstScan } from "./marketplace-sync.ts";
import { queueBuyerNotifications } from "./notifications/queue.ts";
import { shipmentUpdated } from "./outbound-webhooks/events.ts";
import { emitWebhookEvents } from "./outbound-webhooks/outbox.ts";
import { isPhysicalScan } from "./physical-scan.ts";
import { deferredByPush } from "./polling/schedule.ts";
import type { ZonedTime } from "./zoned-time.ts";

/** A validated, normalized event ready to be stored against one shipment. */
export interface IngestEvent {
  occurredAt: ZonedTime;
  status: TrackingStatus;
  substatus: TrackingSubstatus | null;
  rawCode: string;
  rawDescription: string;
  location: EventLocation | null;
  source: EventSource;
  /**
   * False when the carrier's code table did not know rawCode, or when an aggregator's overall
   * status overrules the scan (decision 023): kept for the timeline, never sets the status.
   */
  codeKnown?: boolean;
  /** The carrier that scanned, when not the shipment's (a hand-off to a last-mile carrier). */
  carrier?: string | null;
}

export interface IngestResult {
  shipment: Shipment;
  inserted: TrackingEvent[];
  duplicateCount: number;
  statusChanged: boolean;
}

type ShipmentKey = Pick<Shipment, "id" | "carrier" | "trackingNumber">;

/** One shipment's events; a batch may name a shipment more than once (two deliveries of it). */
export interface IngestItem {
  shipment: ShipmentKey;
  events: readonly IngestEvent[];
}

/**
 * Stores a batch of events for one shipment: dedupe -> store -> derive status from the latest
 * event by occurredAt. Late-arriving older events are kept for the timeline but never move the
 * shipment's status backwards; the guard is in the UPDATE itself so concurrent batches agree.
 */
export async function ingestEvents(
  db: PrismaClient,
  shipment: ShipmentKey,
  events: readonly IngestEvent[],
  jobs: JobQueue,
  now: Date,
): Promise<IngestResult> {
  const [result] = await ingestBatch(db, [{ shipment, events }], jobs, now);
  return result!;
}

/**
 * `ingestEvents` for many shipments in one transaction (a batch of carrier webhook deliveries):
 * one lock statement, one insert, one write per shipment, one statement per kind of follow-up
 * job. Results come back in the items' order. `alsoInTransaction` runs last, before the commit
 * (the webhook inbox marks its deliveries processed there).
 */
export async function ingestBatch(
  db: PrismaClient,
  items: readonly IngestItem[],
  jobs: JobQueue,
  now: Date,
  alsoInTransaction?: (tx: Prisma.TransactionClient, results: IngestResult[]) => Promise<void>,
): Promise<IngestResult[]> {
  // Geocoded before the transaction: the first batch of a process may wait for the gazetteer.
  const places = await placeIndexFor(items.flatMap((item) => item.events.map((e) => e.location)));
  // Each event row once per shipment; the first item that names it claims it.
  const claimed = new Map<string, Map<string, number>>();
  const rows: EventRow[] = [];
  items.forEach((item, index) => {
    const keys = claimed.get(item.shipment.id) ?? new Map<string, number>();
    claimed.set(item.shipment.id, keys);
    for (const event of item.events) {
      const row = toRow(item.shipment, event, places);
      if (keys.has(row.dedupeKey)) continue;
      keys.set(row.dedupeKey, index);
      rows.push(row);
    }
  });
  // Inserted in key order, so two batches that overlap never wait on each other's rows in
  // opposite orders (a deadlock on PostgreSQL's unique index).
  rows.sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0));
  const ids = [...claimed.keys()].sort();
  const followUps = { released: 0, webhooks: 0, notifications: 0, checks: 0 };
  const results = await db.$transaction(async (tx) => {
    if (ids.length === 0) {
      await alsoInTransaction?.(tx, []);
      return [];
    }
    // One writer per shipment at a time, locked in id order: what the lock read stays true until
    // the commit, so the status guard and the milestones are decided here and each shipment is
    // written once.
    const locked = await tx.$queryRaw<LockedShipment[]>`
      SELECT "id", "lastEventAt", "firstScanAt", "deliveredAt", "nextPollAt",
        "syncState"::text AS "syncState"
      FROM "Shipment" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`;
    const lockedById = new Map(locked.map((row) => [row.id, row]));
    for (const id of ids) if (!lockedById.has(id)) throw new Error(`shipment ${id} is gone`);
    const inserted = await insertRows<EventRow, TrackingEvent>(
      tx,
      "TrackingEvent",
      EVENT_COLUMNS,
      rows,
      {
        ignoreConflicts: true,
        returning: "*",
      },
    );
    const insertedByShipment = groupBy(inserted, (event) => event.shipmentId);
    const changes = ids.map((id) => {
      const fromWebhook = items.some(
        (item) =>
          item.shipment.id === id && item.events.some((event) => event.source === "WEBHOOK"),
      );
      return {
        id,
        ...shipmentChange(lockedById.get(id)!, insertedByShipment.get(id) ?? [], fromWebhook, now),
      };
    });
    await writeShipmentChanges(tx, changes);
    // The first scan releases a push held for it (marketplace-sync.ts).
    for (const { id, firstScan } of changes) {
      if (firstScan && lockedById.get(id)!.syncState === "WAITING_FOR_SCAN") {
        followUps.released += await releaseOnFirstScan(tx, jobs, id);
      }
    }
    const rowsById = new Map(
      (await tx.shipment.findMany({ where: { id: { in: ids } } })).map((row) => [row.id, row]),
    );
    const shipments = new Map(
      changes.map(({ id, statusChanged }) => [id, { current: rowsById.get(id)!, statusChanged }]),
    );
    const touched = ids.filter((id) => insertedByShipment.has(id));
    const changed = ids.map((id) => shipments.get(id)!).filter((s) => s.statusChanged);
    // Keyed per shipment: a burst of batches leaves one queued check, which reads them all.
    await jobs.enqueueMany(
      tx,
      "shipment-exceptions",
      touched.map((shipmentId) => ({ data: { shipmentId }, options: { key: shipmentId } })),
    );
    followUps.checks = touched.length;
    // A new status may be a milestone its buyer is told of (notifications/plan.ts decides).
    followUps.notifications = await queueBuyerNotifications(
      tx,
      jobs,
      changed.map(({ current }) => ({ shipmentId: current.id, storeId: current.storeId })),
    );
    followUps.webhooks = await emitWebhookEvents(
      tx,
      jobs,
      touched.map((id) => {
        const { current } = shipments.get(id)!;
        return shipmentUpdated(current.tenantId, current, insertedByShipment.get(id)!);
      }),
      now,
    );
    await markOrdersDelivered(
      tx,
      changed.map(({ current }) => current).filter((current) => current.status === "DELIVERED"),
    );
    const results = items.map((item, index): IngestResult => {
      const { current, statusChanged } = shipments.get(item.shipment.id)!;
      const mine = (insertedByShipment.get(item.shipment.id) ?? []).filter(
        (event) => claimed.get(item.shipment.id)!.get(event.dedupeKey) === index,
      );
      return {
        shipment: current,
        inserted: mine,
        duplicateCount: item.events.length - mine.length,
        // Told once per shipment: by the first of its items.
        statusChanged:
          statusChanged && items.findIndex((i) => i.shipment.id === item.shipment.id) === index,
      };
    });
    await alsoInTransaction?.(tx, results);
    return results;
  }, INGEST_TRANSACTION);
  if (followUps.released > 0) jobs.wake("marketplace-sync");
  if (followUps.webhooks > 0) jobs.wake("webhook-delivery");
  if (followUps.checks > 0) jobs.wake("shipment-exceptions");
  if (followUps.notifications > 0) jobs.wake("buyer-notifications");
  return results;
}

/** What ingest may set on a shipment; absent keys are left as they are. */
interface ShipmentFields {
  status?: TrackingStatus;
  substatus?: string | null;
  lastEventAt?: Date;
  firstScanAt?: Date;
  deliveredAt?: Date;
  nextPollAt?: Date;
}

/**
 * What these newly inserted events change on their locked shipment: status (never backwards),
 * milestones, and the poll deferral when the carrier pushed them.
 */
function shipmentChange(
  locked: LockedShipment,
  inserted: readonly TrackingEvent[],
  fromWebhook: boolean,
  now: Date,
) {
  const latest = pickLatest(inserted);
  // Late-arriving older events never move the status backwards.
  const statusChanged =
    latest !== undefined &&
    (locked.lastEventAt === null || asDate(locked.lastEventAt) <= latest.occurredAt);
  const milestones = milestoneChanges(locked, inserted);
  const fields: ShipmentFields = { ...milestones.data };
  if (statusChanged) {
    fields.status = latest.status as TrackingStatus;
    fields.substatus = latest.substatus;
    fields.lastEventAt = latest.occurredAt;
  }
  // The carrier pushes this parcel: polling it as well would spend its API budget for
  // nothing (decision 046). A stopped poll (null) stays stopped.
  const deferred = deferredByPush(now);
  if (fromWebhook && locked.nextPollAt !== null && asDate(locked.nextPollAt) < deferred) {
    fields.nextPollAt = deferred;
  }
  return { fields, statusChanged, firstScan: milestones.firstScan };
}

/**
 * Writes every changed shipment of a batch in one statement (UPDATE ... FROM VALUES): the status
 * trio when it moved, each milestone and the next poll when set. Shipments with nothing to
 * change are not written.
 */
async function writeShipmentChanges(
  tx: Prisma.TransactionClient,
  changes: readonly { id: string; fields: ShipmentFields }[],
): Promise<void> {
  const changed = changes.filter(({ fields }) => Object.keys(fields).length > 0);
  if (changed.length === 0) return;
  const iso = (date: Date | undefined) => (date ? date.toISOString() : null);
  const rows = changed.map(
    ({ id, fields }) =>
      Prisma.sql`(${id}, ${fields.status === undefined ? "f" : "t"}, ${fields.status ?? null},
        ${fields.substatus ?? null}, ${iso(fields.lastEventAt)}, ${iso(fields.firstScanAt)},
        ${iso(fields.deliveredAt)}, ${iso(fields.nextPollAt)})`,
  );
  await tx.$executeRaw`
    UPDATE "Shipment" AS s SET
      "status" = CASE WHEN v.moved::boolean THEN v.status::"TrackingStatus" ELSE s."status" END,
      "substatus" = CASE WHEN v.moved::boolean THEN v.substatus ELSE s."substatus" END,
      "lastEventAt" = CASE WHEN v.moved::boolean
        THEN v.last_event_at::timestamptz ELSE s."lastEventAt" END,
      "firstScanAt" = COALESCE(v.first_scan_at::timestamptz, s."firstScanAt"),
      "deliveredAt" = COALESCE(v.delivered_at::timestamptz, s."deliveredAt"),
      "nextPollAt" = COALESCE(v.next_poll_at::timestamptz, s."nextPollAt"),
      "updatedAt" = ${new Date().toISOString()}::timestamptz
    FROM (VALUES ${Prisma.join(rows)}) AS v(id, moved, status, substatus, last_event_at,
      first_scan_at, delivered_at, next_poll_at)
    WHERE s."id" = v.id`;
}

/**
 * An order is delivered when its last parcel is; only a SHIPPED order moves (a partly shipped one
 * still owes items, a return request is not withdrawn by a delivery scan). One read and one
 * write for the whole batch.
 */
async function markOrdersDelivered(
  tx: Prisma.TransactionClient,
  delivered: readonly Shipment[],
): Promise<void> {
  const orderIds = [...new Set(delivered.map((s) => s.orderId))].sort();
  if (orderIds.length === 0) return;
  const undelivered = await tx.shipment.groupBy({
    by: ["orderId"],
    where: { orderId: { in: orderIds }, status: { not: "DELIVERED" } },
  });
  const waiting = new Set(undelivered.map((row) => row.orderId));
  const done = orderIds.filter((id) => !waiting.has(id));
  if (done.length === 0) return;
  await tx.order.updateMany({
    where: { id: { in: done }, state: "SHIPPED" },
    data: { state: "DELIVERED" },
  });
}

/** What ingest reads of a shipment while holding its lock. */
interface LockedShipment {
  id: string;
  lastEventAt: Date | string | null;
  firstScanAt: Date | string | null;
  deliveredAt: Date | string | null;
  nextPollAt: Date | string | null;
  syncState: string;
}

/** A raw query's timestamp: a Date from PostgreSQL's driver, ISO text from some adapters. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * The first physical scan and the delivery time kept on the shipment (seller metrics read
 * them): what these events change. `firstScan` says they hold the parcel's first scan.
 */
function milestoneChanges(locked: LockedShipment, inserted: readonly TrackingEvent[]) {
  const earliest = (events: TrackingEvent[]) =>
    events.reduce<Date | null>(
      (first, e) => (!first || e.occurredAt < first ? e.occurredAt : first),
      null,
    );
  const firstScan = earliest(inserted.filter(isPhysicalScan));
  const delivered = earliest(inserted.filter((e) => e.codeKnown && e.status === "DELIVERED"));
  const data: { firstScanAt?: Date; deliveredAt?: Date } = {};
  if (firstScan && (!locked.firstScanAt || firstScan < asDate(locked.firstScanAt))) {
    data.firstScanAt = firstScan;
  }
  if (delivered && (!locked.deliveredAt || delivered < asDate(locked.deliveredAt))) {
    data.deliveredAt = delivered;
  }
  return {
    data,
    changed: Object.keys(data).length > 0,
    firstScan: firstScan !== null && !locked.firstScanAt,
  };
}

/** Waiting for a pooled connection under a burst is normal; Prisma's 2 s default is not enough. */
const INGEST_TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

type EventRow = ReturnType<typeof toRow>;

/** The columns ingest writes; recordedAt takes the table's default. */
const EVENT_COLUMNS: ColumnTypes<EventRow> = {
  id: "text",
  shipmentId: "text",
  occurredAt: "timestamptz",
  utcOffsetMinutes: "int4",
  status: '"TrackingStatus"',
  substatus: "text",
  rawCode: "text",
  rawDescription: "text",
  codeKnown: "boolean",
  carrier: "text",
  city: "text",
  region: "text",
  postalCode: "text",
  countryCode: "text",
  latitude: "float8",
  longitude: "float8",
  geoPrecision: '"GeoPrecision"',
  source: '"EventSource"',
  dedupeKey: "text",
};

function toRow(shipment: ShipmentKey, event: IngestEvent, places: PlaceIndex | null) {
  const where = event.location;
  return {
    id: newRowId(),
    shipmentId: shipment.id,
    occurredAt: event.occurredAt.instant,
    utcOffsetMinutes: event.occurredAt.offsetMinutes,
    status: event.status,
    substatus: event.substatus,
    rawCode: event.rawCode,
    rawDescription: event.rawDescription,
    codeKnown: event.codeKnown ?? true,
    carrier: event.carrier && event.carrier !== shipment.carrier ? event.carrier : null,
    ...placeColumns(where, places),
    source: event.source,
    dedupeKey: dedupeKey({
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      occurredAt: event.occurredAt.instant,
      rawCode: event.rawCode,
      location: where,
    }),
  };
}

/**
 * Latest known-code event by occurredAt; on a tie the later row in the batch wins, as the carrier
 * listed it. An unmapped code's fallback status is a guess and must not undo, say, DELIVERED.
 */
function pickLatest(events: readonly TrackingEvent[]): TrackingEvent | undefined {
  let latest: TrackingEvent | undefined;
  for (const event of events) {
    if (!event.codeKnown) continue;
    if (!latest || event.occurredAt.getTime() >= latest.occurredAt.getTime()) latest = event;
  }
  return latest;
}
