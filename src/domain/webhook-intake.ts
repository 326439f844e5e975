import type { PrismaClient, WebhookEndpoint } from "../../generated/prisma/client.ts";
import { type ColumnTypes, insertRows, newRowId } from "./insert-rows.ts";
import type { JobQueue } from "./jobs.ts";

/** A verified carrier webhook delivery, as the inbox stores it. */
export interface IncomingDelivery {
  endpointId: string;
  /** The provider's event id, or the body's hash: a second delivery of it is a replay. */
  eventId: string;
  rawBody: string;
}

/** Stores a delivery with its ingestion job; resolves with its id, or null for a replay. */
export type DeliveryWriter = (delivery: IncomingDelivery) => Promise<string | null>;

type DeliveryRow = { id: string; endpointId: string; eventId: string; rawBody: string };
const DELIVERY_COLUMNS: ColumnTypes<DeliveryRow> = {
  id: "text",
  endpointId: "text",
  eventId: "text",
  rawBody: "text",
};

/** Deliveries written by one transaction at most (one insert, one enqueue). */
const MAX_GROUP = 100;

/**
 * Group commit for the webhook inbox (decision 050): deliveries that arrive while a write is
 * under way wait for it to finish, then go together in one transaction: one insert of their
 * rows and one enqueue of their jobs, instead of a transaction each. Nothing is answered before
 * its row and job are committed. The first delivery after a quiet spell is written at once.
 * When a group's transaction fails, each of its deliveries is written on its own, so one that
 * cannot be stored (its endpoint deleted meanwhile) fails alone.
 */
export function createDeliveryWriter(db: PrismaClient, jobs: JobQueue): DeliveryWriter {
  interface Waiting {
    delivery: IncomingDelivery;
    resolve: (id: string | null) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Waiting[] = [];
  let writing = false;

  const writeGroup = async (group: readonly IncomingDelivery[]) =>
    db.$transaction(async (tx) => {
      const rows = await insertRows<DeliveryRow, Omit<DeliveryRow, "rawBody">>(
        tx,
        "WebhookDelivery",
        DELIVERY_COLUMNS,
        group.map(({ endpointId, eventId, rawBody }) => ({
          id: newRowId(),
          endpointId,
          eventId,
          rawBody,
        })),
        { ignoreConflicts: true, returning: `"id", "endpointId", "eventId"` },
      );
      // Stored and queued together: a delivery never waits for a job that was not written.
      await jobs.enqueueMany(
        tx,
        "carrier-webhook",
        rows.map((row) => ({ data: { deliveryId: row.id }, options: { key: row.id } })),
      );
      return new Map(rows.map((row) => [`${row.endpointId}\n${row.eventId}`, row.id]));
    });

  const settle = (group: readonly Waiting[], created: Map<string, string>) => {
    for (const entry of group) {
      const key = `${entry.delivery.endpointId}\n${entry.delivery.eventId}`;
      // A replay inside the group: the first of them stored it, the others are replays.
      const id = created.get(key) ?? null;
      created.delete(key);
      entry.resolve(id);
    }
  };

  const drain = async () => {
    writing = true;
    while (waiting.length > 0) {
      const group = waiting.slice(0, MAX_GROUP);
      waiting = waiting.slice(MAX_GROUP);
      try {
        settle(group, await writeGroup(group.map((entry) => entry.delivery)));
        // Once per group, not per delivery: each wake is a fetch by every idle worker.
        jobs.wake("carrier-webhook");
      } catch (error) {
        if (group.length === 1) {
          group[0]!.reject(error);
          continue;
        }
        for (const entry of group) {
          try {
            settle([entry], await writeGroup([entry.delivery]));
            jobs.wake("carrier-webhook");
          } catch (alone) {
            entry.reject(alone);
          }
        }
      }
    }
    writing = false;
  };

  return (delivery) =>
    new Promise((resolve, reject) => {
      waiting.push({ delivery, resolve, reject });
      if (!writing) void drain();
    });
}

/**
 * Finds a carrier webhook endpoint by id (the one a delivery's URL names), or null; `fresh`
 * reads past the cache.
 */
export type EndpointLookup = (
  endpointId: string,
  fresh?: boolean,
) => Promise<WebhookEndpoint | null>;

/** How long an instance trusts an endpoint it read (decision 050). */
export const ENDPOINT_CACHE_MS = 5_000;
const MAX_CACHED_ENDPOINTS = 10_000;

/**
 * Endpoint reads for the webhook route, each kept for ENDPOINT_CACHE_MS: a busy endpoint costs
 * one read per instance every few seconds instead of one per delivery, and concurrent misses
 * share one read. Only endpoints that exist are kept, so probing unknown ids fills nothing.
 * The webhook route reads past the cache when a signature does not verify, so a rotated secret
 * works at once; a secret rotated away without grace may still verify on another instance for
 * that long; a delivery for an endpoint deleted meanwhile fails to store and is answered 404.
 */
export function createEndpointLookup(
  db: PrismaClient,
  clock: () => number = Date.now,
): EndpointLookup {
  const cached = new Map<string, { endpoint: WebhookEndpoint; until: number }>();
  const reading = new Map<string, Promise<WebhookEndpoint | null>>();
  return async (endpointId, fresh = false) => {
    const hit = cached.get(endpointId);
    if (hit && hit.until > clock() && !fresh) return hit.endpoint;
    const pending = reading.get(endpointId);
    if (pending) return pending;
    const read = db.webhookEndpoint
      .findUnique({ where: { id: endpointId } })
      .then((endpoint) => {
        if (cached.size >= MAX_CACHED_ENDPOINTS) cached.clear();
        if (endpoint) cached.set(endpointId, { endpoint, until: clock() + ENDPOINT_CACHE_MS });
        else cached.delete(endpointId);
        return endpoint;
      })
      .finally(() => reading.delete(endpointId));
    reading.set(endpointId, read);
    return read;
  };
}
