import { createHash } from "node:crypto";
import type { PrismaClient, WebhookEndpoint } from "../../generated/prisma/client.ts";
import type { CanonicalEvent, CarrierAdapter, RawCarrierEvent } from "../carriers/types.ts";
import type { TrackingStatus } from "../vocabulary/index.ts";
import { previousSecretExpiresAt } from "./carrier-webhooks.ts";
import type { ChangePublisher } from "./changes.ts";
import type { EventInput } from "./event-input.ts";
import type { JobQueue } from "./jobs.ts";
import {
  MAX_EVENTS_PER_BATCH,
  type RecordedChange,
  recordTrackingEvents,
} from "./record-events.ts";
import { DEFAULT_RETRY, type RetryPolicy, retryTransient } from "./retry.ts";
import type { SecretBox } from "./secret-box.ts";
import { parseZonedTime } from "./zoned-time.ts";

export interface WebhookRequest {
  adapter: CarrierAdapter;
  /** The endpoint the URL names; the only one whose secrets are tried. */
  endpointId: string;
  /** Reads the raw body; null when it is over the size cap. Called once the endpoint is known. */
  readBody: () => Promise<string | null>;
  headers: Headers;
  url: string;
}

export type WebhookReceipt =
  | { status: 202; deliveryId: string }
  | { status: 200; duplicate: true }
  | { status: 400 | 401 | 404 | 413; error: string };

/**
 * Finds the endpoint the URL names, then reads and verifies the body with that endpoint's secret
 * (and, during a rotation's grace period, its previous one), then stores the delivery once per
 * provider event id. An unknown endpoint, or one of another provider, costs one lookup by primary
 * key: no body is read and no signature computed. Nothing is stored for a bad signature; a
 * replay is answered 200 and changes nothing.
 */
export async function receiveWebhook(
  db: PrismaClient,
  request: WebhookRequest,
  deps: { secretBox: SecretBox; now: Date; jobs: JobQueue },
): Promise<WebhookReceipt> {
  const { adapter } = request;
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: request.endpointId } });
  // One answer for both, so a probe cannot tell another provider's endpoint from none.
  if (!endpoint || endpoint.provider !== adapter.code) {
    return { status: 404, error: `no such ${adapter.code} webhook endpoint` };
  }
  const rawBody = await request.readBody();
  if (rawBody === null) return { status: 413, error: "body too large" };
  if (!verifies(adapter, endpoint, { ...request, rawBody }, deps)) {
    return { status: 401, error: `${adapter.code} webhook signature did not verify` };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return { status: 400, error: "body is not JSON" };
  }
  const eventId =
    adapter.webhookEventId?.(payload, request.headers) ??
    createHash("sha256").update(rawBody).digest("hex");
  // Stored and queued together: a delivery never waits for a job that was not written.
  const delivery = await db.$transaction(async (tx) => {
    const [created] = await tx.webhookDelivery.createManyAndReturn({
      data: [{ endpointId: endpoint.id, eventId, rawBody }],
      skipDuplicates: true,
    });
    if (created) {
      await deps.jobs.enqueue(
        tx,
        "carrier-webhook",
        { deliveryId: created.id },
        { key: created.id },
      );
    }
    return created;
  });
  return delivery ? { status: 202, deliveryId: delivery.id } : { status: 200, duplicate: true };
}

/** The current secret, then the previous one while its grace period lasts; opened one by one. */
function verifies(
  adapter: CarrierAdapter,
  endpoint: WebhookEndpoint,
  request: { rawBody: string; headers: Headers; url: string },
  deps: { secretBox: SecretBox; now: Date },
): boolean {
  const sealed = [endpoint.secret];
  if (previousSecretExpiresAt(endpoint, deps.now) && endpoint.previousSecret) {
    sealed.push(endpoint.previousSecret);
  }
  return sealed.some(
    (secret) =>
      adapter.verifyWebhook?.({
        rawBody: request.rawBody,
        headers: request.headers,
        url: request.url,
        secret: deps.secretBox.open(secret),
      }) ?? false,
  );
}

