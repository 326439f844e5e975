import type { Shipment, TrackingEvent } from "../../../generated/prisma/client.ts";
import { globalId } from "../global-id.ts";
import { formatZonedTime } from "../zoned-time.ts";

/** What a partner can subscribe to; the names are the `type` of the Standard Webhooks payload. */
export const WEBHOOK_EVENT_TYPES = [
  "shipment.updated",
  "shipment.exception",
  "marketplace_sync.failed",
  "import.finished",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** One event for one tenant: every subscription of the tenant to `type` gets its own delivery. */
export interface WebhookEvent {
  tenantId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
}

type ShipmentFields = Pick<
  Shipment,
  | "id"
  | "orderId"
  | "storeId"
  | "carrier"
  | "trackingNumber"
  | "status"
  | "substatus"
  | "lastEventAt"
>;

/** A shipment as payloads show it: ids are the API's global ids, so a partner can query them. */
export function shipmentData(shipment: ShipmentFields) {
  return {
    id: globalId("Shipment", shipment.id),
    orderId: globalId("Order", shipment.orderId),
    storeId: globalId("Store", shipment.storeId),
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    status: shipment.status,
    substatus: shipment.substatus,
    lastEventAt: shipment.lastEventAt?.toISOString() ?? null,
  };
}

/** `shipment.updated`: the shipment after the change and the events just recorded, oldest first. */
export function shipmentUpdated(
  tenantId: string,
  shipment: ShipmentFields,
  events: readonly TrackingEvent[],
): WebhookEvent {
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  return {
    tenantId,
    type: "shipment.updated",
    data: {
      shipment: shipmentData(shipment),
      events: ordered.map((event) => ({
        occurredAt: formatZonedTime({
          instant: event.occurredAt,
          offsetMinutes: event.utcOffsetMinutes,
        }),
        status: event.status,
        substatus: event.substatus,
        rawCode: event.rawCode,
        description: event.rawDescription,
        location: {
          city: event.city,
          region: event.region,
          postalCode: event.postalCode,
          countryCode: event.countryCode,
        },
      })),
    },
  };
}

/**
 * `shipment.exception`: an exception opened (`state: OPEN`) or closed by itself (`CLOSED`), with
 * what its rule saw; the shipment as it stands.
 */
export function shipmentException(
  shipment: ShipmentFields & Pick<Shipment, "tenantId">,
  exception: {
    id: string;
    type: string;
    state: "OPEN" | "CLOSED";
    since: Date;
    evidence: Record<string, unknown>;
  },
  now: Date,
): WebhookEvent {
  return {
    tenantId: shipment.tenantId,
    type: "shipment.exception",
    data: {
      exception: {
        ...exception,
        id: globalId("ShipmentException", exception.id),
        since: exception.since.toISOString(),
        ...(exception.state === "CLOSED" ? { closedAt: now.toISOString() } : {}),
      },
      shipment: shipmentData(shipment),
    },
  };
}

/** `marketplace_sync.failed`: a push the marketplace refused for good, or that ran out of attempts. */
export function syncFailed(
  shipment: ShipmentFields &
    Pick<Shipment, "tenantId" | "syncAttempts" | "syncErrorCode" | "syncError">,
): WebhookEvent {
  return {
    tenantId: shipment.tenantId,
    type: "marketplace_sync.failed",
    data: {
      shipment: shipmentData(shipment),
      attempts: shipment.syncAttempts,
      errorCode: shipment.syncErrorCode,
      error: shipment.syncError,
    },
  };
}

/** `import.finished`: a file import is done; `kind` names the endpoint it came through. */
export function importFinished(
  tenantId: string,
  result: {
    importId: string;
    kind: "DELIVERY_HISTORY" | "TRACKING";
    accepted: number;
    rejected: number;
  },
): WebhookEvent {
  return { tenantId, type: "import.finished", data: result };
}
