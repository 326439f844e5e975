import type { RecordedChange } from "./record-events.ts";

/** Only ids travel: subscribers load rows themselves, so any instance can serve any event. */
export interface ShipmentChange {
  tenantId: string;
  storeId: string;
  shipmentId: string;
  eventIds: string[];
}

/** A seller risk raised on a shipment (src/domain/seller-risks.ts); subscribers load it by id. */
export interface RiskChange {
  tenantId: string;
  storeId: string;
  shipmentId: string;
  riskId: string;
  code: string;
}

/** A shipment exception opened (src/domain/exceptions/); subscribers load it by id. */
export interface ExceptionChange {
  tenantId: string;
  storeId: string;
  shipmentId: string;
  exceptionId: string;
  type: string;
}

/** Where recorded changes are announced (in-process or Redis pub/sub, wired by the server). */
export interface ChangePublisher {
  publish(change: ShipmentChange): void;
  /** Announces a risk the sweep raised, to its tenant's sellerRiskRaised subscribers. */
  riskRaised(change: RiskChange): void;
  /** Announces an exception opened on a shipment, to its tenant's exceptionRaised subscribers. */
  exceptionRaised(change: ExceptionChange): void;
}

/** What subscriptions listen to; each stream ends when its consumer stops. */
export interface ChangeFeed {
  shipmentUpdated(shipmentId: string): AsyncIterable<ShipmentChange>;
  trackingEventAdded(tenantId: string): AsyncIterable<ShipmentChange>;
  sellerRiskRaised(tenantId: string): AsyncIterable<RiskChange>;
  exceptionRaised(tenantId: string): AsyncIterable<ExceptionChange>;
}

/** Announces what an ingest recorded, one change per shipment; a pure replay announces nothing. */
export function publishRecordedChanges(
  publisher: ChangePublisher,
  changes: readonly RecordedChange[],
): void {
  for (const { shipment, eventIds } of changes) {
    if (eventIds.length === 0) continue;
    publisher.publish({
      tenantId: shipment.tenantId,
      storeId: shipment.storeId,
      shipmentId: shipment.id,
      eventIds,
    });
  }
}
