import { findAdapter } from "../carriers/registry.ts";
import type { CodeLookup } from "./event-input.ts";

/** Maps a raw code through the carrier's code table; null when the carrier or code is unknown. */
export const lookupCarrierCode: CodeLookup = (carrier, rawCode, rawDescription) => {
  const adapter = findAdapter(carrier);
  if (!adapter) return null;
  const event = adapter.normalise({
    carrier,
    trackingNumber: "",
    occurredAt: "",
    rawCode,
    rawDescription,
  });
  return event.known ? { status: event.status, substatus: event.substatus } : null;
};
