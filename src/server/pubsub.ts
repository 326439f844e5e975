import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";

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
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const eventTarget = createRedisEventTarget<PubSubTopics[keyof PubSubTopics] & never>({
    publishClient,
    subscribeClient,
  });
  return {
    pubsub: createPubSub<PubSubTopics>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

export function publishShipmentChange(pubsub: TracklinePubSub, change: ShipmentChange): void {
  pubsub.publish("shipment:updated", change.shipmentId, change);
  if (change.eventIds.length > 0) pubsub.publish("tracking-event:added", change.tenantId, change);
}
