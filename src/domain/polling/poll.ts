import type { PrismaClient } from "../../../generated/prisma/client.ts";
import { CarrierPayloadError } from "../../carriers/json.ts";
import type { CarrierRegistry } from "../../carriers/registry.ts";
import type { TokenCache, TrackedNumber, TrackingFailure } from "../../carriers/tracking-api.ts";
import type { CarrierAdapter } from "../../carriers/types.ts";
import { openCarrierCredentials } from "../carrier-accounts.ts";
import { payloadEventInputs } from "../carrier-payloads.ts";
import type { ChangePublisher } from "../changes.ts";
import type { EventInput } from "../event-input.ts";
import type { JobPayloads, JobQueue } from "../jobs.ts";
import type { RateGate } from "../rate-gate.ts";
import { MAX_EVENTS_PER_BATCH, recordTrackingEvents } from "../record-events.ts";
import type { SecretBox } from "../secret-box.ts";
import { trackingNumberKey } from "../tracking-number-key.ts";
import { nextPollAt, POLL_SCHEDULE, type PollSchedule } from "./schedule.ts";

/** What became of one shipment's poll (the /metrics label). */
export type PollOutcome =
  | "updated"
  | "unchanged"
  | "not_found"
  | "failed"
  | "rate_limited"
  | "auth_failed";

/** How long one call to a carrier may take. */
export const CARRIER_API_TIMEOUT_MS = 20_000;

export interface PollDeps {
  now: () => Date;
  jobs: JobQueue;
  carriers: Pick<CarrierRegistry, "adapter">;
  secretBox: SecretBox;
  fetch: typeof fetch;
  /** Holds each account to its carrier's rate, across every worker (Redis when REDIS_URL is set). */
  rateGate: RateGate;
  tokens: TokenCache;
  publisher: ChangePublisher;
  /** Base URL per carrier code (TRACKLINE_<CARRIER>_API_URL); the client's default otherwise. */
  baseUrls?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  schedule?: PollSchedule;
  onPolled?(carrier: string, outcome: PollOutcome, shipments: number): void;
}

const POLL_SELECT = {
  id: true,
  trackingNumber: true,
  status: true,
  substatus: true,
  shippedAt: true,
  createdAt: true,
  lastEventAt: true,
  pollQuietCount: true,
} as const;

type PolledShipment = {
  id: string;
  trackingNumber: string;
  pollQuietCount: number;
};

/**
 * The carrier-poll job: asks the account's tracking API about the job's shipments, records what
 * it answers through the path webhooks take (dedupe, status, exceptions, notifications, pushes),
 * then sets each shipment's next poll. Expected failures are written down, never thrown: a
 * refused key stops the account, a 429 pauses it, an outage retries the shipments later.
 */
export async function pollCarrierAccount(
  db: PrismaClient,
  job: JobPayloads["carrier-poll"],
  deps: PollDeps,
): Promise<void> {
  const schedule = deps.schedule ?? POLL_SCHEDULE;
  const account = await db.carrierAccount.findUnique({ where: { id: job.accountId } });
  if (account?.status !== "ACTIVE") return;
  const adapter = deps.carriers.adapter(account.carrier);
  const tracking = adapter?.tracking;
  if (!adapter || !tracking) return;
  const shipments = await db.shipment.findMany({
    where: {
      id: { in: job.shipmentIds },
      tenantId: account.tenantId,
      nextPollAt: { not: null },
      status: { notIn: ["DELIVERED", "EXPIRED"] },
    },
    select: POLL_SELECT,
  });
  const byNumber = new Map<string, PolledShipment[]>();
  for (const shipment of shipments) {
    const key = trackingNumberKey(shipment.trackingNumber);
    byNumber.set(key, [...(byNumber.get(key) ?? []), shipment]);
  }
  const numbers = [...byNumber.keys()];
  // A 429 met by another job after this one was queued: these wait for the same pause.
  if (account.pausedUntil && account.pausedUntil > deps.now()) {
    await db.shipment.updateMany({
      where: { id: { in: shipments.map((shipment) => shipment.id) } },
      data: { nextPollAt: account.pausedUntil },
    });
    return;
  }
  const ctx = {
    fetch: deps.fetch,
    now: deps.now,
    tokens: deps.tokens,
    timeoutMs: deps.timeoutMs ?? CARRIER_API_TIMEOUT_MS,
  };
  const trackingAccount = {
    id: account.id,
    credentials: openCarrierCredentials(account, deps.secretBox),
    baseUrl: (deps.baseUrls?.[account.carrier] ?? tracking.defaultBaseUrl).replace(/\/+$/, ""),
  };
  const count = (outcome: PollOutcome, n = 1) => deps.onPolled?.(account.carrier, outcome, n);
  let lastError: string | null = null;
  for (let start = 0; start < numbers.length; start += tracking.maxBatch) {
    const batch = numbers.slice(start, start + tracking.maxBatch);
    await deps.rateGate.take(`carrier-poll:${account.id}`, tracking.rateLimit);
    const result = await tracking.fetch(batch, trackingAccount, ctx);
    if (!result.ok) {
      const rest = numbers.slice(start).flatMap((number) => byNumber.get(number) ?? []);
      await accountFailed(db, account.id, rest, result.failure, deps.now(), schedule, count);
      return;
    }
    const answered = new Set<string>();
    for (const tracked of result.numbers) {
      const key = trackingNumberKey(tracked.trackingNumber);
      const group = byNumber.get(key);
      if (!group || answered.has(key)) continue;
      answered.add(key);
      const failure = await recordAnswer(
        db,
        account.tenantId,
        adapter,
        tracked,
        group,
        deps,
        count,
      );
      if (failure && failure.kind !== "NOT_FOUND") lastError = describe(failure);
    }
    // A number the carrier left out of its answer is treated as one it does not know yet.
    for (const number of batch.filter((n) => !answered.has(n))) {
      await reschedule(db, byNumber.get(number) ?? [], deps.now(), schedule, 0);
      count("not_found", byNumber.get(number)?.length ?? 0);
    }
  }
  await db.carrierAccount.update({
    where: { id: account.id },
    data: { lastPolledAt: deps.now(), lastError },
  });
}

