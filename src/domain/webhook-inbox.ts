import { createHash } from "node:crypto";
import type { Prisma, PrismaClient, WebhookEndpoint } from "../../generated/prisma/client.ts";
import type { CarrierAdapter, HeaderReader } from "../carriers/types.ts";
import { eventsByNumber, withoutControlCharacters } from "./carrier-payloads.ts";
import { previousSecretExpiresAt } from "./carrier-webhooks.ts";
import { type ChangePublisher, publishRecordedChanges } from "./changes.ts";
import { isForeignKeyViolation } from "./db-errors.ts";
import { groupBy } from "./group-by.ts";
import { type IngestItem, ingestBatch } from "./ingest.ts";
import { INPUT_LIMITS, textLimitErrors } from "./input-limits.ts";
import type { JobQueue } from "./jobs.ts";
import {
  checkEventsFor,
  MAX_EVENTS_PER_BATCH,
  NO_SUCH_SHIPMENT,
  type RecordedChange,
  recordTrackingEvents,
} from "./record-events.ts";
import { CONFLICT_RETRY, DEFAULT_RETRY, type RetryPolicy, retryTransient } from "./retry.ts";
import type { SecretBox } from "./secret-box.ts";
import { trackingNumberKey } from "./tracking-number-key.ts";
import type { DeliveryWriter, EndpointLookup } from "./webhook-intake.ts";

