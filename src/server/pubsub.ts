import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, type PubSubEvent } from "graphql-yoga";
import { Redis } from "ioredis";
import type { RecordedChange } from "../domain/record-events.ts";

/** Only ids travel: subscribers load rows themselves, so any instance can serve any event. */
export interface ShipmentChange {
  tenantId: string;
  storeId: string;
  shipmentId: string;
  eventIds: string[];
}

export type PubSubTopics = {
  "shipment:updated": [shipmentId: string, change: ShipmentChange];
  "tracking-event:added": [tenantId: string, change: ShipmentChange];
};

export type TracklinePubSub = ReturnType<typeof createPubSub<PubSubTopics>>;

export interface PubSubHandle {
  pubsub: TracklinePubSub;
  close(): Promise<void>;
}

/** In-process by default; Redis when REDIS_URL is set, so subscriptions see every instance. */
export function createTracklinePubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) return { pubsub: createPubSub<PubSubTopics>(), close: async () => {} };
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  let closing = false;
  const report = (what: string) => (error: unknown) => {
    if (!closing) console.error(`redis ${what} failed:`, error);
  };
  // The event target fires these commands without awaiting them; a rejection (Redis away, or a
  // subscription ending while we shut down) must be reported, not crash the process.
  const eventTarget = createRedisEventTarget<PubSubEvent<PubSubTopics, keyof PubSubTopics>>({
    publishClient: {
      publish: (channel: string, message: string) =>
        publishClient.publish(channel, message).catch(report("publish")),
    } as unknown as Redis,
    subscribeClient: {
      on: (event: "message", listener: (channel: string, message: string) => void) =>
        subscribeClient.on(event, listener),
      subscribe: (topic: string) => subscribeClient.subscribe(topic).catch(report("subscribe")),
      unsubscribe: (topic: string) =>
        subscribeClient.unsubscribe(topic).catch(report("unsubscribe")),
    } as unknown as Redis,
  });
  return {
    pubsub: createPubSub<PubSubTopics>({ eventTarget }),
    close: async () => {
      closing = true;
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

/** Announces what an ingest recorded, one change per shipment. */
export function publishRecordedChanges(
  pubsub: TracklinePubSub,
  changes: readonly RecordedChange[],
): void {
  for (const { shipment, eventIds } of changes) {
    publishShipmentChange(pubsub, {
      tenantId: shipment.tenantId,
      storeId: shipment.storeId,
      shipmentId: shipment.id,
      eventIds,
    });
  }
}

/** Announces new events (and the status they may have set); a pure replay announces nothing. */
export function publishShipmentChange(pubsub: TracklinePubSub, change: ShipmentChange): void {
  if (change.eventIds.length === 0) return;
  pubsub.publish("shipment:updated", change.shipmentId, change);
  pubsub.publish("tracking-event:added", change.tenantId, change);
}
