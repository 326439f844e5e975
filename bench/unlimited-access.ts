import type { AccessPolicy } from "../src/server/access-policy.ts";
import { createKeyRateLimiter, createSubscriptionCounter } from "../src/server/key-limits.ts";

/**
 * Benchmarks measure the server, not a key's budget (decision 041): no cost budget and no
 * subscription cap worth the name. bench/api.ts measures what the budget itself costs.
 */
export function unlimitedAccess(): Partial<AccessPolicy> {
  return {
    rateLimiter: createKeyRateLimiter({ pointsPerMinute: Number.MAX_SAFE_INTEGER }),
    subscriptions: createSubscriptionCounter(Number.MAX_SAFE_INTEGER),
  };
}
