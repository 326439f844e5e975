import {
  asArray,
  asText,
  CarrierPayloadError,
  type JsonRecord,
  records,
  requireRecord,
} from "../json.ts";
import { sortByOccurredAt, withOffset } from "../occurred-at.ts";
import type { RawCarrierEvent } from "../types.ts";
import { yunexpressTextCode } from "./text-codes.ts";

/** YunExpress tracking API: { Item{ WaybillNumber, TrackingNumber, OrderTrackingDetails[] } }. */
export function parseYunexpress(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("yunexpress", payload, "payload");
  const item = requireRecord("yunexpress", root.Item, "Item");
  const details = asArray(item.OrderTrackingDetails);
  if (!details) throw new CarrierPayloadError("yunexpress", "Item.OrderTrackingDetails");
  const trackingNumber = asText(item.WaybillNumber) ?? asText(item.TrackingNumber);
  if (!trackingNumber) return [];
  const events = records(details)
    .map((detail) => toEvent(trackingNumber, detail))
    .filter((event): event is RawCarrierEvent => event !== null);
  return sortByOccurredAt(events);
}

function toEvent(trackingNumber: string, detail: JsonRecord): RawCarrierEvent | null {
  const content = asText(detail.ProcessContent);
  // ProcessDate has no zone and scans span origin and destination: read as UTC (decision 021).
  const occurredAt = withOffset(asText(detail.ProcessDate) ?? "", "Z");
  if (!content || !occurredAt) return null;
  const place = asText(detail.ProcessLocation);
  return {
    carrier: "yunexpress",
    trackingNumber,
    occurredAt,
    rawCode: yunexpressTextCode(content),
    rawDescription: content,
    ...(place ? { location: { city: place } } : {}),
  };
}