export interface ProcessDeliveryDeps {
  now: Date;
  findAdapter: (code: string) => CarrierAdapter | undefined;
  /** Where recorded changes are announced. */
  publisher: ChangePublisher;
  /** Where a first scan queues the marketplace push it released. */
  jobs: JobQueue;
  /** Retries of the database work; DEFAULT_RETRY unless a test injects its own sleep. */
  retry?: RetryPolicy;
}

/**
 * Ingests a stored delivery through the tracking core. Failures are written on the row, so a
 * bad payload is kept for inspection and a crash mid-way is retried from the inbox at start-up.
 * Database work is retried with back-off; parsing is not, as a bad payload stays bad.
 */
export async function processDelivery(
  db: PrismaClient,
  deliveryId: string,
  deps: ProcessDeliveryDeps,
): Promise<RecordedChange[]> {
  const retry = deps.retry ?? DEFAULT_RETRY;
  const delivery = await retryTransient(
    () =>
      db.webhookDelivery.findUnique({
        where: { id: deliveryId },
        include: { endpoint: true },
      }),
    retry,
  );
  // Gone: the tenant deleted the endpoint, and its inbox with it, before the job ran.
  if (delivery?.state !== "RECEIVED") return [];
  const { provider, tenantId } = delivery.endpoint;
  const changes: RecordedChange[] = [];
  const problems: string[] = [];
  try {
    const byNumber = eventsByNumber(
      deps.findAdapter(provider),
      provider,
      delivery.rawBody,
      problems,
    );
    for (const [trackingNumber, events] of byNumber) {
      // Aggregators resend the whole history, so a long-lived parcel outgrows one batch.
      for (const batch of chunks(events, MAX_EVENTS_PER_BATCH)) {
        // Safe to repeat: events already stored by a failed try come back as duplicates.
        const result = await retryTransient(
          () =>
            recordTrackingEvents(
              db,
              tenantId,
              { selector: { trackingNumber }, events: batch, source: "WEBHOOK" },
              { now: deps.now, lookup: () => null, publisher: deps.publisher, jobs: deps.jobs },
            ),
          retry,
        );
        problems.push(...result.errors.map((error) => `${trackingNumber}: ${error.message}`));
        changes.push(...result.changes);
        // No shipment has this number: further batches would only repeat NOT_FOUND.
        if (result.shipments.length === 0) break;
      }
    }
    await retryTransient(
      () =>
        db.webhookDelivery.update({
          where: { id: deliveryId },
          data: {
            state: "PROCESSED",
            processedAt: deps.now,
            eventCount: changes.reduce((sum, change) => sum + change.eventIds.length, 0),
            error: problems.length ? storable(problems.join("; ")) : null,
          },
        }),
      retry,
    );
  } catch (error) {
    await retryTransient(
      () =>
        db.webhookDelivery.update({
          where: { id: deliveryId },
          data: { state: "FAILED", processedAt: deps.now, error: storable(String(error)) },
        }),
      retry,
    );
  }
  return changes;
}

/** Parses, cleans and normalizes a delivery's events, per tracking number, ready to record. */
function eventsByNumber(
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
  for (const [trackingNumber, raws] of groupByNumber(adapter.parse(payload).map(cleanRawEvent))) {
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

function groupByNumber(raws: readonly RawCarrierEvent[]): Map<string, RawCarrierEvent[]> {
  const groups = new Map<string, RawCarrierEvent[]>();
  for (const raw of raws) {
    const group = groups.get(raw.trackingNumber) ?? [];
    group.push(raw);
    groups.set(raw.trackingNumber, group);
  }
  return groups;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/**
 * PostgreSQL text cannot hold NUL, so one NUL in one field used to fail a whole delivery; other
 * control characters (C0, DEL, C1: a stray CR, tab or bell) carry no meaning in a carrier's words
 * and become a single space, so "Picked\r\nup" reads "Picked up".
 */
function withoutControlCharacters(text: string): string {
  return text.replaceAll("\u0000", "").replace(/\p{Cc}+/gu, " ");
}

/** What the row's `error` column can hold: clean, and short. */
function storable(text: string): string {
  return withoutControlCharacters(text).slice(0, 4000);
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
