import type { TrackingStatus } from "../../vocabulary/index.ts";
import { asRecord, asText } from "../json.ts";
import { seventeenTrackCodes } from "./codes.ts";

/**
 * `data.track_info.latest_status`: its sub_status ("Delivered_Other"), else its main status,
 * read through the event code table; a new sub-status counts as its main status.
 */
export function seventeenTrackOverallStatus(payload: unknown): TrackingStatus | null {
  const latest = asRecord(asRecord(asRecord(asRecord(payload)?.data)?.track_info)?.latest_status);
  for (const code of [asText(latest?.sub_status), asText(latest?.status)]) {
    if (!code) continue;
    const main = code.split("_")[0] ?? code;
    const meaning = Object.hasOwn(seventeenTrackCodes, code)
      ? seventeenTrackCodes[code]
      : Object.hasOwn(seventeenTrackCodes, main)
        ? seventeenTrackCodes[main]
        : undefined;
    if (meaning) return meaning.status;
  }
  return null;
}
