import { normalizeTrackingNumber } from "../carriers/tracking-numbers/index.ts";

/**
 * How a typed number is matched to a stored one: the validator's normalization (separators and
 * invisible characters dropped, upper case). Lookups never refuse: input the validator rejects
 * is only trimmed and upper-cased, and simply finds nothing.
 */
export function trackingNumberKey(trackingNumber: string): string {
  const normalized = normalizeTrackingNumber(trackingNumber);
  return "error" in normalized ? trackingNumber.trim().toUpperCase() : normalized.normalized;
}
