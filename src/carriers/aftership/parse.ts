import { carrierCodeFromName } from "../carrier-alias.ts";
import { countryAlpha2, eventLocation } from "../event-location.ts";
import { asText, type JsonRecord, records, requireArray, requireRecord } from "../json.ts";
import { isoKeepingOffset, localWithCountryOrUtc, sortByOccurredAt } from "../occurred-at.ts";
import { NO_RAW_CODE, type RawCarrierEvent } from "../types.ts";

/** AfterShip tracking webhook: { event_id, ts, msg{ slug, tracking_number, checkpoints[] } }. */
export function parseAftership(payload: unknown): RawCarrierEvent[] {
  const root = requireRecord("aftership", payload, "payload");
  const msg = requireRecord("aftership", root.msg, "msg");
  const trackingNumber = asText(msg.tracking_number);
  const checkpoints = requireArray("aftership", msg.checkpoints, "msg.checkpoints");
  if (!trackingNumber) return [];
  const slug = asText(msg.slug);
  const events = records(checkpoints)
    .map((checkpoint) => toEvent(trackingNumber, slug, checkpoint))
    .filter((event): event is RawCarrierEvent => event !== null);
  return sortByOccurredAt(events);
}

function toEvent(
  trackingNumber: string,
  trackingSlug: string | undefined,
  checkpoint: JsonRecord,
): RawCarrierEvent | null {
  // Each checkpoint names the carrier that scanned it, which changes at a hand-off.
  const slug = asText(checkpoint.slug) ?? trackingSlug;
  const rawCode = asText(checkpoint.subtag) ?? asText(checkpoint.tag) ?? NO_RAW_CODE;
  const country = asText(checkpoint.country_iso3) ?? asText(checkpoint.country_region);
  const time = asText(checkpoint.checkpoint_time) ?? "";
  // checkpoint_time is local; AfterShip adds the offset when the carrier gave one.
  const occurredAt =
    isoKeepingOffset(time) ?? localWithCountryOrUtc(time, countryAlpha2(country ?? undefined));
  if (!slug || !occurredAt) return null;
  const location = eventLocation({
    city: asText(checkpoint.city),
    region: asText(checkpoint.state),
    postalCode: asText(checkpoint.zip),
    country,
  });
  return {
    carrier: carrierCodeFromName(slug),
    trackingNumber,
    occurredAt,
    rawCode,
    rawDescription: asText(checkpoint.message) ?? "",
    ...(location ? { location } : {}),
  };
}
