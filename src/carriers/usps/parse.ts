import { eventLocation } from "../event-location.ts";
import { asText, type JsonRecord, records, requireArray, requireRecord } from "../json.ts";
import { isoKeepingOffset, sortByOccurredAt, withOffsetFromUtc } from "../occurred-at.ts";
import type { RawCarrierEvent } from "../types.ts";

/** USPS Tracking API v3 JSON: { trackingNumber, trackingEvents[] }. */
export function parseUsps(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("usps", payload, "payload");
  const trackingNumber = asText(root.trackingNumber);
  const list = requireArray("usps", root.trackingEvents, "trackingEvents");
  if (!trackingNumber) return [];
  const events = records(list)
    .map((event) => toEvent(trackingNumber, event))
    .filter((event): event is RawCarrierEvent => event !== null);
  return sortByOccurredAt(events);
}

function toEvent(trackingNumber: string, event: JsonRecord): RawCarrierEvent | null {
  const rawCode = asText(event.eventCode);
  const occurredAt = occurredAtOf(event);
  if (!rawCode || !occurredAt) return null;
  const location = eventLocation({
    city: asText(event.eventCity),
    region: asText(event.eventState),
    postalCode: asText(event.eventZIP),
    // Domestic events leave eventCountry empty; international ones may spell a name.
    country: asText(event.eventCountry) ?? "US",
  });
  return {
    carrier: "usps",
    trackingNumber,
    occurredAt,
    rawCode,
    rawDescription: asText(event.eventType) ?? "",
    ...(location ? { location } : {}),
  };
}

/**
 * eventTimestamp is local wall-clock time and GMTTimestamp the same instant in UTC:
 * their difference is the scan's offset, which we keep. Only GMT: "Z".
 */
function occurredAtOf(event: JsonRecord): string | null {
  const local = asText(event.eventTimestamp);
  const gmt = asText(event.GMTTimestamp);
  const utc = gmt ? (isoKeepingOffset(gmt) ?? isoKeepingOffset(`${gmt}Z`)) : null;
  if (local) {
    const ownOffset = isoKeepingOffset(local);
    if (ownOffset) return ownOffset;
    if (utc) return withOffsetFromUtc(local, utc);
  }
  return utc;
}