/** Records one number's answer and sets the next poll of its shipments; the failure if any. */
async function recordAnswer(
  db: PrismaClient,
  tenantId: string,
  adapter: CarrierAdapter,
  tracked: TrackedNumber,
  group: PolledShipment[],
  deps: PollDeps,
  count: (outcome: PollOutcome, n: number) => void,
): Promise<TrackingFailure | null> {
  const schedule = deps.schedule ?? POLL_SCHEDULE;
  const now = deps.now();
  if (!tracked.ok) {
    const { failure } = tracked;
    if (failure.kind === "NOT_FOUND") {
      await reschedule(db, group, now, schedule, 0);
      count("not_found", group.length);
    } else {
      const wait = Math.max(schedule.retryAfterFailureMs, failure.retryAfterMs ?? 0);
      await reschedule(db, group, now, schedule, wait);
      count("failed", group.length);
    }
    return failure;
  }
  const problems: string[] = [];
  let events: EventInput[];
  try {
    events = tracked.payloads
      .flatMap((payload) => [...payloadEventInputs(adapter, payload, problems).values()])
      .flat();
  } catch (error) {
    if (!(error instanceof CarrierPayloadError)) throw error;
    const failure: TrackingFailure = {
      kind: "TRANSIENT",
      code: "UNREADABLE",
      message: error.message,
    };
    await reschedule(db, group, now, schedule, schedule.retryAfterFailureMs);
    count("failed", group.length);
    return failure;
  }
  const inserted = new Map<string, number>();
  for (let start = 0; start < events.length; start += MAX_EVENTS_PER_BATCH) {
    const result = await recordTrackingEvents(
      db,
      tenantId,
      {
        selector: { shipmentId: group[0]!.id },
        events: events.slice(start, start + MAX_EVENTS_PER_BATCH),
        source: "POLL",
      },
      { now, lookup: () => null, publisher: deps.publisher, jobs: deps.jobs },
    );
    for (const change of result.changes) {
      const id = change.shipment.id;
      inserted.set(id, (inserted.get(id) ?? 0) + change.eventIds.length);
    }
  }
  for (const shipment of group) {
    const fresh = (inserted.get(shipment.id) ?? 0) > 0;
    await reschedule(db, [shipment], now, schedule, 0, fresh);
    count(fresh ? "updated" : "unchanged", 1);
  }
  return null;
}

/**
 * Sets the next poll of shipments: after `waitMs` when a call failed, else by the schedule
 * (a quiet poll doubles the interval; a new event starts it over).
 */
async function reschedule(
  db: PrismaClient,
  group: readonly PolledShipment[],
  now: Date,
  schedule: PollSchedule,
  waitMs: number,
  fresh = false,
): Promise<void> {
  for (const shipment of group) {
    if (waitMs > 0) {
      await db.shipment.update({
        where: { id: shipment.id },
        data: { nextPollAt: new Date(now.getTime() + waitMs), lastPolledAt: now },
      });
      continue;
    }
    const facts = await db.shipment.findUniqueOrThrow({
      where: { id: shipment.id },
      select: POLL_SELECT,
    });
    const quietCount = fresh ? 0 : facts.pollQuietCount + 1;
    await db.shipment.update({
      where: { id: shipment.id },
      data: {
        nextPollAt: nextPollAt({ ...facts, quietCount }, now, schedule),
        pollQuietCount: quietCount,
        lastPolledAt: now,
      },
    });
  }
}

/** A whole call failed: the account stops (auth), pauses (429) or its shipments wait (outage). */
async function accountFailed(
  db: PrismaClient,
  accountId: string,
  rest: readonly PolledShipment[],
  failure: TrackingFailure,
  now: Date,
  schedule: PollSchedule,
  count: (outcome: PollOutcome, n: number) => void,
): Promise<void> {
  const lastError = describe(failure);
  if (failure.kind === "AUTH") {
    // The shipments keep their lease; once it ends they are due, and the sweep skips them
    // until the account is replaced (connectCarrierAccount makes it ACTIVE again).
    await db.carrierAccount.update({
      where: { id: accountId },
      data: { status: "FAILED", lastError, lastPolledAt: now },
    });
    count("auth_failed", rest.length);
    return;
  }
  const limited = failure.kind === "RATE_LIMITED";
  // A 429 waits as long as Retry-After says; an outage at least the failure delay.
  const waitMs = limited
    ? (failure.retryAfterMs ?? schedule.rateLimitedMs)
    : Math.max(failure.retryAfterMs ?? 0, schedule.retryAfterFailureMs);
  const until = new Date(now.getTime() + waitMs);
  await db.$transaction([
    db.carrierAccount.update({
      where: { id: accountId },
      data: { lastError, lastPolledAt: now, ...(limited ? { pausedUntil: until } : {}) },
    }),
    db.shipment.updateMany({
      where: { id: { in: rest.map((shipment) => shipment.id) } },
      data: { nextPollAt: until },
    }),
  ]);
  count(limited ? "rate_limited" : "failed", rest.length);
}

function describe(failure: TrackingFailure): string {
  return `${failure.kind} ${failure.code}: ${failure.message}`.slice(0, 1000);
}
