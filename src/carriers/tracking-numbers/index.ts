import { CARRIERS } from "./format-registry.ts";
import type { CarrierInfo } from "./types.ts";

export { type DetectionContext, detectCarrier, detectCarriers } from "./detect.ts";
export { normalizeTrackingNumber } from "./normalize.ts";
export { suggestCorrections } from "./suggest.ts";
export type {
  CarrierInfo,
  CarrierMatch,
  DetectionResult,
  FormatInfo,
  Suggestion,
  TrackingNumberCheck,
  TrackingNumberError,
  TrackingNumberErrorCode,
  TrackingNumberWarning,
  TrackingNumberWarningCode,
} from "./types.ts";
export { validateTrackingNumber } from "./validate.ts";

/** Every carrier we can recognise numbers for, in tie-break order. */
export function listCarriers(): CarrierInfo[] {
  return [...CARRIERS.values()];
}

/** A carrier by its stored code. */
export function findCarrier(code: string): CarrierInfo | undefined {
  return CARRIERS.get(code);
}
