import { PRE_SCAN_STATUSES, type TrackingStatus } from "../vocabulary/index.ts";

/** What a stored event tells about whether a carrier had the parcel in hand. */
export interface ScanEvidence {
  status: TrackingStatus;
  rawCode: string;
  codeKnown: boolean;
  city: string | null;
  postalCode: string | null;
  countryCode: string | null;
  latitude: number | null;
}

/**
 * A physical scan: past the label stage, and backed by evidence a carrier scanned it (a code
 * its table knows, or a place). A hand-typed "in transit" with neither is not one: marketplaces
 * such as Amazon count tracking as valid only after a real scan.
 */
export function isPhysicalScan(event: ScanEvidence): boolean {
  if (PRE_SCAN_STATUSES.has(event.status)) return false;
  const scanCode = event.codeKnown && event.rawCode.trim() !== "";
  const place =
    Boolean(event.city || event.postalCode || event.countryCode) || event.latitude !== null;
  return scanCode || place;
}
