import { createHash } from "node:crypto";
import type { EventLocation } from "../vocabulary/index.ts";

export interface DedupeFields {
  carrier: string;
  trackingNumber: string;
  occurredAt: Date;
  rawCode: string;
  location?: EventLocation | null;
}

/**
 * Identity of a carrier event (README, "Tracking events"): the same scan delivered twice, by webhook and by poll,
 * or in another offset notation, collapses onto one row. The instant, not its text, is hashed.
 */
export function dedupeKey(event: DedupeFields): string {
  const where = event.location ?? {};
  const parts = [
    event.carrier,
    event.trackingNumber,
    event.occurredAt.toISOString(),
    event.rawCode.trim().toUpperCase(),
    where.city,
    where.region,
    where.postalCode,
    where.countryCode,
  ].map((part) => (part ?? "").trim().toLowerCase());
  return createHash("sha256").update(parts.join("\u001f")).digest("base64url");
}
