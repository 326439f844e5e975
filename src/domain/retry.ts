import { isTransactionConflict } from "./db-errors.ts";

/**
 * How often and how patiently to retry. In-process on purpose: webhook work moves onto a job
 * queue (pg-boss) later, whose own retries replace this; until then it must stay this small.
 */
export interface RetryPolicy {
  /** Tries in all, the first one included. */
  attempts: number;
  /** Wait before the second try; each further wait doubles. */
  baseDelayMs: number;
  /** Injectable so tests do not wait; defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Which errors are worth another try; every error when absent. */
  retryIf?: (error: unknown) => boolean;
}

/** A dropped connection or a lock timeout usually clears within a second. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250 };

/** A transaction that lost a race (deadlock, serialization failure) is re-run at once. */
export const CONFLICT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 20,
  retryIf: isTransactionConflict,
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` until it resolves or `attempts` tries have failed, then rethrows the last error.
 * Only for work that is safe to repeat (ingest deduplicates events) and that the caller has
 * already separated from errors no retry can fix, such as an unparseable payload.
 */
export async function retryTransient<T>(work: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? wait;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= policy.attempts || (policy.retryIf && !policy.retryIf(error))) throw error;
      await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
