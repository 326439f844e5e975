import { eventLocation } from "../event-location.ts";
import {
  asArray,
  asRecord,
  asText,
  type JsonRecord,
  records,
  requireArray,
  requireRecord,
} from "../json.ts";
import { isoKeepingOffset, localWithCountryOrUtc, sortByOccurredAt } from "../occurred-at.ts";
import type { RawCarrierEvent } from "../types.ts";

/** DHL Shipment Tracking - Unified API: { shipments[]{ id, events[] } }. */
export function parseDhl(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("dhl", payload, "payload");
  const shipments = requireArray("dhl", root.shipments, "shipments");
  const events: RawCarrierEvent[] = [];
  for (const shipment of records(shipments)) {
    const trackingNumber = asText(shipment.id);
    if (!trackingNumber) continue;
    for (const event of records(asArray(shipment.events) ?? [])) {
      const parsed = toEvent(trackingNumber, event);
      if (parsed) events.push(parsed);
    }
  }
  return sortByOccurredAt(events);
}

function toEvent(trackingNumber: string, event: JsonRecord): RawCarrierEvent | null {
  const rawCode = asText(event.statusCode);
  const address = asRecord(asRecord(event.location)?.address) ?? {};
  const country = asText(address.countryCode);
  const timestamp = asText(event.timestamp) ?? "";
  // Zone-less timestamps are local: fixed-offset country or UTC (decision 021).
  const occurredAt = isoKeepingOffset(timestamp) ?? localWithCountryOrUtc(timestamp, country);
  if (!rawCode || !occurredAt) return null;
  const location = eventLocation({
    city: asText(address.addressLocality),
    postalCode: asText(address.postalCode),
    country,
  });
  return {
    carrier: "dhl",
    trackingNumber,
    occurredAt,
    rawCode,
    rawDescription: asText(event.description) ?? asText(event.status) ?? "",
    ...(location ? { location } : {}),
  };
}
