import type { Prisma } from "../../../generated/prisma/client.ts";
import type { JobQueue } from "../jobs.ts";

/**
 * Queues the buyer-notification decision for shipments whose status or exceptions changed,
 * inside the transaction of that change; only for stores that turned notifications (or review
 * requests) on, so the
 * rest pay one indexed read and no job. Keyed per shipment: a burst leaves one queued decision.
 */
export async function queueBuyerNotifications(
  tx: Prisma.TransactionClient,
  jobs: JobQueue,
  changed: readonly { shipmentId: string; storeId: string }[],
): Promise<number> {
  if (changed.length === 0) return 0;
  const enabled = await tx.storeNotificationRules.findMany({
    where: {
      storeId: { in: [...new Set(changed.map((c) => c.storeId))] },
      OR: [{ enabled: true }, { reviewRequestAfterDays: { not: null } }],
    },
    select: { storeId: true },
  });
  const stores = new Set(enabled.map((row) => row.storeId));
  const shipments = new Set(changed.filter((c) => stores.has(c.storeId)).map((c) => c.shipmentId));
  await jobs.enqueueMany(
    tx,
    "buyer-notifications",
    [...shipments].map((shipmentId) => ({ data: { shipmentId }, options: { key: shipmentId } })),
  );
  return shipments.size;
}
