import { createHash } from "node:crypto";
import type { PrismaClient, WebhookEndpoint } from "../../generated/prisma/client.ts";
import type { CanonicalEvent, CarrierAdapter, RawCarrierEvent } from "../carriers/types.ts";
import type { TrackingStatus } from "../vocabulary/index.ts";
import type { EventInput } from "./event-input.ts";
import { type RecordedChange, recordTrackingEvents } from "./record-events.ts";
import { parseZonedTime } from "./zoned-time.ts";

export interface WebhookRequest {
  adapter: CarrierAdapter;
  /** `?endpoint=` of the URL, when the provider lets the tenant set it; else every endpoint is tried. */
  endpointId: string | null;
  rawBody: string;
  headers: Headers;
  url: string;
}

export type WebhookReceipt =
  | { status: 202; deliveryId: string }
  | { status: 200; duplicate: true }
  | { status: 400 | 401; error: string };

/** More endpoints of one provider than this must name theirs with `?endpoint=`. */
const MAX_ENDPOINTS_TRIED = 100;

/**
 * Verifies the signature on the raw body, then stores the delivery once per provider event id.
 * Nothing is stored for a bad signature; a replay is answered 200 and changes nothing.
 */
export async function receiveWebhook(
  db: PrismaClient,
  request: WebhookRequest,
): Promise<WebhookReceipt> {
  const { adapter } = request;
  const endpoints = await db.webhookEndpoint.findMany({
    where: { provider: adapter.code, ...(request.endpointId ? { id: request.endpointId } : {}) },
    take: MAX_ENDPOINTS_TRIED,
    orderBy: { createdAt: "asc" },
  });
  const endpoint = endpoints.find((candidate) => verifies(adapter, candidate, request));
  if (!endpoint) return { status: 401, error: `${adapter.code} webhook signature did not verify` };
  let payload: unknown;
  try {
    payload = JSON.parse(request.rawBody);
  } catch {
    return { status: 400, error: "body is not JSON" };
  }
  const eventId =
    adapter.webhookEventId?.(payload, request.headers) ??
    createHash("sha256").update(request.rawBody).digest("hex");
  const [delivery] = await db.webhookDelivery.createManyAndReturn({
    data: [{ endpointId: endpoint.id, eventId, rawBody: request.rawBody }],
    skipDuplicates: true,
  });
  return delivery ? { status: 202, deliveryId: delivery.id } : { status: 200, duplicate: true };
}

function verifies(
  adapter: CarrierAdapter,
  endpoint: WebhookEndpoint,
  request: WebhookRequest,
): boolean {
  return adapter.verifyWebhook?.({ ...request, secret: endpoint.secret }) ?? false;
}

/**
 * Ingests a stored delivery through the tracking core. Failures are written on the row, so a
 * bad payload is kept for inspection and a crash mid-way is retried from the inbox at start-up.
 */
export async function processDelivery(
  db: PrismaClient,
  deliveryId: string,
  deps: { now: Date; findAdapter: (code: string) => CarrierAdapter | undefined },
): Promise<RecordedChange[]> {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    include: { endpoint: true },
  });
  if (delivery.state !== "RECEIVED") return [];
  const adapter = deps.findAdapter(delivery.endpoint.provider);
  const changes: RecordedChange[] = [];
  const problems: string[] = [];
  try {
    if (!adapter) throw new Error(`no adapter for ${delivery.endpoint.provider}`);
    const payload: unknown = JSON.parse(delivery.rawBody);
    const overall = adapter.overallStatus?.(payload) ?? null;
    const byNumber = groupByNumber(adapter.parse(payload));
    for (const [trackingNumber, raws] of byNumber) {
      const normalised = raws.map((raw) => adapter.normalise(raw));
      const overruled = overruledByOverallStatus(normalised, overall);
      const events = normalised.flatMap((event, index) =>
        toEventInput(event, overruled[index] === true, problems),
      );
      const result = await recordTrackingEvents(
        db,
        delivery.endpoint.tenantId,
        { selector: { trackingNumber }, events, source: "WEBHOOK" },
        { now: deps.now, lookup: () => null },
      );
      problems.push(...result.errors.map((error) => `${trackingNumber}: ${error.message}`));
      changes.push(...result.changes);
    }
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        state: "PROCESSED",
        processedAt: deps.now,
        eventCount: changes.reduce((sum, change) => sum + change.eventIds.length, 0),
        error: problems.length ? problems.join("; ").slice(0, 4000) : null,
      },
    });
  } catch (error) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { state: "FAILED", processedAt: deps.now, error: String(error).slice(0, 4000) },
    });
  }
  return changes;
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
