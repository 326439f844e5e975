import type { TrackingStatus } from "../../vocabulary/index.ts";
import { asRecord, asText } from "../json.ts";
import { aftershipCodes } from "./codes.ts";

/** The tracking's own `msg.subtag`, else `msg.tag`, read through the checkpoint code table. */
export function aftershipOverallStatus(payload: unknown): TrackingStatus | null {
  const msg = asRecord(asRecord(payload)?.msg);
  for (const code of [asText(msg?.subtag), asText(msg?.tag)]) {
    if (!code) continue;
    const tag = code.split("_")[0] ?? code;
    const meaning = Object.hasOwn(aftershipCodes, code)
      ? aftershipCodes[code]
      : Object.hasOwn(aftershipCodes, tag)
        ? aftershipCodes[tag]
        : undefined;
    if (meaning) return meaning.status;
  }
  return null;
}
