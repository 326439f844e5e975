import { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterQueue,
  RateLimiterRedis,
} from "rate-limiter-flexible";
import type { RateGate } from "../domain/rate-gate.ts";

export interface RateGateHandle {
  gate: RateGate;
  close(): Promise<void>;
}

/**
 * Calls wait their turn per key (one store's account). A fixed one-second window of `perSecond`
 * calls never exceeds a token bucket of that rate whose burst is at least twice the rate (Amazon:
 * 2/s, burst 10), so the window needs no burst of its own. In memory for one process; in Redis
 * when REDIS_URL is set, so every worker of a store shares one allowance.
 */
export function createRateGate(redisUrl?: string): RateGateHandle {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 3 }) : undefined;
  const queues = new Map<number, RateLimiterQueue>();
  const queueFor = (perSecond: number) => {
    let queue = queues.get(perSecond);
    if (!queue) {
      const options = { points: perSecond, duration: 1, keyPrefix: `trackline-api-${perSecond}` };
      const limiter: RateLimiterAbstract = redis
        ? new RateLimiterRedis({ ...options, storeClient: redis })
        : new RateLimiterMemory(options);
      queue = new RateLimiterQueue(limiter);
      queues.set(perSecond, queue);
    }
    return queue;
  };
  return {
    gate: {
      async take(key, limit) {
        const perSecond = Math.max(1, Math.floor(Math.min(limit.perSecond, limit.burst / 2)));
        await queueFor(perSecond).removeTokens(1, key);
      },
    },
    close: async () => {
      await redis?.quit();
    },
  };
}
