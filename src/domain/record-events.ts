import type { PrismaClient, Shipment } from "../../generated/prisma/client.ts";
import type { EventSource } from "../../generated/prisma/enums.ts";
import { type ChangePublisher, publishRecordedChanges } from "./changes.ts";
import { type CodeLookup, checkEventInput, type EventInput } from "./event-input.ts";
import { type IngestEvent, ingestEvents } from "./ingest.ts";
import { INPUT_LIMITS, LIST_INPUT_LIMITS, textLimitErrors, tooManyError } from "./input-limits.ts";
import type { JobQueue } from "./jobs.ts";
import { CONFLICT_RETRY, retryTransient } from "./retry.ts";
import { trackingNumberKey } from "./tracking-number-key.ts";
import { type UserError, userError } from "./user-error.ts";

export const MAX_EVENTS_PER_BATCH = LIST_INPUT_LIMITS.trackingEvents;

/** Why events were refused whole: no shipment of the tenant has the number. */
export const NO_SUCH_SHIPMENT = "no such shipment for this API key";

/** By id; by carrier + number; or by number alone (aggregators may name the last-mile carrier). */
export type ShipmentSelector =
  | { shipmentId: string }
  | { carrier: string; trackingNumber: string }
  | { trackingNumber: string };

/** The selector an API input names: its shipment id, else its carrier and number; null if neither. */
export function shipmentSelector(input: {
  shipmentId?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
}): ShipmentSelector | null {
  if (input.shipmentId) return { shipmentId: input.shipmentId };
  if (input.carrier && input.trackingNumber) {
    return { carrier: input.carrier, trackingNumber: input.trackingNumber };
  }
  return null;
}

export interface RecordedChange {
  shipment: Shipment;
  eventIds: string[];
  statusChanged: boolean;
}

export interface RecordEventsResult {
  shipments: Shipment[];
  recordedCount: number;
  duplicateCount: number;
  errors: UserError[];
  changes: RecordedChange[];
}

/**
 * Validates each event on its own, ingests the good ones into every shipment the selector names
 * (one tracking number can serve several orders of a tenant), then announces what changed.
 */
export async function recordTrackingEvents(
  db: PrismaClient,
  tenantId: string,
  input: { selector: ShipmentSelector; events: readonly EventInput[]; source: EventSource },
  deps: { now: Date; lookup: CodeLookup; publisher: ChangePublisher; jobs: JobQueue },
): Promise<RecordEventsResult> {
  const result: RecordEventsResult = {
    shipments: [],
    recordedCount: 0,
    duplicateCount: 0,
    errors: [],
    changes: [],
  };
  const count = input.events.length;
  const tooMany = tooManyError("events", count, MAX_EVENTS_PER_BATCH, "events per call");
  if (tooMany) {
    result.errors.push(tooMany);
    return result;
  }
  const oversized = textLimitErrors(input.selector, INPUT_LIMITS.recordTrackingEvents);
  if (oversized.length > 0) {
    result.errors.push(...oversized);
    return result;
  }
  const shipments = await findShipments(db, tenantId, input.selector);
  if (shipments.length === 0) {
    const field = "shipmentId" in input.selector ? "shipmentId" : "trackingNumber";
    result.errors.push(userError("NOT_FOUND", NO_SUCH_SHIPMENT, field));
    return result;
  }
  for (const shipment of shipments) {
    const checked = checkEventsFor(shipment, input.events, input.source, deps);
    if (shipment === shipments[0]) result.errors.push(...checked.errors);
    const ingested = await retryTransient(
      () => ingestEvents(db, shipment, checked.good, deps.jobs, deps.now),
      CONFLICT_RETRY,
    );
    result.shipments.push(ingested.shipment);
    result.recordedCount += ingested.inserted.length;
    result.duplicateCount += ingested.duplicateCount;
    const change = {
      shipment: ingested.shipment,
      eventIds: ingested.inserted.map((event) => event.id),
      statusChanged: ingested.statusChanged,
    };
    result.changes.push(change);
    // Announced as soon as stored: a later shipment's failure must not swallow this notice.
    publishRecordedChanges(deps.publisher, [change]);
  }
  return result;
}

/** A shipment as event checks need it: its carrier, and when its order was placed. */
export type CheckedShipment = Pick<Shipment, "id" | "carrier" | "trackingNumber"> & {
  order: { placedAt: Date };
};

/**
 * Checks each event on its own against one shipment: the good ones, ready to ingest, and one
 * error per refused event naming its field (`events.<index>`).
 */
export function checkEventsFor(
  shipment: CheckedShipment,
  events: readonly EventInput[],
  source: EventSource,
  deps: { now: Date; lookup: CodeLookup },
): { good: IngestEvent[]; errors: UserError[] } {
  const good: IngestEvent[] = [];
  const errors: UserError[] = [];
  events.forEach((event, index) => {
    const field = `events.${index}`;
    // An over-long text refuses its event only, like any other problem of one event.
    const oversized = textLimitErrors(event, INPUT_LIMITS.trackingEvent, field);
    const checked: ReturnType<typeof checkEventInput> = oversized.length
      ? { errors: oversized }
      : checkEventInput(event, {
          carrier: shipment.carrier,
          field,
          now: deps.now,
          orderPlacedAt: shipment.order.placedAt,
          source,
          lookup: deps.lookup,
        });
    if ("event" in checked) good.push(checked.event);
    else errors.push(...checked.errors);
  });
  return { good, errors };
}

/**
 * The shipments an event batch belongs to. A parcel shared by several orders (same carrier and
 * number) gets every event whichever of its shipments is named, so their timelines agree.
 */
async function findShipments(db: PrismaClient, tenantId: string, selector: ShipmentSelector) {
  let carrier: string | undefined;
  let trackingNumber: string;
  if ("shipmentId" in selector) {
    const named = await db.shipment.findFirst({ where: { id: selector.shipmentId, tenantId } });
    if (!named) return [];
    carrier = named.carrier;
    trackingNumber = named.trackingNumber;
  } else {
    carrier = "carrier" in selector ? selector.carrier.trim().toLowerCase() : undefined;
    trackingNumber = trackingNumberKey(selector.trackingNumber);
  }
  const shipments = await db.shipment.findMany({
    where: { tenantId, carrier, trackingNumber },
    include: { order: { select: { placedAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  // The named shipment first: its checks are the ones reported.
  if ("shipmentId" in selector) {
    shipments.sort(
      (a, b) => Number(b.id === selector.shipmentId) - Number(a.id === selector.shipmentId),
    );
  }
  return shipments;
}
