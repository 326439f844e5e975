import {
  asArray,
  asRecord,
  asText,
  CarrierPayloadError,
  type JsonRecord,
  records,
  requireRecord,
} from "../json.ts";
import { isoKeepingOffset, sortByOccurredAt, withOffset } from "../occurred-at.ts";
import type { RawCarrierEvent } from "../types.ts";

/**
 * Two documented 4PX shapes:
 * - track.4px.com listTrackV3: { data[]{ queryCode, tracks[]{ tkCode, tkDesc, tkLocation,
 *   tkTimezone "UTC+08:00", tkDateStr (local), tkDate (UTC) } } };
 * - open API tr.order.tracking.get: { data{ deliveryOrderNo, trackingList[]{ businessLinkCode,
 *   occurDatetime, occurLocation, trackingContent } } }.
 */
export function parseFourPx(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("4px", payload, "payload");
  const list = asArray(root.data);
  if (list) return sortByOccurredAt(records(list).flatMap(fromTrackV3));
  const data = asRecord(root.data);
  if (data && asArray(data.trackingList)) return sortByOccurredAt(fromOpenApi(data));
  throw new CarrierPayloadError("4px", "data");
}

function fromTrackV3(parcel: JsonRecord): RawCarrierEvent[] {
  const trackingNumber = asText(parcel.queryCode);
  if (!trackingNumber) return [];
  return records(asArray(parcel.tracks) ?? []).flatMap((track) => {
    const rawCode = asText(track.tkCode);
    const local = asText(track.tkDateStr);
    const zone = asText(track.tkTimezone);
    // tkTimezone is null on some partner scans: then tkDate (UTC, "+0000") is all we have.
    const occurredAt =
      (local && zone ? withOffset(local, zone) : null) ??
      isoKeepingOffset(asText(track.tkDate) ?? "");
    if (!rawCode || !occurredAt) return [];
    return [
      event(trackingNumber, rawCode, occurredAt, asText(track.tkDesc), asText(track.tkLocation)),
    ];
  });
}

function fromOpenApi(data: JsonRecord): RawCarrierEvent[] {
  const trackingNumber = asText(data.deliveryOrderNo);
  if (!trackingNumber) return [];
  return records(asArray(data.trackingList) ?? []).flatMap((item) => {
    const rawCode = asText(item.businessLinkCode);
    const time = asText(item.occurDatetime) ?? "";
    // The open API documents no zone for occurDatetime: read as UTC (decision 021).
    const occurredAt = isoKeepingOffset(time) ?? withOffset(time, "Z");
    if (!rawCode || !occurredAt) return [];
    const place = asText(item.occurLocation);
    return [event(trackingNumber, rawCode, occurredAt, asText(item.trackingContent), place)];
  });
}

function event(
  trackingNumber: string,
  rawCode: string,
  occurredAt: string,
  description: string | undefined,
  place: string | undefined,
): RawCarrierEvent {
  return {
    carrier: "4px",
    trackingNumber,
    occurredAt,
    rawCode,
    rawDescription: description ?? "",
    // 4PX gives free text ("ShaTian,DongGuan"); keep it as the city rather than guess.
    ...(place ? { location: { city: place } } : {}),
  };
}
