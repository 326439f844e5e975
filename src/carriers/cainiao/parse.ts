import {
  asArray,
  asText,
  CarrierPayloadError,
  type JsonRecord,
  records,
  requireRecord,
} from "../json.ts";
import { isoKeepingOffset, sortByOccurredAt, withOffset } from "../occurred-at.ts";
import type { RawCarrierEvent } from "../types.ts";

/**
 * Cainiao global logistics detail: { module[]{ mailNo, detailList[] } }, or one module
 * object on its own. Each detail has actionCode, desc/standerdDesc, timeStr (local),
 * timeZone ("GMT+08:00") and time (epoch milliseconds).
 */
export function parseCainiao(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("cainiao", payload, "payload");
  const modules = asArray(root.module) ?? (root.detailList ? [root] : undefined);
  if (!modules) throw new CarrierPayloadError("cainiao", "module");
  const events: RawCarrierEvent[] = [];
  for (const module of records(modules)) {
    const trackingNumber = asText(module.mailNo);
    if (!trackingNumber) continue;
    for (const detail of records(asArray(module.detailList) ?? [])) {
      const event = toEvent(trackingNumber, detail);
      if (event) events.push(event);
    }
  }
  return sortByOccurredAt(events);
}

function toEvent(trackingNumber: string, detail: JsonRecord): RawCarrierEvent | null {
  const rawCode = asText(detail.actionCode);
  const occurredAt = occurredAtOf(detail);
  if (!rawCode || !occurredAt) return null;
  return {
    carrier: "cainiao",
    trackingNumber,
    occurredAt,
    rawCode,
    rawDescription: asText(detail.desc) ?? asText(detail.standerdDesc) ?? "",
  };
}

/** Local timeStr in its timeZone; without a zone, the epoch `time` as UTC. */
function occurredAtOf(detail: JsonRecord): string | null {
  const local = asText(detail.timeStr);
  const zone = asText(detail.timeZone);
  if (local && zone) return withOffset(local, zone);
  const epoch = detail.time;
  if (typeof epoch === "number" && Number.isFinite(epoch)) {
    return isoKeepingOffset(new Date(epoch).toISOString().replace(".000Z", "Z"));
  }
  return null;
}
