import type { CanonicalEvent, CarrierAdapter, RawCarrierEvent } from "../carriers/types.ts";
import type { TrackingStatus } from "../vocabulary/index.ts";
import type { EventInput } from "./event-input.ts";
import { groupBy } from "./group-by.ts";
import { parseZonedTime } from "./zoned-time.ts";

/*
 * What a carrier sends (a webhook body, a tracking API answer) as events ready to record:
 * parsed by the carrier's adapter, cleaned, normalized, and overruled where decision 023 says.
 */

/** Parses, cleans and normalizes a delivery's events, per tracking number, ready to record. */
export function eventsByNumber(
  adapter: CarrierAdapter | undefined,
  provider: string,
  rawBody: string,
  problems: string[],
): Map<string, EventInput[]> {
  if (!adapter) throw new Error(`no adapter for ${provider}`);
  return payloadEventInputs(adapter, JSON.parse(rawBody), problems);
}

/**
 * One parsed payload (webhook body or API answer) as events ready to record, per tracking
 * number: parsed, cleaned, normalized, overruled by the overall status where decision 023 says.
 */
export function payloadEventInputs(
  adapter: CarrierAdapter,
  payload: unknown,
  problems: string[],
): Map<string, EventInput[]> {
  const overall = adapter.overallStatus?.(payload) ?? null;
  const byNumber = new Map<string, EventInput[]>();
  for (const [trackingNumber, raws] of groupBy(
    adapter.parse(payload).map(cleanRawEvent),
    (raw) => raw.trackingNumber,
  )) {
    const normalized = raws.map((raw) => adapter.normalize(raw));
    const overruled = overruledByOverallStatus(normalized, overall);
    byNumber.set(
      trackingNumber,
      normalized.flatMap((event, index) =>
        toEventInput(event, overruled[index] === true, problems),
      ),
    );
  }
  return byNumber;
}

/**
 * PostgreSQL text cannot hold NUL, so one NUL in one field used to fail a whole delivery; other
 * control characters (C0, DEL, C1: a stray CR, tab or bell) carry no meaning in a carrier's words
 * and become a single space, so "Picked\r\nup" reads "Picked up".
 */
export function withoutControlCharacters(text: string): string {
  return text.replaceAll("\u0000", "").replace(/\p{Cc}+/gu, " ");
}

function cleanRawEvent(raw: RawCarrierEvent): RawCarrierEvent {
  const clean = (text: string) => withoutControlCharacters(text).trim();
  const cleanOrNull = (text: string | null | undefined) => (text == null ? text : clean(text));
  const { location } = raw;
  return {
    ...raw,
    carrier: clean(raw.carrier),
    trackingNumber: clean(raw.trackingNumber),
    occurredAt: clean(raw.occurredAt),
    rawCode: clean(raw.rawCode),
    rawDescription: clean(raw.rawDescription),
    ...(location
      ? {
          location: {
            ...location,
            city: cleanOrNull(location.city),
            region: cleanOrNull(location.region),
            postalCode: cleanOrNull(location.postalCode),
            countryCode: cleanOrNull(location.countryCode),
          },
        }
      : {}),
  };
}

/**
 * Decision 023: when the provider's own overall status is DELIVERED, a scan that is not a delivery
 * and is timed at or after the latest delivered scan is a carrier clock or time-zone artefact, not
 * news; it is kept for the timeline but may not set the status. True marks such an event.
 */
export function overruledByOverallStatus(
  events: readonly CanonicalEvent[],
  overall: TrackingStatus | null,
): boolean[] {
  const deliveredAt = events.reduce(
    (latest, event) =>
      event.status === "DELIVERED" ? Math.max(latest, Date.parse(event.occurredAt)) : latest,
    Number.NEGATIVE_INFINITY,
  );
  if (overall !== "DELIVERED" || deliveredAt === Number.NEGATIVE_INFINITY) {
    return events.map(() => false);
  }
  return events.map(
    (event) => event.status !== "DELIVERED" && Date.parse(event.occurredAt) >= deliveredAt,
  );
}

function toEventInput(event: CanonicalEvent, overruled: boolean, problems: string[]): EventInput[] {
  const occurredAt = parseZonedTime(event.occurredAt);
  if (!occurredAt) {
    problems.push(`${event.trackingNumber}: unreadable time "${event.occurredAt}"`);
    return [];
  }
  return [
    {
      occurredAt,
      status: event.status,
      substatus: event.substatus,
      rawCode: event.rawCode,
      rawDescription: event.rawDescription,
      location: event.location ?? null,
      // Ingest lets no codeKnown: false event set the status; an overruled scan joins them (023).
      codeKnown: event.known && !overruled,
      carrier: event.carrier,
    },
  ];
}
