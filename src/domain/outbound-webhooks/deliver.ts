import { Webhook } from "standardwebhooks";
import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { JobQueue } from "../jobs.ts";
import type { SecretBox } from "../secret-box.ts";
import { disabledError, queueDelivery } from "./outbox.ts";

/** Outbound HTTP for webhooks, with the SSRF guard; src/server/webhook-sender.ts is the real one. */
export interface WebhookSender {
  /** POSTs `body`; resolves with the status of any answer, rejects when none came (or the target is refused). */
  post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number }>;
  /** Why the URL's host may not be called (a private or loopback address not allowed), or null. */
  checkTarget(url: URL): Promise<string | null>;
}

/**
 * Delays between attempts: the Standard Webhooks schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h): eight attempts over about 28 hours.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

export interface WebhookDeliveryDeps {
  db: PrismaClient;
  jobs: JobQueue;
  secretBox: SecretBox;
  sender: WebhookSender;
  now: () => Date;
  retryDelaysMs?: readonly number[];
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * The webhook-delivery job: signs the stored payload with the subscription's secret (and the
 * previous one during a rotation's grace), POSTs it, and records the attempt. A failure is
 * retried on the schedule; when the last attempt fails and the endpoint has not answered well
 * since the delivery was written, the subscription is disabled with the reason.
 */
export function createWebhookDeliverer(deps: WebhookDeliveryDeps) {
  const delays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  return async ({ deliveryId, attempt }: { deliveryId: string; attempt: number }) => {
    const delivery = await deps.db.outboundWebhookDelivery.findUnique({
      where: { id: deliveryId },
      include: { subscription: true },
    });
    // Superseded (a replay) or already settled: the job that matches records its own.
    if (delivery?.state !== "PENDING" || delivery.attempts !== attempt) return;
    const { subscription } = delivery;
    const sentAt = deps.now();
    const outcome: Outcome = subscription.enabled
      ? await send(deps, delivery, subscription, sentAt)
      : { ok: false, status: null, error: disabledError(subscription.disabledReason) };
    let requeued = false;
    await deps.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "OutboundWebhookDelivery" WHERE "id" = ${deliveryId} FOR UPDATE`;
      const current = await tx.outboundWebhookDelivery.findUnique({ where: { id: deliveryId } });
      if (current?.state !== "PENDING" || current.attempts !== attempt) return;
      const attempts = attempt + 1;
      const now = deps.now();
      if (outcome.ok) {
        await tx.outboundWebhookDelivery.update({
          where: { id: deliveryId },
          data: {
            state: "DELIVERED",
            attempts,
            lastStatusCode: outcome.status,
            lastError: null,
            nextAttemptAt: null,
            deliveredAt: now,
          },
        });
        await tx.webhookSubscription.update({
          where: { id: subscription.id },
          data: { lastSuccessAt: now },
        });
        return;
      }
      const retry = subscription.enabled && attempts <= delays.length;
      const nextAttemptAt = retry ? new Date(now.getTime() + delays[attempts - 1]!) : null;
      await tx.outboundWebhookDelivery.update({
        where: { id: deliveryId },
        data: {
          state: retry ? "PENDING" : "FAILED",
          attempts,
          lastStatusCode: outcome.status,
          lastError: outcome.error,
          nextAttemptAt,
        },
      });
      if (nextAttemptAt) {
        await queueDelivery(tx, deps.jobs, deliveryId, attempts, nextAttemptAt);
        requeued = true;
        return;
      }
      if (!subscription.enabled) return;
      // Every attempt over the whole schedule failed and nothing else got through meanwhile.
      await tx.webhookSubscription.updateMany({
        where: {
          id: subscription.id,
          enabled: true,
          OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: delivery.createdAt } }],
        },
        data: {
          enabled: false,
          disabledAt: now,
          disabledReason: `${attempts} attempts since ${delivery.createdAt.toISOString()} failed, the last: ${outcome.error}`,
        },
      });
    });
    if (requeued) deps.jobs.wake("webhook-delivery");
  };
}

async function send(
  deps: WebhookDeliveryDeps,
  delivery: { messageId: string; payload: string },
  subscription: {
    url: string;
    secret: string;
    previousSecret: string | null;
    previousSecretUntil: Date | null;
  },
  sentAt: Date,
): Promise<Outcome> {
  const secrets = [deps.secretBox.open(subscription.secret)];
  if (
    subscription.previousSecret &&
    (subscription.previousSecretUntil?.getTime() ?? 0) > sentAt.getTime()
  ) {
    secrets.push(deps.secretBox.open(subscription.previousSecret));
  }
  // Standard Webhooks: several space-separated signatures while a secret is being rotated.
  const signature = secrets
    .map((secret) => new Webhook(secret).sign(delivery.messageId, sentAt, delivery.payload))
    .join(" ");
  try {
    const { status } = await deps.sender.post(subscription.url, delivery.payload, {
      "content-type": "application/json",
      "user-agent": "trackline-webhooks/1",
      "webhook-id": delivery.messageId,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signature,
    });
    if (status >= 200 && status < 300) return { ok: true, status };
    return { ok: false, status, error: `HTTP ${status}` };
  } catch (error) {
    return {
      ok: false,
      status: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
