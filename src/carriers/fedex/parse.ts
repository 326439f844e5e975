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
import { isoKeepingOffset, sortByOccurredAt } from "../occurred-at.ts";
import type { RawCarrierEvent } from "../types.ts";

/** FedEx Track API v1 trackByTrackingNumber: output.completeTrackResults[].trackResults[].scanEvents[]. */
export function parseFedex(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("fedex", payload, "payload");
  const output = requireRecord("fedex", root.output, "output");
  const results = requireArray("fedex", output.completeTrackResults, "output.completeTrackResults");
  const events: RawCarrierEvent[] = [];
  for (const complete of records(results)) {
    for (const result of records(asArray(complete.trackResults) ?? [])) {
      const trackingNumber =
        asText(asRecord(result.trackingNumberInfo)?.trackingNumber) ??
        asText(complete.trackingNumber);
      if (!trackingNumber) continue;
      for (const scan of records(asArray(result.scanEvents) ?? [])) {
        const event = toEvent(trackingNumber, scan);
        if (event) events.push(event);
      }
    }
  }
  return sortByOccurredAt(events);
}

function toEvent(trackingNumber: string, scan: JsonRecord): RawCarrierEvent | null {
  const rawCode = asText(scan.eventType);
  // FedEx dates carry the scan's own offset ("2026-03-02T14:05:00-05:00").
  const occurredAt = isoKeepingOffset(asText(scan.date) ?? "");
  if (!rawCode || !occurredAt) return null;
  const place = asRecord(scan.scanLocation) ?? {};
  const location = eventLocation({
    city: asText(place.city),
    region: asText(place.stateOrProvinceCode),
    postalCode: asText(place.postalCode),
    country: asText(place.countryCode),
  });
  const exception = asText(scan.exceptionDescription);
  const description = asText(scan.eventDescription) ?? "";
  return {
    carrier: "fedex",
    trackingNumber,
    occurredAt,
    rawCode,
    rawDescription: exception ? `${description}: ${exception}` : description,
    ...(location ? { location } : {}),
  };
}
