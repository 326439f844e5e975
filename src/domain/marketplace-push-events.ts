import type {
  MarketplacePushOutcome,
  Order,
  Prisma,
  Shipment,
  Store,
} from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import { normalizeTrackingNumber } from "../carriers/tracking-numbers/index.ts";
import type { MarketplaceEvent } from "../plugins/api-types.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import { type OrderState, UNSHIPPABLE_ORDER_STATES } from "../vocabulary/index.ts";
import { updateOrderStatus } from "./orders.ts";

type Tx = Prisma.TransactionClient;
export type LockedOrder = Order & { store: Store };
type StatusEvent = Extract<MarketplaceEvent, { kind: "ORDER_STATUS" }>;
type TrackingEvent = Extract<MarketplaceEvent, { kind: "TRACKING" }>;

/** What one event did to one store's order, as recorded. */
export interface PushOutcome {
  outcome: MarketplacePushOutcome;
  /** Why it was not applied: the refusal's code and message. */
  detail?: string;
  /** The shipment a tracking number the order did not have became. */
  shipment?: Shipment;
}

/**
 * The marketplace says the order has a status. Older than a status it already reported: stale.
 * The status the order already has: nothing to do (an order trackline moved ahead, SHIPPED on a
 * confirmed number, is not pulled back by the marketplace repeating READY_TO_SHIP). Otherwise the
 * order moves through the plugin's allowed transitions, or the refusal is recorded.
 */
export async function applyOrderStatus(
  tx: Tx,
  order: LockedOrder,
  event: StatusEvent,
  deps: { marketplaces: MarketplaceRegistry; now: Date },
): Promise<PushOutcome> {
  const latest = await tx.marketplacePushEvent.findFirst({
    where: {
      storeId: order.storeId,
      nativeOrderId: order.nativeOrderId,
      kind: "ORDER_STATUS",
      outcome: { in: ["APPLIED", "UNCHANGED"] },
    },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true, value: true },
  });
  if (latest && latest.occurredAt > event.occurredAt) {
    const detail = `the marketplace reported ${latest.value} later (${latest.occurredAt.toISOString()})`;
    return { outcome: "STALE", detail };
  }
  if (order.nativeStatus === event.nativeStatus) return { outcome: "UNCHANGED" };
  const moved = await updateOrderStatus(
    tx,
    order.tenantId,
    { orderId: order.id, nativeStatus: event.nativeStatus },
    deps,
  );
  if (moved.errors.length > 0) {
    const detail = moved.errors.map((error) => `${error.code}: ${error.message}`).join("; ");
    return { outcome: "REFUSED", detail };
  }
  return { outcome: "APPLIED" };
}

/**
 * The marketplace holds a tracking number for the order. One the order already has changes
 * nothing; another becomes a shipment that is not pushed back (the marketplace has it), under
 * the carrier the number's format names. A number no carrier format claims (Shopee Xpress'
 * SPX...) is left out: a shipment under a guessed carrier would be tracked wrong (decision 032).
 */
export async function applyTracking(
  tx: Tx,
  order: LockedOrder,
  event: TrackingEvent,
  deps: { carriers: CarrierRegistry },
): Promise<PushOutcome> {
  const normalized = normalizeTrackingNumber(event.trackingNumber);
  if ("error" in normalized) {
    return { outcome: "REFUSED", detail: `${normalized.error.code}: ${normalized.error.message}` };
  }
  const trackingNumber = normalized.normalized;
  const existing = await tx.shipment.findFirst({
    where: { orderId: order.id, trackingNumber },
    select: { id: true },
  });
  if (existing) return { outcome: "UNCHANGED" };
  if (UNSHIPPABLE_ORDER_STATES.has(order.state as OrderState)) {
    return { outcome: "REFUSED", detail: `ORDER_NOT_SHIPPABLE: order is ${order.state}` };
  }
  const carrier = recognisedCarrier(deps.carriers, trackingNumber, order.destinationCountry);
  if ("ignored" in carrier) return { outcome: "IGNORED", detail: carrier.ignored };
  const packageReference = (await tx.shipment.count({ where: { orderId: order.id } })) + 1;
  const shipment = await tx.shipment.create({
    data: {
      tenantId: order.tenantId,
      orderId: order.id,
      storeId: order.storeId,
      carrier: carrier.code,
      trackingNumber,
      shippedAt: event.occurredAt,
      status: "PENDING",
      substatus: "NOT_FOUND",
      packageReference,
      syncState: "NOT_REQUIRED",
    },
  });
  return { outcome: "APPLIED", shipment };
}

/** The one carrier whose formats claim the number best; none, or a tie, is no carrier. */
function recognisedCarrier(
  carriers: CarrierRegistry,
  trackingNumber: string,
  destinationCountry: string,
): { code: string } | { ignored: string } {
  const [best, next] = carriers.detect(trackingNumber, { destinationCountry });
  if (!best) return { ignored: `no carrier trackline knows uses numbers like ${trackingNumber}` };
  if (next && next.confidence >= best.confidence) {
    const tied = [best, next].map((match) => match.carrier.code).join(", ");
    return { ignored: `${trackingNumber} may belong to several carriers (${tied}, ...)` };
  }
  return { code: best.carrier.code };
}
