import { setMaxListeners } from "node:events";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, type PubSubEvent } from "graphql-yoga";
import { Redis } from "ioredis";
import type {
  ChangeFeed,
  ChangePublisher,
  ExceptionChange,
  RiskChange,
  ShipmentChange,
} from "../domain/changes.ts";

export type PubSubTopics = {
  "shipment:updated": [shipmentId: string, change: ShipmentChange];
  "tracking-event:added": [tenantId: string, change: ShipmentChange];
  "seller-risk:raised": [tenantId: string, change: RiskChange];
  /** A key revoked (`stopped`) or given an earlier end: every instance forgets it. */
  "api-key:changed": [change: ApiKeyChange];
  "exception:raised": [tenantId: string, change: ExceptionChange];
};

export interface ApiKeyChange {
  tenantId: string;
  apiKeyId: string;
  /** Revoked, or rotated without grace: its open WebSockets are closed too. */
  stopped: boolean;
}

export type TracklinePubSub = ReturnType<typeof createPubSub<PubSubTopics>>;

export interface PubSubHandle {
  pubsub: TracklinePubSub;
  /** Resolves when Redis answers (readiness); at once in-process. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** What the domain publishes to and what subscriptions read from, over one pub/sub. */
export interface ChangeChannels {
  publisher: ChangePublisher;
  feed: ChangeFeed;
}

/** In-process by default; Redis when REDIS_URL is set, so subscriptions see every instance. */
export function createTracklinePubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) {
    // Thousands of subscribers on one parcel are one topic's listeners, not a leak (decision 035).
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return {
      pubsub: createPubSub<PubSubTopics>({ eventTarget }),
      ping: async () => {},
      close: async () => {},
    };
  }
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
    // Both connections: a subscriber connection that dropped loses events as surely as a publisher.
    ping: async () => {
      await Promise.all([publishClient.ping(), subscribeClient.ping()]);
    },
    close: async () => {
      closing = true;
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

/** Publisher and feed over a pub/sub: each change goes to its shipment's and its tenant's topic. */
export function changeChannels(pubsub: TracklinePubSub): ChangeChannels {
  return {
    publisher: {
      publish: (change) => {
        pubsub.publish("shipment:updated", change.shipmentId, change);
        pubsub.publish("tracking-event:added", change.tenantId, change);
      },
      riskRaised: (change) => pubsub.publish("seller-risk:raised", change.tenantId, change),
      exceptionRaised: (change) => pubsub.publish("exception:raised", change.tenantId, change),
    },
    feed: {
      shipmentUpdated: (shipmentId) => pubsub.subscribe("shipment:updated", shipmentId),
      trackingEventAdded: (tenantId) => pubsub.subscribe("tracking-event:added", tenantId),
      sellerRiskRaised: (tenantId) => pubsub.subscribe("seller-risk:raised", tenantId),
      exceptionRaised: (tenantId) => pubsub.subscribe("exception:raised", tenantId),
    },
  };
}
