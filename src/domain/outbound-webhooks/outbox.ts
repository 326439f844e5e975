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
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { tenantId: event.tenantId, events: { has: event.type } },
    select: { id: true, enabled: true, disabledReason: true },
  });
  if (subscriptions.length === 0) return 0;
  const payload = JSON.stringify({
    type: event.type,
    timestamp: now.toISOString(),
    data: event.data,
  });
  const rows = await tx.outboundWebhookDelivery.createManyAndReturn({
    data: subscriptions.map((subscription) => ({
      tenantId: event.tenantId,
      subscriptionId: subscription.id,
      messageId: `msg_${randomUUID().replaceAll("-", "")}`,
      eventType: event.type,
      payload,
      createdAt: now,
      ...(subscription.enabled
        ? { nextAttemptAt: now }
        : { state: "FAILED" as const, lastError: disabledError(subscription.disabledReason) }),
    })),
    select: { id: true, state: true },
  });
  let queued = 0;
  for (const row of rows) {
    if (row.state !== "PENDING") continue;
    await queueDelivery(tx, jobs, row.id, 0);
    queued++;
  }
  return queued;
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
