import { eventLocation } from "../event-location.ts";
import {
  asArray,
  asRecord,
  asString,
  asText,
  CarrierPayloadError,
  type JsonRecord,
  records,
  requireRecord,
} from "../json.ts";
import { isoKeepingOffset, sortByOccurredAt } from "../occurred-at.ts";
import { NO_RAW_CODE, type RawCarrierEvent } from "../types.ts";
import { carrierCodeFromSeventeenTrack } from "./carrier-keys.ts";

/** 17TRACK v2.x webhook: { event, data{ number, carrier, track_info{ tracking{ providers[] } } } }. */
export function parseSeventeenTrack(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("17track", payload, "payload");
  const data = requireRecord("17track", root.data, "data");
  const trackingNumber = asText(data.number);
  if (!trackingNumber) throw new CarrierPayloadError("17track", "data.number");
  // TRACKING_STOPPED and other notices carry no track_info: nothing to ingest.
  const providers = asArray(asRecord(asRecord(data.track_info)?.tracking)?.providers) ?? [];
  const dataCarrier = asString(data.carrier);
  const events: RawCarrierEvent[] = [];
  for (const entry of records(providers)) {
    const provider = asRecord(entry.provider) ?? {};
    const carrier = carrierCodeFromSeventeenTrack(
      asString(provider.key) ?? dataCarrier,
      asText(provider.name),
    );
    if (!carrier) continue;
    for (const event of records(asArray(entry.events) ?? [])) {
      const parsed = toEvent(trackingNumber, carrier, event);
      if (parsed) events.push(parsed);
    }
  }
  return sortByOccurredAt(events);
}

function toEvent(
  trackingNumber: string,
  carrier: string,
  event: JsonRecord,
): RawCarrierEvent | null {
  // 17TRACK sends ordinary transit scans with neither sub_status nor stage; they still count.
  const rawCode = asText(event.sub_status) ?? asText(event.stage) ?? NO_RAW_CODE;
  // time_iso keeps the scan's offset; time_utc is the fallback.
  const occurredAt =
    isoKeepingOffset(asText(event.time_iso) ?? "") ??
    isoKeepingOffset(asText(event.time_utc) ?? "");
  if (!occurredAt) return null;
  const address = asRecord(event.address) ?? {};
  const location = eventLocation({
    city: asText(address.city),
    region: asText(address.state),
    postalCode: asText(address.postal_code),
    country: asText(address.country),
  });
  return {
    carrier,
    trackingNumber,
    occurredAt,
    rawCode,
    rawDescription: asText(event.description) ?? "",
    ...(location ? { location } : {}),
  };
}
