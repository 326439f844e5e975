import type { EventLocation, TrackingStatus, TrackingSubstatus } from "../vocabulary/index.ts";
import type { CarrierTracking } from "./tracking-api.ts";

/** One carrier event as the carrier said it, before normalization. */
export interface RawCarrierEvent {
  /** Our carrier code of the carrier that scanned the parcel ("ups", "china-post"). */
  carrier: string;
  trackingNumber: string;
  /** ISO-8601 with the carrier's UTC offset kept ("2026-03-02T14:05:00+08:00"). */
  occurredAt: string;
  /** The carrier's own status or event code, verbatim. */
  rawCode: string;
  /** The carrier's own words, verbatim. */
  rawDescription: string;
  location?: EventLocation;
}

/**
 * rawCode of an event whose payload gave no status code (17TRACK sends ordinary scans with
 * neither stage nor sub_status). The "~" says the code is ours (as in decision 022); no table
 * holds it, so the event is kept with its words and a fallback status, `known: false` (020).
 */
export const NO_RAW_CODE = "~no_code";

/** A raw event with its meaning in the canonical vocabulary. */
export interface CanonicalEvent extends RawCarrierEvent {
  status: TrackingStatus;
  substatus: TrackingSubstatus | null;
  /** False when the raw code was not in the carrier's code table and a fallback was used. */
  known: boolean;
}

/** What a raw code means; the value type of every carrier code table. */
export interface CodeMeaning {
  status: TrackingStatus;
  substatus?: TrackingSubstatus;
}

/** A carrier (or tracking aggregator) whose payloads trackline understands. */
export interface CarrierAdapter {
  /** Stored, lowercase kebab id: "ups", "yunexpress", "aftership". */
  code: string;
  /** Display name. */
  name: string;
  /**
   * Public tracking page, `%s` standing for the number. Needed only for a carrier the
   * tracking-number directory does not list; the directory's entry wins otherwise.
   */
  trackingUrl?: string | null;
  /** True for aggregators (AfterShip, 17TRACK, EasyPost) whose events name another carrier. */
  aggregator?: boolean;
  /** Parses one documented tracking payload (API response or webhook body) into raw events. */
  parse(payload: unknown): RawCarrierEvent[];
  /**
   * Aggregators: the provider's own overall status of the one tracking a payload describes
   * (17TRACK `latest_status`, AfterShip `tag`, EasyPost tracker `status`) in the canonical
   * vocabulary; null when absent or not in the code table. How it is used: decision 023.
   */
  overallStatus?(payload: unknown): TrackingStatus | null;
  /** Maps a raw event to the canonical vocabulary; unknown codes fall back and never throw. */
  normalize(raw: RawCarrierEvent): CanonicalEvent;
  /** Verifies a webhook's signature over the raw body; constant-time. Absent: webhooks not accepted. */
  verifyWebhook?(input: {
    rawBody: string;
    headers: HeaderReader;
    secret: string;
    url: string;
  }): boolean;
  /** Provider's id of a webhook delivery, used to deduplicate replays; null when it has none. */
  webhookEventId?(payload: unknown, headers: HeaderReader): string | null;
  /** The carrier's tracking API, for polling shipments without pushes; absent: not polled (046). */
  tracking?: CarrierTracking;
}

/**
 * A request's headers as webhook verification reads them: by name, case-insensitively, several
 * values joined by ", " (what `Headers.get` does). A `Headers` is one; the webhook route passes
 * a reader over node's parsed headers, which costs less than building a `Headers` per request.
 */
export type HeaderReader = Pick<Headers, "get">;
