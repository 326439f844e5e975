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
    // One writer per shipment at a time: the status guard below then sees every earlier batch.
    await tx.$queryRaw`SELECT 1 FROM "Shipment" WHERE "id" = ${shipment.id} FOR UPDATE`;
    const inserted = ordered.length
      ? await tx.trackingEvent.createManyAndReturn({ data: ordered, skipDuplicates: true })
      : [];
    const latest = pickLatest(inserted);
    let statusChanged = false;
    if (latest) {
      const { count } = await tx.shipment.updateMany({
        where: {
          id: shipment.id,
          OR: [{ lastEventAt: null }, { lastEventAt: { lte: latest.occurredAt } }],
        },
        data: {
          status: latest.status,
          substatus: latest.substatus,
          lastEventAt: latest.occurredAt,
        },
      });
      statusChanged = count > 0;
    }
    released = await recordMilestones(tx, jobs, shipment.id, inserted);
    if (events.some((event) => event.source === "WEBHOOK")) {
      // The carrier pushes this parcel: polling it as well would spend its API budget for
      // nothing (decision 046). A stopped poll (null) stays stopped.
      const deferred = deferredByPush(now);
      await tx.shipment.updateMany({
        where: { id: shipment.id, nextPollAt: { lt: deferred } },
        data: { nextPollAt: deferred },
      });
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
    const current = await tx.shipment.findUniqueOrThrow({ where: { id: shipment.id } });
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

/**
 * Keeps the first physical scan and the delivery time on the shipment (seller metrics read
 * them) and lets the first scan release a push held for it. Returns how many pushes it released.
 */
async function recordMilestones(
  tx: Prisma.TransactionClient,
  jobs: JobQueue,
  shipmentId: string,
  inserted: readonly TrackingEvent[],
): Promise<number> {
  const earliest = (events: TrackingEvent[]) =>
    events.reduce<Date | null>(
      (first, e) => (!first || e.occurredAt < first ? e.occurredAt : first),
      null,
    );
  const firstScan = earliest(inserted.filter(isPhysicalScan));
  const delivered = earliest(inserted.filter((e) => e.codeKnown && e.status === "DELIVERED"));
  if (!firstScan && !delivered) return 0;
  const before = await tx.shipment.findUniqueOrThrow({
    where: { id: shipmentId },
    select: { firstScanAt: true, deliveredAt: true },
  });
  const data: Prisma.ShipmentUpdateInput = {};
  if (firstScan && (!before.firstScanAt || firstScan < before.firstScanAt)) {
    data.firstScanAt = firstScan;
  }
  if (delivered && (!before.deliveredAt || delivered < before.deliveredAt)) {
    data.deliveredAt = delivered;
  }
  if (Object.keys(data).length > 0) await tx.shipment.update({ where: { id: shipmentId }, data });
  return firstScan && !before.firstScanAt ? releaseOnFirstScan(tx, jobs, shipmentId) : 0;
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
