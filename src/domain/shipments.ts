import type {
  Order,
  PrismaClient,
  Shipment,
  Store,
  TrackingEvent,
} from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import { normalizeTrackingNumber, type Suggestion } from "../carriers/tracking-numbers/index.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import {
  canTransition,
  type OrderState,
  type TrackingSubstatus,
  UNSHIPPABLE_ORDER_STATES,
} from "../vocabulary/index.ts";
import { insertOnce } from "./db-errors.ts";
import { type IngestEvent, ingestEvents } from "./ingest.ts";
import type { JobQueue } from "./jobs.ts";
import { type InitialSync, initialSync, queueSync } from "./marketplace-sync.ts";
import { type UserError, userError } from "./user-error.ts";
import type { ZonedTime } from "./zoned-time.ts";

export interface ConfirmShipmentInput {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  shippingMethod?: string | null;
  shipDate?: ZonedTime | null;
  /** Attach a number that fails validation anyway (the seller knows better, e.g. a new format). */
  force?: boolean | null;
}

/**
 * Attaches a validated tracking number to an order. The marketplace push is recorded as pending
 * on the shipment row, so it survives restarts and is retried until it lands.
 */
export async function confirmShipment(
  db: PrismaClient,
  tenantId: string,
  input: ConfirmShipmentInput,
  deps: { now: Date; carriers: CarrierRegistry; marketplaces: MarketplaceRegistry; jobs: JobQueue },
): Promise<{ shipment: Shipment | null; errors: UserError[]; warnings: UserError[] }> {
  const order = await db.order.findFirst({
    where: { id: input.orderId, tenantId },
    include: { store: true },
  });
  if (!order) return refuse(userError("NOT_FOUND", "no such order for this API key", "orderId"));
  const checked = checkConfirmation(order, input, deps);
  if ("errors" in checked) return { shipment: null, errors: checked.errors, warnings: [] };
  const { carrier, trackingNumber, warnings: formatWarnings, shipDate, state } = checked;
  const existing = await db.shipment.findFirst({
    where: { orderId: order.id, carrier, trackingNumber },
  });
  if (existing) {
    const message = `${trackingNumber} is already attached to this order`;
    return refuse(userError("DUPLICATE", message, "trackingNumber"));
  }
  const plugin = deps.marketplaces.find(order.store.marketplace);
  const hasScan = await parcelHasScan(db, tenantId, carrier, trackingNumber);
  const sync = initialSync(order.store, plugin, {
    shipByDate: order.shipByDate,
    hasScan,
    now: deps.now,
  });
  const created = await insertOnce(() =>
    db.$transaction(async (tx) => {
      // Package numbers count up per order; the lock keeps two parcels of one order apart.
      await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${order.id} FOR UPDATE`;
      const packageReference = (await tx.shipment.count({ where: { orderId: order.id } })) + 1;
      const shipment = await tx.shipment.create({
        data: {
          tenantId,
          orderId: order.id,
          storeId: order.storeId,
          carrier,
          trackingNumber,
          shippingMethod: input.shippingMethod?.trim() || null,
          shippedAt: shipDate.instant,
          shippedAtOffsetMinutes: shipDate.offsetMinutes,
          status: "PENDING",
          substatus: "NOT_FOUND",
          packageReference,
          syncState: sync.state,
          syncErrorCode: sync.errorCode ?? null,
          syncError: sync.error ?? null,
        },
      });
      await tx.order.update({ where: { id: order.id }, data: { state } });
      if (sync.runAt) await queueSync(tx, deps.jobs, shipment, sync.runAt);
      return [shipment] as const;
    }),
  );
  if (!created) {
    const message = `${trackingNumber} is already attached to this order`;
    return refuse(userError("DUPLICATE", message, "trackingNumber"));
  }
  if (sync.runAt) deps.jobs.wake("marketplace-sync");
  const siteWarnings = uploadWarnings(deps.marketplaces, order.store, carrier, sync);
  const shared = await shareParcel(db, created[0], deps.jobs, deps.now);
  return {
    shipment: shared.shipment,
    errors: [],
    warnings: [...formatWarnings, ...siteWarnings, ...shared.warnings],
  };
}

/** A number the carrier check thinks was meant (one mistyped or swapped character). */
export type TrackingSuggestion = Suggestion;

/** What confirmShipment writes once the database has no objection. */
export interface ConfirmationPlan {
  carrier: string;
  trackingNumber: string;
  /** Format warnings (an unknown format is attached, and said so). */
  warnings: UserError[];
  shipDate: ZonedTime;
  /** The order's state after this parcel: SHIPPED, or what it was when it is further along. */
  state: OrderState;
}

/**
 * Every check of confirmShipment that needs no database read beyond the order: its state, the
 * carrier and number, the ship date. The tracking-file import runs each row through it too.
 */
export function checkConfirmation(
  order: Pick<Order, "nativeOrderId" | "state" | "placedAt">,
  input: ConfirmShipmentInput,
  deps: { now: Date; carriers: CarrierRegistry },
): { errors: UserError[]; suggestions?: TrackingSuggestion[] } | ConfirmationPlan {
  if (UNSHIPPABLE_ORDER_STATES.has(order.state as OrderState)) {
    const message = `order ${order.nativeOrderId} is ${order.state}`;
    return { errors: [userError("ORDER_NOT_SHIPPABLE", message, "orderId")] };
  }
  const checked = checkTracking(deps.carriers, input);
  if ("errors" in checked) return checked;
  const shipDate = input.shipDate ?? { instant: deps.now, offsetMinutes: 0 };
  const dateProblem = checkShipDate(shipDate.instant, order.placedAt, deps.now);
  if (dateProblem) return { errors: [dateProblem] };
  // An order already further along (delivered, say) keeps its state; a new parcel does not undo it.
  const current = order.state as OrderState;
  const state = canTransition(current, "SHIPPED") ? "SHIPPED" : current;
  return { ...checked, shipDate, state };
}

/**
 * A carrier and number as confirmShipment and correctShipmentTracking accept them: normalized,
 * and, unless forced, of a known carrier and its formats (an unknown format only warns).
 */
export function checkTracking(
  carriers: CarrierRegistry,
  input: { carrier: string; trackingNumber: string; force?: boolean | null },
):
  | { errors: UserError[]; suggestions?: TrackingSuggestion[] }
  | { carrier: string; trackingNumber: string; warnings: UserError[] } {
  const carrier = input.carrier.trim().toLowerCase();
  const normalized = normalizeTrackingNumber(input.trackingNumber);
  if ("error" in normalized) {
    return {
      errors: [userError(normalized.error.code, normalized.error.message, "trackingNumber")],
    };
  }
  const trackingNumber = normalized.normalized;
  if (input.force) return { carrier, trackingNumber, warnings: [] };
  if (!carriers.find(carrier)) {
    const message = `unknown carrier "${carrier}"; pass force: true to attach it anyway`;
    return { errors: [userError("UNKNOWN_CARRIER", message, "carrier")] };
  }
  const check = carriers.validate(carrier, trackingNumber);
  if (!check.valid) {
    const hint = check.suggestions.length
      ? ` Did you mean ${check.suggestions.map((s) => `${s.trackingNumber} (${s.carrier})`).join(", ")}?`
      : "";
    return {
      errors: check.errors.map((e) => userError(e.code, `${e.message}${hint}`, "trackingNumber")),
      suggestions: check.suggestions,
    };
  }
  const warnings = check.warnings.map((w) => userError(w.code, w.message, "trackingNumber"));
  return { carrier, trackingNumber, warnings };
}

/** Whether another shipment of the tenant with this number already had a physical scan. */
async function parcelHasScan(
  db: PrismaClient,
  tenantId: string,
  carrier: string,
  trackingNumber: string,
): Promise<boolean> {
  const twin = await db.shipment.findFirst({
    where: { tenantId, carrier, trackingNumber, firstScanAt: { not: null } },
    select: { id: true },
  });
  return twin !== null;
}

/** What the marketplace will make of this upload, said at once instead of discovered later. */
export function uploadWarnings(
  marketplaces: MarketplaceRegistry,
  store: Store,
  carrier: string,
  sync: InitialSync,
): UserError[] {
  const warnings: UserError[] = [];
  const found = marketplaces.site(store.marketplace, store.site);
  const api = found?.plugin.api;
  if (
    found &&
    api &&
    sync.state !== "NOT_REQUIRED" &&
    api.carrierCode(found.site, carrier) === null
  ) {
    const message = `${found.plugin.name} ${store.site} does not list carrier "${carrier}": it is sent by name, and such tracking usually does not count as valid tracking`;
    warnings.push(userError("UNSUPPORTED_CARRIER", message, "carrier"));
  }
  if (sync.errorCode === "MISSING_CREDENTIALS" && sync.error) {
    warnings.push(userError("MISSING_CREDENTIALS", sync.error, "orderId"));
  }
  return warnings;
}

/** Ship dates are the seller's word; only one before the order or days ahead is certainly wrong. */
function checkShipDate(shipDate: Date, placedAt: Date, now: Date): UserError | null {
  if (shipDate.getTime() > now.getTime() + DAY_MS) {
    return userError("DATE_OUT_OF_RANGE", "shipDate is more than a day in the future", "shipDate");
  }
  if (shipDate.getTime() < placedAt.getTime() - DAY_MS) {
    return userError("DATE_OUT_OF_RANGE", "shipDate is before the order was placed", "shipDate");
  }
  return null;
}

const DAY_MS = 86_400_000;

/**
 * One parcel may carry several orders (a buyer's two orders packed together). A new shipment
 * of a number the tenant already tracks takes the parcel's events so far, and from then on
 * every event recorded for one of them is recorded for all (see `findShipments`); the caller
 * is told, since a reused number is as often a copy-paste slip.
 */
export async function shareParcel(
  db: PrismaClient,
  shipment: Shipment,
  jobs: JobQueue,
  now: Date,
): Promise<{ shipment: Shipment; warnings: UserError[] }> {
  const twins = await db.shipment.findMany({
    where: {
      tenantId: shipment.tenantId,
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      id: { not: shipment.id },
    },
    include: { order: { select: { nativeOrderId: true } } },
    orderBy: { createdAt: "asc" },
  });
  if (twins.length === 0) return { shipment, warnings: [] };
  const source = twins.reduce((best, twin) =>
    (twin.lastEventAt?.getTime() ?? 0) > (best.lastEventAt?.getTime() ?? 0) ? twin : best,
  );
  const events = await db.trackingEvent.findMany({ where: { shipmentId: source.id } });
  const ingested = await ingestEvents(db, shipment, events.map(asIngestEvent), jobs, now);
  const orders = twins.map((twin) => twin.order.nativeOrderId).join(", ");
  const message = `${shipment.trackingNumber} also tracks order ${orders}: the orders share this parcel's events`;
  return {
    shipment: ingested.shipment,
    warnings: [userError("TRACKING_NUMBER_REUSED", message, "trackingNumber")],
  };
}

function asIngestEvent(event: TrackingEvent): IngestEvent {
  return {
    occurredAt: { instant: event.occurredAt, offsetMinutes: event.utcOffsetMinutes },
    status: event.status,
    substatus: event.substatus as TrackingSubstatus | null,
    rawCode: event.rawCode,
    rawDescription: event.rawDescription,
    location: event,
    source: event.source,
    codeKnown: event.codeKnown,
    carrier: event.carrier,
  };
}

function refuse(error: UserError): { shipment: null; errors: UserError[]; warnings: [] } {
  return { shipment: null, errors: [error], warnings: [] };
}
