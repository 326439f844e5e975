import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import { createTokenCache } from "../carriers/tracking-api.ts";
import type { ChangePublisher } from "../domain/changes.ts";
import { type PollOutcome, pollCarrierAccount } from "../domain/polling/poll.ts";
import { queueDuePolls } from "../domain/polling/sweep.ts";
import type { RateGate } from "../domain/rate-gate.ts";
import type { SecretBox } from "../domain/secret-box.ts";
import type { JobEngine } from "./job-queue.ts";

export interface CarrierPollingDeps {
  db: PrismaClient;
  jobs: JobEngine;
  now: () => Date;
  carriers: CarrierRegistry;
  secretBox: SecretBox;
  fetch: typeof fetch;
  rateGate: RateGate;
  publisher: ChangePublisher;
  /** TRACKLINE_<CARRIER>_API_URL by carrier code (config.carrierApiUrls). */
  baseUrls?: Readonly<Record<string, string>>;
  onPolled(carrier: string, outcome: PollOutcome, shipments: number): void;
  /** Logs and rethrows (app.ts logFailure): an unexpected error retries the job. */
  logged<D>(
    name: string,
    handler: (data: D) => Promise<unknown>,
  ): (data: D, jobId: string) => Promise<void>;
}

/** The polling jobs (decision 046): the periodic sweep that queues due shipments, and the polls. */
export async function startCarrierPolling(deps: CarrierPollingDeps): Promise<void> {
  // Access tokens (UPS OAuth) live as long as this process; each account has its own.
  const tokens = createTokenCache();
  await deps.jobs.work(
    "carrier-poll-sweep",
    1,
    deps.logged("carrier-poll-sweep", () =>
      queueDuePolls(deps.db, { now: deps.now(), jobs: deps.jobs, carriers: deps.carriers }),
    ),
  );
  // Polls wait on carriers' APIs (20 s at most a call); the rate gate holds each account's pace.
  await deps.jobs.work(
    "carrier-poll",
    4,
    deps.logged("carrier-poll", (data) =>
      pollCarrierAccount(deps.db, data, {
        now: deps.now,
        jobs: deps.jobs,
        carriers: deps.carriers,
        secretBox: deps.secretBox,
        fetch: deps.fetch,
        rateGate: deps.rateGate,
        tokens,
        publisher: deps.publisher,
        baseUrls: deps.baseUrls,
        onPolled: deps.onPolled,
      }),
    ),
  );
}
