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
import {
  isoKeepingOffset,
  localFromCompact,
  localWithCountryOrUtc,
  sortByOccurredAt,
  withOffset,
} from "../occurred-at.ts";
import type { RawCarrierEvent } from "../types.ts";

/** UPS Track API v1 response: trackResponse.shipment[].package[].activity[]. */
export function parseUps(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("ups", payload, "payload");
  const response = requireRecord("ups", root.trackResponse, "trackResponse");
  const shipments = requireArray("ups", response.shipment, "trackResponse.shipment");
  const events: RawCarrierEvent[] = [];
  for (const shipment of records(shipments)) {
    for (const pkg of records(asArray(shipment.package) ?? [])) {
      const trackingNumber = asText(pkg.trackingNumber) ?? asText(shipment.inquiryNumber);
      if (!trackingNumber) continue;
      for (const activity of records(asArray(pkg.activity) ?? [])) {
        const event = toEvent(trackingNumber, activity);
        if (event) events.push(event);
      }
    }
  }
  return sortByOccurredAt(events);
}

function toEvent(trackingNumber: string, activity: JsonRecord): RawCarrierEvent | null {
  const status = asRecord(activity.status) ?? {};
  const type = asText(status.type);
  const statusCode = asText(status.statusCode);
  const occurredAt = occurredAtOf(activity);
  if (!type || !occurredAt) return null;
  const address = asRecord(asRecord(activity.location)?.address) ?? {};
  const location = eventLocation({
    city: asText(address.city),
    region: asText(address.stateProvince),
    postalCode: asText(address.postalCode),
    country: asText(address.countryCode) ?? asText(address.country),
  });
  return {
    carrier: "ups",
    trackingNumber,
    occurredAt,
    rawCode: statusCode ? `${type}/${statusCode}` : type,
    rawDescription: asText(status.description) ?? "",
    ...(location ? { location } : {}),
  };
}

/** Local date+time with gmtOffset; else the GMT date+time as UTC; else see decision 021. */
function occurredAtOf(activity: JsonRecord): string | null {
  const local = localFromCompact(asText(activity.date) ?? "", asText(activity.time) ?? "");
  const offset = asText(activity.gmtOffset);
  if (local && offset) return withOffset(local, offset);
  const gmtDate = asText(activity.gmtDate);
  const gmtTime = asText(activity.gmtTime);
  if (gmtDate && gmtTime) {
    const utc = localFromCompact(gmtDate, gmtTime.replaceAll(":", ""));
    if (utc) return isoKeepingOffset(`${utc}Z`);
  }
  const country = asText(asRecord(asRecord(activity.location)?.address)?.countryCode);
  return local ? localWithCountryOrUtc(local, country) : null;
}
