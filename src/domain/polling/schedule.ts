import type { TrackingStatus, TrackingSubstatus } from "../../vocabulary/index.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When shipments are polled, as data (decision 046 explains each number). */
export interface PollSchedule {
  /** Base interval by status; null stops polling (the parcel's story is over). */
  intervalMs: Readonly<Record<TrackingStatus, number | null>>;
  /** Substatuses that end the story too, whatever their status (a return completed). */
  stopSubstatuses: readonly TrackingSubstatus[];
  /** Quiet polls double the interval, up to this. */
  maxIntervalMs: number;
  /** No event for this long after shipping (or the last event): polling stops. */
  expireAfterMs: number;
  /** A webhook push from the carrier moves the next poll this far out. */
  pushDeferralMs: number;
  /** A failed call (5xx, timeout) is retried after this. */
  retryAfterFailureMs: number;
  /** A 429 without Retry-After waits this long. */
  rateLimitedMs: number;
  /** A queued poll holds its shipments this long, so the next sweep does not queue them again. */
  leaseMs: number;
  /** Calls one poll job makes at most (maxBatch numbers each). */
  callsPerJob: number;
  /** Shipments one sweep queues per tenant at most; the rest wait for the next sweep. */
  sweepLimitPerTenant: number;
}

export const POLL_SCHEDULE: PollSchedule = {
  intervalMs: {
    PENDING: 6 * HOUR,
    INFO_RECEIVED: 6 * HOUR,
    IN_TRANSIT: 3 * HOUR,
    DELIVERY_FAILED: 3 * HOUR,
    EXCEPTION: 3 * HOUR,
    OUT_FOR_DELIVERY: HOUR,
    AVAILABLE_FOR_PICKUP: HOUR,
    DELIVERED: null,
    EXPIRED: null,
  },
  stopSubstatuses: ["RETURNED_TO_SENDER"],
  maxIntervalMs: DAY,
  expireAfterMs: 45 * DAY,
  pushDeferralMs: DAY,
  retryAfterFailureMs: 15 * 60_000,
  rateLimitedMs: 5 * 60_000,
  leaseMs: HOUR,
  callsPerJob: 5,
  sweepLimitPerTenant: 2_000,
};

/** What the next poll time depends on. */
export interface PollFacts {
  status: TrackingStatus;
  substatus: string | null;
  shippedAt: Date | null;
  createdAt: Date;
  lastEventAt: Date | null;
  /** Polls in a row without a new event, this one included. */
  quietCount: number;
}

/** The next poll after one that went through; null when polling stops for good. */
export function nextPollAt(
  facts: PollFacts,
  now: Date,
  schedule: PollSchedule = POLL_SCHEDULE,
): Date | null {
  const base = schedule.intervalMs[facts.status];
  if (base === null) return null;
  if (
    facts.substatus &&
    (schedule.stopSubstatuses as readonly string[]).includes(facts.substatus)
  ) {
    return null;
  }
  const since = Math.max(
    facts.lastEventAt?.getTime() ?? 0,
    facts.shippedAt?.getTime() ?? 0,
    facts.createdAt.getTime(),
  );
  if (now.getTime() - since > schedule.expireAfterMs) return null;
  const doublings = Math.min(Math.max(0, facts.quietCount), 16);
  const interval = Math.min(base * 2 ** doublings, Math.max(base, schedule.maxIntervalMs));
  return new Date(now.getTime() + interval);
}

/** The next poll of a shipment the carrier just pushed to: no sooner than pushDeferralMs away. */
export function deferredByPush(now: Date, schedule: PollSchedule = POLL_SCHEDULE): Date {
  return new Date(now.getTime() + schedule.pushDeferralMs);
}

/** Shipments one poll job carries for a client taking `maxBatch` numbers a call. */
export function shipmentsPerJob(maxBatch: number, schedule: PollSchedule = POLL_SCHEDULE): number {
  return Math.max(1, maxBatch) * schedule.callsPerJob;
}
