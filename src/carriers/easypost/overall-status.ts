import type { TrackingStatus } from "../../vocabulary/index.ts";
import { asRecord, asText } from "../json.ts";
import { easypostCodes } from "./codes.ts";

/** The Tracker's own `status` (with `status_detail`), read through the tracking_details table. */
export function easypostOverallStatus(payload: unknown): TrackingStatus | null {
  const tracker = asRecord(asRecord(payload)?.result);
  const status = asText(tracker?.status);
  if (!status) return null;
  const detail = asText(tracker?.status_detail);
  for (const code of detail ? [`${status}/${detail}`, status] : [status]) {
    if (Object.hasOwn(easypostCodes, code)) return easypostCodes[code]?.status ?? null;
  }
  return null;
}
