import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";

/**
 * Each API key's budget of query cost per minute (TRACKLINE_RATE_LIMIT_POINTS, decision 041).
 * A request is charged the cost the complexity rule gives it (1 per field, lists times their
 * page size): 1,000,000 a minute is ten of the costliest requests allowed, or about 3,300 reads
 * of a parcel's timeline (302 for three fields of the default 100-entry page).
 */
export const DEFAULT_RATE_LIMIT_POINTS = 1_000_000;
export const RATE_LIMIT_WINDOW_SECONDS = 60;
/** Concurrent subscriptions one key may hold on one instance (TRACKLINE_MAX_SUBSCRIPTIONS_PER_KEY). */
export const DEFAULT_MAX_SUBSCRIPTIONS_PER_KEY = 1_000;

/** What a charge left of the key's budget, as the RateLimit headers tell it. */
export interface RateVerdict {
  allowed: boolean;
  /** The budget per window. */
  limit: number;
  remaining: number;
  /** Seconds until the window resets (Retry-After when refused). */
  resetSeconds: number;
}

export interface KeyRateLimiter {
  readonly pointsPerMinute: number;
  charge(apiKeyId: string, cost: number): Promise<RateVerdict>;
}

/**
 * Fixed one-minute windows per key. In memory for one process; in Redis when given one, so every
 * instance draws on the same budget. If Redis stops answering, each instance falls back to its
 * own in-memory window (the insurance limiter) rather than refusing or waving everything through.
 */
export function createKeyRateLimiter(options: {
  pointsPerMinute: number;
  redis?: Redis;
  /** Another budget in the same store (public pages count per IP address). */
  keyPrefix?: string;
}): KeyRateLimiter {
  const { pointsPerMinute, redis } = options;
  const settings = {
    points: pointsPerMinute,
    duration: RATE_LIMIT_WINDOW_SECONDS,
    keyPrefix: options.keyPrefix ?? "trackline-key-cost",
  };
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        ...settings,
        storeClient: redis,
        insuranceLimiter: new RateLimiterMemory(settings),
      })
    : new RateLimiterMemory(settings);
  const verdict = (allowed: boolean, res: RateLimiterRes): RateVerdict => ({
    allowed,
    limit: pointsPerMinute,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  return {
    pointsPerMinute,
    async charge(apiKeyId, cost) {
      try {
        return verdict(true, await limiter.consume(apiKeyId, Math.max(1, Math.ceil(cost))));
      } catch (error) {
        if (error instanceof RateLimiterRes) return verdict(false, error);
        throw error;
      }
    },
  };
}

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-08, as
 * express-rate-limit sends them): the policy, what is left, and when it resets.
 */
export function rateLimitHeaders(verdict: RateVerdict): Record<string, string> {
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"cost";q=${verdict.limit};w=${RATE_LIMIT_WINDOW_SECONDS}`,
    RateLimit: `"cost";r=${verdict.remaining};t=${verdict.resetSeconds}`,
  };
  if (!verdict.allowed) headers["Retry-After"] = String(verdict.resetSeconds);
  return headers;
}

/**
 * Concurrent subscriptions per key on this instance; over the cap the socket is closed, 4429.
 * It also knows each key's server-sent-events streams, so a revoked key's end at once (its
 * WebSockets are closed with 4403 by the key's sockets).
 */
export function createSubscriptionCounter(maxPerKey: number) {
  const byKey = new Map<string, number>();
  const streams = new Map<string, Set<() => void>>();
  return {
    maxPerKey,
    /** Counts one more for the key; false (and nothing counted) when it is at its cap. */
    take(apiKeyId: string): boolean {
      const held = byKey.get(apiKeyId) ?? 0;
      if (held >= maxPerKey) return false;
      byKey.set(apiKeyId, held + 1);
      return true;
    },
    release(apiKeyId: string): void {
      const held = (byKey.get(apiKeyId) ?? 0) - 1;
      if (held > 0) byKey.set(apiKeyId, held);
      else byKey.delete(apiKeyId);
    },
    held: (apiKeyId: string) => byKey.get(apiKeyId) ?? 0,
    /** Remembers how to end one of the key's streams; returns what forgets it. */
    follow(apiKeyId: string, end: () => void): () => void {
      const open = streams.get(apiKeyId) ?? new Set();
      streams.set(apiKeyId, open.add(end));
      return () => {
        open.delete(end);
        if (open.size === 0 && streams.get(apiKeyId) === open) streams.delete(apiKeyId);
      };
    },
    /** Ends every stream of the key (it was revoked, or expired at once by a rotation). */
    endStreams(apiKeyId: string): void {
      for (const end of streams.get(apiKeyId) ?? []) end();
    },
  };
}

export type SubscriptionCounter = ReturnType<typeof createSubscriptionCounter>;
