import type { Prisma, PrismaClient } from "../../../generated/prisma/client.ts";
import type { ApiResult } from "../../plugins/api-types.ts";
import type { MarketplaceRegistry } from "../../plugins/registry.ts";
import type { NotificationReason } from "../../vocabulary/index.ts";
import type { JobQueue } from "../jobs.ts";
import type { SecretBox } from "../secret-box.ts";
import { openStoreClient } from "../store-client.ts";

const DAY_MS = 86_400_000;
/** A failed request is tried again an hour later, three times in all: the window is weeks. */
export const REVIEW_RETRY_MS = 3_600_000;
export const REVIEW_ATTEMPTS = 3;

/**
 * Schedules the order's review request `days` after delivery, once per order (the order is the
 * row's key), inside the caller's transaction.
 */
export async function scheduleReviewRequest(
  tx: Prisma.TransactionClient,
  jobs: JobQueue,
  order: { orderId: string; tenantId: string; deliveredAt: Date },
  days: number,
): Promise<boolean> {
  const scheduledFor = new Date(order.deliveredAt.getTime() + days * DAY_MS);
  const rows = await tx.reviewRequest.createManyAndReturn({
    data: [{ orderId: order.orderId, tenantId: order.tenantId, state: "QUEUED", scheduledFor }],
    skipDuplicates: true,
    select: { orderId: true },
  });
  if (rows.length === 0) return false;
  await jobs.enqueue(
    tx,
    "review-request",
    { orderId: order.orderId, attempt: 0 },
    { key: `${order.orderId}:0`, startAfter: scheduledFor },
  );
  return true;
}

export interface ReviewRequestDeps {
  now: () => Date;
  jobs: JobQueue;
  marketplaces: MarketplaceRegistry;
  secretBox: SecretBox;
  fetch: typeof fetch;
}

/** The review-request job: asks the store's marketplace, once, unless the buyer opted out. */
export async function sendReviewRequest(
  db: PrismaClient,
  job: { orderId: string; attempt: number },
  deps: ReviewRequestDeps,
): Promise<void> {
  const request = await db.reviewRequest.findUnique({
    where: { orderId: job.orderId },
    include: { order: { include: { store: true, buyerPreferences: true } } },
  });
  if (request?.state !== "QUEUED") return;
  const { order } = request;
  const settle = (
    state: "SENT" | "SKIPPED" | "FAILED",
    reason?: NotificationReason,
    detail?: string,
  ) =>
    db.reviewRequest.updateMany({
      where: { orderId: order.id, state: "QUEUED" },
      data: {
        state,
        reason,
        detail,
        attempts: job.attempt + 1,
        sentAt: state === "SENT" ? deps.now() : null,
      },
    });
  if (order.buyerPreferences?.optedOut) return void (await settle("SKIPPED", "OPTED_OUT"));
  const opened = openStoreClient(db, order.store, deps);
  const client = "client" in opened ? opened.client : null;
  if (!client?.requestReview) {
    const detail =
      "refusal" in opened ? opened.refusal : `${opened.plugin.name} has no review request API`;
    return void (await settle("SKIPPED", "MARKETPLACE_MESSAGING_NOT_SUPPORTED", detail));
  }
  const result: ApiResult = await client.requestReview(order.nativeOrderId);
  if (result.ok) return void (await settle("SENT"));
  const attempt = job.attempt + 1;
  if (!result.retryable || attempt >= REVIEW_ATTEMPTS) {
    return void (await settle("FAILED", "SEND_FAILED", `${result.code}: ${result.message}`));
  }
  const next = new Date(deps.now().getTime() + Math.max(REVIEW_RETRY_MS, result.retryAfterMs ?? 0));
  await db.$transaction(async (tx) => {
    await tx.reviewRequest.updateMany({
      where: { orderId: order.id, state: "QUEUED" },
      data: { attempts: attempt, detail: `${result.code}: ${result.message}`, scheduledFor: next },
    });
    await deps.jobs.enqueue(
      tx,
      "review-request",
      { orderId: order.id, attempt },
      { key: `${order.id}:${attempt}`, startAfter: next },
    );
  });
}
