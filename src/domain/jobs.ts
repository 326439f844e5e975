import type { Prisma } from "../../generated/prisma/client.ts";

/** What each job carries: ids only; the rows they name hold the state (DESIGN: queues only execute). */
export interface JobPayloads {
  /** Ingest one stored carrier webhook delivery. */
  "carrier-webhook": { deliveryId: string };
  /** Push one shipment's tracking to its marketplace; `version` names the tracking it pushes. */
  "marketplace-sync": { shipmentId: string; version: number };
  /** Send attempt number `attempt` (0-based) of one outbound webhook delivery. */
  "webhook-delivery": { deliveryId: string; attempt: number };
  /** Raise and clear seller-metric risks across every store (periodic). */
  "seller-risk-sweep": Record<string, never>;
  /** Open and close one shipment's exceptions after events were recorded for it. */
  "shipment-exceptions": { shipmentId: string };
  /** Open and close exceptions of every shipment that can hold one (periodic: time-based rules). */
  "exception-sweep": Record<string, never>;
  /** Decide which of one shipment's milestones to tell its buyer, after its status or exceptions changed. */
  "buyer-notifications": { shipmentId: string };
  /** Send one logged buyer notification (attempt `attempt`, 0-based). */
  "buyer-notification-send": { notificationId: string; attempt: number };
  /** Ask the order's marketplace to request a review (attempt `attempt`, 0-based). */
  "review-request": { orderId: string; attempt: number };
  /** Ask one carrier account's tracking API about these shipments (the poll sweep's batch). */
  "carrier-poll": { accountId: string; shipmentIds: string[] };
  /** Queue polls of shipments whose next poll is due (periodic). */
  "carrier-poll-sweep": Record<string, never>;
}

export type JobName = keyof JobPayloads;

/** How a queue treats its jobs (pg-boss queue options, as data). */
export interface QueueSettings {
  /** Retries after a crash, an expiry or an unexpected error; expected failures reschedule themselves. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** An active job not finished by then belongs to a dead worker and is retried. */
  expireInSeconds: number;
  /**
   * Jobs a worker fetches, and completes, with one statement each (default 1): for busy queues
   * of short jobs, where a fetch and a completion per job cost as much as the job (bench/ingest.ts).
   * The batch shares the expiry: keep batchSize times a job's time well inside expireInSeconds.
   */
  batchSize?: number;
}

export const JOB_QUEUES: Readonly<Record<JobName, QueueSettings>> = {
  // Tens of milliseconds each; a burst of webhooks is taken 50 at a time, ingested in one
  // transaction (webhook-inbox.ts processDeliveries).
  "carrier-webhook": { retryLimit: 10, retryDelaySeconds: 5, expireInSeconds: 120, batchSize: 50 },
  // Three calls of at most 20 s each (token, lookup, push) fit well inside the expiry.
  "marketplace-sync": { retryLimit: 20, retryDelaySeconds: 30, expireInSeconds: 90 },
  "seller-risk-sweep": { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 600 },
  // One POST of at most 15 s; a failed one reschedules itself on the webhook retry schedule.
  "webhook-delivery": { retryLimit: 10, retryDelaySeconds: 30, expireInSeconds: 60 },
  // Evaluated set-based, a batch of shipments in one read and one statement.
  "shipment-exceptions": {
    retryLimit: 5,
    retryDelaySeconds: 10,
    expireInSeconds: 60,
    batchSize: 25,
  },
  "exception-sweep": { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 900 },
  "buyer-notifications": { retryLimit: 5, retryDelaySeconds: 10, expireInSeconds: 60 },
  // One SMTP or HTTP call of at most 15 s; a failed one reschedules itself (notifications/send.ts).
  "buyer-notification-send": { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 60 },
  // A token exchange and one call of at most 20 s each; a failed one reschedules itself.
  "review-request": { retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 90 },
  // At most callsPerJob calls (two each with 17TRACK's register, a token with UPS) of 20 s each.
  "carrier-poll": { retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 600 },
  "carrier-poll-sweep": { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 300 },
};

/** Jobs pg-boss starts on a cron schedule (UTC); one run per slot across every instance. */
export const JOB_SCHEDULES: Readonly<Partial<Record<JobName, string>>> = {
  // Risks are about hours (24 h without a scan, ship-by within 24 h): five minutes is prompt.
  "seller-risk-sweep": "*/5 * * * *",
  // Exceptions are about business days and promised days: a quarter of an hour is prompt.
  "exception-sweep": "*/15 * * * *",
  // The shortest poll interval is an hour (decision 046): five minutes late is on time.
  "carrier-poll-sweep": "*/5 * * * *",
};

export interface EnqueueOptions {
  /** Not before this instant (a back-off, or a ship-by deadline). */
  startAfter?: Date;
  /** At most one queued and one running job per key: a repeated enqueue is dropped. */
  key?: string;
}

/** The job queue as the domain sees it. */
export interface JobQueue {
  /** Enqueues inside `tx`: the job exists exactly when the transaction commits. */
  enqueue<N extends JobName>(
    tx: Prisma.TransactionClient,
    name: N,
    data: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<void>;
  /**
   * Enqueues many jobs of one queue inside `tx` in one statement, each as `enqueue` would (bulk
   * writers: a file import queued a push per row, one statement each, and spent most of its time
   * there).
   */
  enqueueMany<N extends JobName>(
    tx: Prisma.TransactionClient,
    name: N,
    jobs: readonly { data: JobPayloads[N]; options?: EnqueueOptions }[],
  ): Promise<void>;
  /** Tells idle workers to fetch now instead of at their next poll; call after the commit. */
  wake(name: JobName): void;
}

/**
 * For bulk writers of history (the demo seed, bench fixtures): a shipment's exception check is
 * dropped, as the next exception sweep evaluates every shipment anyway, and so are buyer
 * notifications (history is not news to a buyer); any other job is a bug.
 */
export const SWEEP_CATCHES_UP: JobQueue = {
  enqueue: async (_tx, name) => {
    if (name === "shipment-exceptions" || name === "buyer-notifications") return;
    throw new Error(`this writer queues no jobs, yet asked for a ${name} job`);
  },
  enqueueMany: async (tx, name, jobs) => {
    for (const job of jobs) await SWEEP_CATCHES_UP.enqueue(tx, name, job.data, job.options);
  },
  wake: () => {},
};

/**
 * For writers that cannot cause a job, such as seeds of shipments already pushed: enqueueing
 * through it is a bug, and says so.
 */
export const NO_JOBS: JobQueue = {
  enqueue: async (_tx, name) => {
    throw new Error(`this writer queues no jobs, yet asked for a ${name} job`);
  },
  enqueueMany: async (_tx, name, jobs) => {
    if (jobs.length > 0) throw new Error(`this writer queues no jobs, yet asked for ${name} jobs`);
  },
  wake: () => {},
};
