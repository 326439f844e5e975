/** How a failed push is retried: exponential back-off with jitter, capped, for a bounded number of attempts. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** After this many attempts the shipment is FAILED; the seller's retryMarketplaceSync starts over. */
  maxAttempts: number;
  /** 0 <= random() < 1; injectable so a test can pin the jitter. */
  random: () => number;
}

// 30 s doubling to an hour: twelve attempts span about six hours, long enough to ride out a
// marketplace outage, short enough that a seller hears of a stuck push the same day.
export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 30_000,
  maxMs: 3_600_000,
  maxAttempts: 12,
  random: Math.random,
};

/**
 * The wait before attempt `attempt + 1`: "equal jitter" (half fixed, half random), so workers
 * that failed together do not come back together; never sooner than the marketplace asked.
 */
export function nextDelayMs(policy: BackoffPolicy, attempt: number, retryAfterMs = 0): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (policy.random() * exponential) / 2;
  return Math.max(Math.round(jittered), retryAfterMs);
}
