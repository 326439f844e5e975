import type {
  Prisma,
  PrismaClient,
  Shipment,
  TrackingEvent,
} from "../../generated/prisma/client.ts";
import type { EventSource } from "../../generated/prisma/enums.ts";
import type { PlaceIndex } from "../places/index.ts";
import type { EventLocation, TrackingStatus, TrackingSubstatus } from "../vocabulary/index.ts";
import { dedupeKey } from "./dedupe-key.ts";
import { placeColumns, placeIndexFor } from "./event-places.ts";
import type { JobQueue } from "./jobs.ts";
import { releaseOnFirstScan } from "./marketplace-sync.ts";
import { queueBuyerNotifications } from "./notifications/queue.ts";
import { shipmentUpdated } from "./outbound-webhooks/events.ts";
import { emitWebhookEvent } from "./outbound-webhooks/outbox.ts";
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
  // Geocoded before the transaction: the first batch of a process may wait for the gazetteer.
  const places = await placeIndexFor(events.map((event) => event.location));
  const rows = new Map<string, ReturnType<typeof toRow>>();
  for (const event of events) {
    const row = toRow(shipment, event, places);
    rows.set(row.dedupeKey, row);
  }
  // Inserted in key order, so two batches that overlap never wait on each other's rows in
  // opposite orders (a deadlock on PostgreSQL's unique index).
  const ordered = [...rows.values()].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1));
  let released = 0;
  let webhooks = 0;
  let notifications = 0;
  const result = await db.$transaction(async (tx) => {
    // One writer per shipment at a time: what the lock read stays true until the commit, so the
    // status guard and the milestones below are decided here, and the shipment written once.
    const [locked] = await tx.$queryRaw<LockedShipment[]>`
      SELECT "lastEventAt", "firstScanAt", "deliveredAt", "nextPollAt",
        "syncState"::text AS "syncState"
      FROM "Shipment" WHERE "id" = ${shipment.id} FOR UPDATE`;
    if (!locked) throw new Error(`shipment ${shipment.id} is gone`);
    const inserted = ordered.length
      ? await tx.trackingEvent.createManyAndReturn({ data: ordered, skipDuplicates: true })
      : [];
    const latest = pickLatest(inserted);
    // Late-arriving older events never move the status backwards.
    const statusChanged =
      latest !== undefined &&
      (locked.lastEventAt === null || asDate(locked.lastEventAt) <= latest.occurredAt);
    const milestones = milestoneChanges(locked, inserted);
    const data: Prisma.ShipmentUpdateInput = { ...milestones.data };
    if (statusChanged) {
      data.status = latest.status;
      data.substatus = latest.substatus;
      data.lastEventAt = latest.occurredAt;
    }
    // The carrier pushes this parcel: polling it as well would spend its API budget for
    // nothing (decision 046). A stopped poll (null) stays stopped.
    const deferred = deferredByPush(now);
    if (
      events.some((event) => event.source === "WEBHOOK") &&
      locked.nextPollAt !== null &&
      asDate(locked.nextPollAt) < deferred
    ) {
      data.nextPollAt = deferred;
    }
    const current =
      Object.keys(data).length > 0
        ? await tx.shipment.update({ where: { id: shipment.id }, data })
        : await tx.shipment.findUniqueOrThrow({ where: { id: shipment.id } });
    // The first scan releases a push held for it (marketplace-sync.ts).
    if (milestones.firstScan && locked.syncState === "WAITING_FOR_SCAN") {
      released = await releaseOnFirstScan(tx, jobs, shipment.id);
    }
    // Keyed per shipment: a burst of batches leaves one queued check, which reads them all.
    if (inserted.length > 0) {
      await jobs.enqueue(
        tx,
        "shipment-exceptions",
        { shipmentId: shipment.id },
        { key: shipment.id },
      );
    }
    // A new status may be a milestone its buyer is told of (notifications/plan.ts decides).
    if (statusChanged) {
      notifications = await queueBuyerNotifications(tx, jobs, [
        { shipmentId: current.id, storeId: current.storeId },
      ]);
    }
    if (inserted.length > 0) {
      webhooks = await emitWebhookEvent(
        tx,
        jobs,
        shipmentUpdated(current.tenantId, current, inserted),
        now,
      );
    }
    if (statusChanged && current.status === "DELIVERED") {
      // The order is delivered when its last parcel is; only a SHIPPED order moves (a partly
      // shipped one still owes items, a return request is not withdrawn by a delivery scan).
      const undelivered = await tx.shipment.count({
        where: { orderId: current.orderId, status: { not: "DELIVERED" } },
      });
      if (undelivered === 0) {
        await tx.order.updateMany({
          where: { id: current.orderId, state: "SHIPPED" },
          data: { state: "DELIVERED" },
        });
      }
    }
    return {
      shipment: current,
      inserted,
      duplicateCount: events.length - inserted.length,
      statusChanged,
    };
  }, INGEST_TRANSACTION);
  if (released > 0) jobs.wake("marketplace-sync");
  if (webhooks > 0) jobs.wake("webhook-delivery");
  if (result.inserted.length > 0) jobs.wake("shipment-exceptions");
  if (notifications > 0) jobs.wake("buyer-notifications");
  return result;
}

/** What ingest reads of a shipment while holding its lock. */
interface LockedShipment {
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

function toRow(shipment: ShipmentKey, event: IngestEvent, places: PlaceIndex | null) {
  const where = event.location;
  return {
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
