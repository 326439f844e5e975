import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { CalendarBook } from "../domain/eta/calendar.ts";
import type { DeliveryEstimates } from "../domain/eta/service.ts";
import type { BuyerChannels } from "../domain/notifications/channels.ts";
import { planBuyerNotifications } from "../domain/notifications/plan.ts";
import { sendReviewRequest } from "../domain/notifications/review-request.ts";
import { sendBuyerNotification } from "../domain/notifications/send.ts";
import type { SecretBox } from "../domain/secret-box.ts";
import type { TextBook } from "../domain/texts/index.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { JobEngine } from "./job-queue.ts";

export interface NotificationWorkerDeps {
  db: PrismaClient;
  jobs: JobEngine;
  now: () => Date;
  channels: BuyerChannels;
  marketplaces: MarketplaceRegistry;
  carriers: CarrierRegistry;
  texts: TextBook;
  estimates: DeliveryEstimates;
  calendars: CalendarBook;
  publicUrl?: string;
  retryDelaysMs?: readonly number[];
  /** Review requests and marketplace messages call the marketplace with the store's credentials. */
  secretBox: SecretBox;
  fetch: typeof fetch;
  onSent(channel: string, kind: string): void;
  /** Logs and rethrows (app.ts logFailure): an unexpected error retries the job. */
  logged<D>(
    name: string,
    handler: (data: D) => Promise<unknown>,
  ): (data: D, jobId: string) => Promise<void>;
}

/** The buyer-notification jobs: deciding per shipment, sending one message, a review request. */
export async function startNotificationWorkers(deps: NotificationWorkerDeps): Promise<void> {
  const countryTimeZone = (country: string) => deps.calendars.timeZone(country);
  await deps.jobs.work(
    "buyer-notifications",
    2,
    deps.logged("buyer-notifications", async ({ shipmentId }) => {
      await planBuyerNotifications(deps.db, shipmentId, {
        now: deps.now(),
        jobs: deps.jobs,
        countryTimeZone,
      });
    }),
  );
  // Each waits on a mail server, an SMS provider or a marketplace: a slow one must not hold all.
  await deps.jobs.work(
    "buyer-notification-send",
    4,
    deps.logged("buyer-notification-send", (data) =>
      sendBuyerNotification(deps.db, data, {
        now: deps.now,
        jobs: deps.jobs,
        channels: deps.channels,
        marketplaces: deps.marketplaces,
        carriers: deps.carriers,
        texts: deps.texts,
        estimates: deps.estimates,
        countryTimeZone,
        publicUrl: deps.publicUrl,
        secretBox: deps.secretBox,
        fetch: deps.fetch,
        retryDelaysMs: deps.retryDelaysMs,
        onSent: deps.onSent,
      }),
    ),
  );
  await deps.jobs.work(
    "review-request",
    2,
    deps.logged("review-request", (data) =>
      sendReviewRequest(deps.db, data, {
        now: deps.now,
        jobs: deps.jobs,
        marketplaces: deps.marketplaces,
        secretBox: deps.secretBox,
        fetch: deps.fetch,
      }),
    ),
  );
}
