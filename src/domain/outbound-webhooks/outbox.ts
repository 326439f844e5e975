import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { JobQueue } from "../jobs.ts";
import type { WebhookEvent } from "./events.ts";

/**
 * Writes one delivery per subscription of the event's tenant to its type, in the transaction of
 * the change it announces, and queues each: the change and its webhooks commit together or not
 * at all. A disabled subscription still gets its rows, failed, so a replay after re-enabling it
 * loses nothing. Returns how many deliveries were queued (call `jobs.wake` after the commit).
 */
export async function emitWebhookEvent(
  tx: Prisma.TransactionClient,
  jobs: JobQueue,
  event: WebhookEvent,
  now: Date,
): Promise<number> {
  return emitWebhookEvents(tx, jobs, [event], now);
}

/** `emitWebhookEvent` for many events at once: one read, one insert and one enqueue in all. */
export async function emitWebhookEvents(
  tx: Prisma.TransactionClient,
  jobs: JobQueue,
  events: readonly WebhookEvent[],
  now: Date,
): Promise<number> {
  if (events.length === 0) return 0;
  const subscriptions = await tx.webhookSubscription.findMany({
    where: {
      tenantId: { in: [...new Set(events.map((event) => event.tenantId))] },
      events: { hasSome: [...new Set(events.map((event) => event.type))] },
    },
    select: { id: true, tenantId: true, events: true, enabled: true, disabledReason: true },
  });
  if (subscriptions.length === 0) return 0;
  const data = events.flatMap((event) => {
    const payload = JSON.stringify({
      type: event.type,
      timestamp: now.toISOString(),
      data: event.data,
    });
    return subscriptions
      .filter((s) => s.tenantId === event.tenantId && s.events.includes(event.type))
      .map((subscription) => ({
        tenantId: event.tenantId,
        subscriptionId: subscription.id,
        messageId: `msg_${randomUUID().replaceAll("-", "")}`,
        eventType: event.type,
        payload,
        createdAt: now,
        ...(subscription.enabled
          ? { nextAttemptAt: now }
          : { state: "FAILED" as const, lastError: disabledError(subscription.disabledReason) }),
      }));
  });
  if (data.length === 0) return 0;
  const rows = await tx.outboundWebhookDelivery.createManyAndReturn({
    data,
    select: { id: true, state: true },
  });
  const pending = rows.filter((row) => row.state === "PENDING");
  await queueDeliveries(
    tx,
    jobs,
    pending.map((row) => row.id),
  );
  return pending.length;
}

export const disabledError = (reason: string | null) =>
  `not sent: the subscription is disabled${reason ? ` (${reason})` : ""}`;

/** Queues attempt number `attempt` (0-based) of a delivery; a repeated enqueue is dropped. */
export function queueDelivery(
  tx: Prisma.TransactionClient,
  jobs: JobQueue,
  deliveryId: string,
  attempt: number,
  runAt?: Date,
): Promise<void> {
  return jobs.enqueue(
    tx,
    "webhook-delivery",
    { deliveryId, attempt },
    { key: `${deliveryId}:${attempt}`, startAfter: runAt },
  );
}

/** First attempts of many deliveries, in one statement. */
function queueDeliveries(
  tx: Prisma.TransactionClient,
  jobs: JobQueue,
  deliveryIds: readonly string[],
): Promise<void> {
  return jobs.enqueueMany(
    tx,
    "webhook-delivery",
    deliveryIds.map((deliveryId) => ({
      data: { deliveryId, attempt: 0 },
      options: { key: `${deliveryId}:0` },
    })),
  );
}
