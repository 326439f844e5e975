import { carrierCodeFromName } from "../carrier-alias.ts";
import { eventLocation } from "../event-location.ts";
import {
  asArray,
  asRecord,
  asText,
  CarrierPayloadError,
  type JsonRecord,
  records,
  requireRecord,
} from "../json.ts";
import { isoKeepingOffset, sortByOccurredAt } from "../occurred-at.ts";
import { NO_RAW_CODE, type RawCarrierEvent } from "../types.ts";

/** EasyPost Event webhook: { id, description, result: Tracker{ tracking_details[] } }. */
export function parseEasypost(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("easypost", payload, "payload");
  const tracker = requireRecord("easypost", root.result, "result");
  const trackingNumber = asText(tracker.tracking_code);
  if (!trackingNumber) throw new CarrierPayloadError("easypost", "result.tracking_code");
  const details = asArray(tracker.tracking_details);
  if (!details) throw new CarrierPayloadError("easypost", "result.tracking_details");
  const trackerCarrier = asText(tracker.carrier);
  const events = records(details)
    .map((detail) => toEvent(trackingNumber, trackerCarrier, detail))
    .filter((event): event is RawCarrierEvent => event !== null);
  return sortByOccurredAt(events);
}

function toEvent(
  trackingNumber: string,
  trackerCarrier: string | undefined,
  detail: JsonRecord,
): RawCarrierEvent | null {
  const status = asText(detail.status);
  const statusDetail = asText(detail.status_detail);
  // `source` names who reported the scan; it differs from the tracker's carrier after a hand-off.
  const carrierName = asText(detail.source) ?? trackerCarrier;
  const occurredAt = isoKeepingOffset(asText(detail.datetime) ?? "");
  if (!carrierName || !occurredAt) return null;
  const place = asRecord(detail.tracking_location) ?? {};
  const location = eventLocation({
    city: asText(place.city),
    region: asText(place.state),
    postalCode: asText(place.zip),
    country: asText(place.country),
  });
  return {
    carrier: carrierCodeFromName(carrierName),
    trackingNumber,
    occurredAt,
    // Without a status the pair still keeps its detail, under our own "no code" parent.
    rawCode: statusDetail ? `${status ?? NO_RAW_CODE}/${statusDetail}` : (status ?? NO_RAW_CODE),
    rawDescription: asText(detail.message) ?? "",
    ...(location ? { location } : {}),
  };
}