export interface WebhookRequest {
  adapter: CarrierAdapter;
  /** The endpoint the URL names; the only one whose secrets are tried. */
  endpointId: string;
  /** Reads the raw body; null when it is over the size cap. Called once the endpoint is known. */
  readBody: () => Promise<string | null>;
  headers: HeaderReader;
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
 * key (endpoints are cached briefly, webhook-intake.ts): no body is read and no signature
 * computed. An endpoint deleted after it was cached is not found when the delivery is stored. Nothing is stored for a bad signature; a
 * replay is answered 200 and changes nothing.
 */
export async function receiveWebhook(
  request: WebhookRequest,
  deps: { secretBox: SecretBox; now: Date; endpoints: EndpointLookup; store: DeliveryWriter },
): Promise<WebhookReceipt> {
  const { adapter } = request;
  const endpoint = await deps.endpoints(request.endpointId);
  // One answer for both, so a probe cannot tell another provider's endpoint from none.
  const notFound = { status: 404, error: `no such ${adapter.code} webhook endpoint` } as const;
  if (!endpoint || endpoint.provider !== adapter.code) return notFound;
  const rawBody = await request.readBody();
  if (rawBody === null) return { status: 413, error: "body too large" };
  // A cached endpoint may predate a rotation: its current secret is read before refusing.
  if (!verifies(adapter, endpoint, { ...request, rawBody }, deps)) {
    const current = await deps.endpoints(request.endpointId, true);
    if (!current || !verifies(adapter, current, { ...request, rawBody }, deps)) {
      return { status: 401, error: `${adapter.code} webhook signature did not verify` };
    }
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
  let deliveryId: string | null;
  try {
    deliveryId = await deps.store({ endpointId: endpoint.id, eventId, rawBody });
  } catch (error) {
    if (isForeignKeyViolation(error)) return notFound;
    throw error;
  }
  return deliveryId ? { status: 202, deliveryId } : { status: 200, duplicate: true };
}

/** The current secret, then the previous one while its grace period lasts; opened one by one. */
function verifies(
  adapter: CarrierAdapter,
  endpoint: WebhookEndpoint,
  request: { rawBody: string; headers: HeaderReader; url: string },
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

/**
 * Ingests the deliveries a worker fetched together in one transaction (decision 050): one read
 * of the deliveries, one of their shipments, then `ingestBatch` and the deliveries' own rows in
 * the same commit; each parcel's changes are announced after it. Deliveries it finds no longer
 * RECEIVED are left alone. When the batch cannot commit (a conflict that outlives its retries,
 * a shipment deleted meanwhile), each delivery is processed on its own by `processDelivery`, so a
 * bad one costs the batch its speed, never its neighbours' events.
 */
export async function processDeliveries(
  db: PrismaClient,
  deliveryIds: readonly string[],
  deps: ProcessDeliveryDeps,
): Promise<void> {
  const retry = deps.retry ?? DEFAULT_RETRY;
  const deliveries = await retryTransient(
    () =>
      db.webhookDelivery.findMany({
        where: { id: { in: [...deliveryIds] }, state: "RECEIVED" },
        include: { endpoint: { select: { provider: true, tenantId: true } } },
      }),
    retry,
  );
  const parsed = deliveries.map((delivery) => {
    const { provider } = delivery.endpoint;
    const problems: string[] = [];
    try {
      const adapter = deps.findAdapter(provider);
      return {
        delivery,
        problems,
        byNumber: eventsByNumber(adapter, provider, delivery.rawBody, problems),
      };
    } catch (error) {
      return { delivery, problems, failure: storable(String(error)) };
    }
  });
  const keyOf = (tenantId: string, trackingNumber: string) =>
    `${tenantId}\n${trackingNumberKey(trackingNumber)}`;
  const wanted = new Map<string, { tenantId: string; trackingNumber: string }>();
  for (const { delivery, byNumber, problems } of parsed) {
    for (const trackingNumber of byNumber?.keys() ?? []) {
      const oversized = textLimitErrors({ trackingNumber }, INPUT_LIMITS.recordTrackingEvents);
      if (oversized.length > 0) {
        problems.push(...oversized.map((error) => `${trackingNumber}: ${error.message}`));
        byNumber!.delete(trackingNumber);
        continue;
      }
      const { tenantId } = delivery.endpoint;
      wanted.set(keyOf(tenantId, trackingNumber), {
        tenantId,
        trackingNumber: trackingNumberKey(trackingNumber),
      });
    }
  }
  const shipments = wanted.size
    ? await retryTransient(
        () =>
          db.shipment.findMany({
            where: { OR: [...wanted.values()] },
            include: { order: { select: { placedAt: true } } },
            orderBy: { createdAt: "asc" },
          }),
        retry,
      )
    : [];
  const shipmentsByKey = groupBy(shipments, (shipment) =>
    keyOf(shipment.tenantId, shipment.trackingNumber),
  );
  // Every shipment with the number gets the events, as recordTrackingEvents does; the first
  // one's refusals are the ones reported.
  const items: IngestItem[] = [];
  const ownerOf: number[] = [];
  parsed.forEach(({ delivery, byNumber, problems }, owner) => {
    for (const [trackingNumber, events] of byNumber ?? []) {
      const targets = shipmentsByKey.get(keyOf(delivery.endpoint.tenantId, trackingNumber)) ?? [];
      if (targets.length === 0) problems.push(`${trackingNumber}: ${NO_SUCH_SHIPMENT}`);
      targets.forEach((shipment, index) => {
        const checked = checkEventsFor(shipment, events, "WEBHOOK", {
          now: deps.now,
          lookup: () => null,
        });
        if (index === 0) {
          problems.push(...checked.errors.map((error) => `${trackingNumber}: ${error.message}`));
        }
        items.push({ shipment, events: checked.good });
        ownerOf.push(owner);
      });
    }
  });
  let changes: RecordedChange[] = [];
  try {
    changes = await retryTransient(async () => {
      const recorded: RecordedChange[] = [];
      await ingestBatch(db, items, deps.jobs, deps.now, async (tx, results) => {
        const eventCounts = parsed.map(() => 0);
        results.forEach((result, index) => {
          eventCounts[ownerOf[index]!]! += result.inserted.length;
          recorded.push({
            shipment: result.shipment,
            eventIds: result.inserted.map((event) => event.id),
            statusChanged: result.statusChanged,
          });
        });
        await markDeliveries(
          tx,
          parsed.map(({ delivery, problems, failure }, index) => ({
            id: delivery.id,
            outcome: failure
              ? { state: "FAILED" as const, processedAt: deps.now, error: failure }
              : {
                  state: "PROCESSED" as const,
                  processedAt: deps.now,
                  eventCount: eventCounts[index]!,
                  error: problems.length ? storable(problems.join("; ")) : null,
                },
          })),
        );
      });
      return recorded;
    }, CONFLICT_RETRY);
  } catch {
    for (const { delivery } of parsed) await processDelivery(db, delivery.id, deps);
    return;
  }
  publishRecordedChanges(deps.publisher, changes);
}

/** Writes each delivery's outcome; deliveries with the same outcome share one statement. */
async function markDeliveries(
  tx: Prisma.TransactionClient,
  deliveries: readonly { id: string; outcome: Prisma.WebhookDeliveryUpdateManyMutationInput }[],
): Promise<void> {
  for (const group of groupBy(deliveries, ({ outcome }) => JSON.stringify(outcome)).values()) {
    await tx.webhookDelivery.updateMany({
      where: { id: { in: group.map(({ id }) => id) } },
      data: group[0]!.outcome,
    });
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/** What the row's `error` column can hold: clean, and short. */
function storable(text: string): string {
  return withoutControlCharacters(text).slice(0, 4000);
}
