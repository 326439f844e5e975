import { randomBytes } from "node:crypto";
import type {
  OutboundWebhookDelivery,
  PrismaClient,
  WebhookSubscription,
} from "../../../generated/prisma/client.ts";
import { MAX_GRACE_SECONDS } from "../carrier-webhooks.ts";
import type { JobQueue } from "../jobs.ts";
import type { SecretBox } from "../secret-box.ts";
import { type UserError, userError } from "../user-error.ts";
import type { WebhookSender } from "./deliver.ts";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./events.ts";
import { queueDelivery } from "./outbox.ts";
import { parseTargetUrl } from "./targets.ts";

/** A partner integration per system it feeds; more is a script gone wrong. */
export const MAX_SUBSCRIPTIONS_PER_TENANT = 20;

type SubscriptionResult = {
  webhookSubscription: WebhookSubscription | null;
  /** The plain signing secret: shown once, when created or rotated. */
  secret: string | null;
  errors: UserError[];
};

interface Deps {
  secretBox: SecretBox;
  sender: WebhookSender;
  now: Date;
}

/** A Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

const failed = (errors: UserError[]): SubscriptionResult => ({
  webhookSubscription: null,
  secret: null,
  errors,
});

/** Checks a target URL: its shape, then whether its host may be called (SSRF). */
async function targetErrors(text: string, sender: WebhookSender): Promise<UserError[]> {
  const url = parseTargetUrl(text.trim());
  if (typeof url === "string") return [userError("INVALID_URL", `url: ${url}`, "url")];
  const blocked = await sender.checkTarget(url);
  if (blocked) {
    const message = `url: ${blocked}; allow it with TRACKLINE_WEBHOOK_ALLOW_HOSTS if it is yours`;
    return [userError("BLOCKED_TARGET", message, "url")];
  }
  return [];
}

function eventErrors(events: readonly string[]): UserError[] {
  if (events.length === 0) {
    return [userError("REQUIRED", "events: name at least one event type", "events")];
  }
  const known = new Set<string>(WEBHOOK_EVENT_TYPES);
  return events.flatMap((type, index) =>
    known.has(type)
      ? []
      : [userError("INVALID_INPUT", `events: unknown type "${type}"`, `events.${index}`)],
  );
}

/** Subscribes a URL to event types; the signing secret is returned once, and stored sealed. */
export async function createWebhookSubscription(
  db: PrismaClient,
  tenantId: string,
  input: { url: string; events: readonly WebhookEventType[] },
  deps: Deps,
): Promise<SubscriptionResult> {
  const errors = [...(await targetErrors(input.url, deps.sender)), ...eventErrors(input.events)];
  if (errors.length) return failed(errors);
  const secret = generateWebhookSecret();
  const created = await db.$transaction(async (tx) => {
    // Locks the tenant's row so two concurrent creates cannot both see room for one more.
    await tx.$queryRaw`SELECT "id" FROM "Tenant" WHERE "id" = ${tenantId} FOR UPDATE`;
    const count = await tx.webhookSubscription.count({ where: { tenantId } });
    if (count >= MAX_SUBSCRIPTIONS_PER_TENANT) return null;
    return tx.webhookSubscription.create({
      data: {
        tenantId,
        url: input.url.trim(),
        events: [...new Set(input.events)],
        secret: deps.secretBox.seal(secret),
      },
    });
  });
  if (!created) {
    const message = `a tenant has at most ${MAX_SUBSCRIPTIONS_PER_TENANT} webhook subscriptions; delete one first`;
    return failed([userError("TOO_MANY", message)]);
  }
  return { webhookSubscription: created, secret, errors: [] };
}

function findOwn(db: PrismaClient, tenantId: string, id: string) {
  return db.webhookSubscription.findFirst({ where: { id, tenantId } });
}

const notFound = (field = "id") =>
  userError("NOT_FOUND", "no such webhook subscription for this API key", field);

/**
 * A new secret; for `graceSeconds` deliveries carry a signature by the old one too, so the
 * receiver can switch over without rejecting a message.
 */
export async function rotateWebhookSecret(
  db: PrismaClient,
  tenantId: string,
  input: { id: string; graceSeconds: number },
  deps: Omit<Deps, "sender">,
): Promise<SubscriptionResult> {
  if (
    !Number.isInteger(input.graceSeconds) ||
    input.graceSeconds < 0 ||
    input.graceSeconds > MAX_GRACE_SECONDS
  ) {
    const message = `graceSeconds must be between 0 and ${MAX_GRACE_SECONDS}`;
    return failed([userError("INVALID_INPUT", message, "graceSeconds")]);
  }
  const current = await findOwn(db, tenantId, input.id);
  if (!current) return failed([notFound()]);
  const secret = generateWebhookSecret();
  const updated = await db.webhookSubscription.update({
    where: { id: current.id },
    data: {
      secret: deps.secretBox.seal(secret),
      previousSecret: input.graceSeconds > 0 ? current.secret : null,
      previousSecretUntil:
        input.graceSeconds > 0 ? new Date(deps.now.getTime() + input.graceSeconds * 1000) : null,
    },
  });
  return { webhookSubscription: updated, secret, errors: [] };
}

/** Changes where and what a subscription sends, and turns it on again after it was disabled. */
export async function updateWebhookSubscription(
  db: PrismaClient,
  tenantId: string,
  input: {
    id: string;
    url?: string | null;
    events?: readonly WebhookEventType[] | null;
    enabled?: boolean | null;
  },
  deps: Deps,
): Promise<SubscriptionResult> {
  const current = await findOwn(db, tenantId, input.id);
  if (!current) return failed([notFound()]);
  const errors = [
    ...(input.url != null ? await targetErrors(input.url, deps.sender) : []),
    ...(input.events != null ? eventErrors(input.events) : []),
  ];
  if (errors.length) return failed(errors);
  const enabling = input.enabled === true && !current.enabled;
  const updated = await db.webhookSubscription.update({
    where: { id: current.id },
    data: {
      url: input.url?.trim() ?? undefined,
      events: input.events ? [...new Set(input.events)] : undefined,
      ...(input.enabled == null
        ? {}
        : input.enabled
          ? { enabled: true, disabledAt: null, disabledReason: null }
          : { enabled: false, disabledAt: deps.now, disabledReason: "disabled by the tenant" }),
      // Turned on again: the endpoint gets a fresh chance, judged from now.
      ...(enabling ? { lastSuccessAt: deps.now } : {}),
    },
  });
  return { webhookSubscription: updated, secret: null, errors: [] };
}

export async function deleteWebhookSubscription(
  db: PrismaClient,
  tenantId: string,
  id: string,
): Promise<{ deletedId: string | null; errors: UserError[] }> {
  const { count } = await db.webhookSubscription.deleteMany({ where: { id, tenantId } });
  return count ? { deletedId: id, errors: [] } : { deletedId: null, errors: [notFound()] };
}

/**
 * Sends a delivery again with its original webhook-id (the receiver's idempotency key), now. A
 * delivery still being retried is not replayed: its next attempt is already scheduled.
 */
export async function replayWebhookDelivery(
  db: PrismaClient,
  jobs: JobQueue,
  tenantId: string,
  id: string,
  now: Date,
): Promise<{ delivery: OutboundWebhookDelivery | null; errors: UserError[] }> {
  const result = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "OutboundWebhookDelivery" WHERE "id" = ${id} AND "tenantId" = ${tenantId} FOR UPDATE`;
    const delivery = await tx.outboundWebhookDelivery.findFirst({
      where: { id, tenantId },
      include: { subscription: { select: { enabled: true } } },
    });
    if (!delivery) return { delivery: null, errors: [notFound()] };
    if (delivery.state === "PENDING") {
      const message = `this delivery is still being retried; its next attempt is at ${delivery.nextAttemptAt?.toISOString()}`;
      return { delivery: null, errors: [userError("ALREADY_QUEUED", message, "id")] };
    }
    if (!delivery.subscription.enabled) {
      const message =
        "the subscription is disabled: enable it with updateWebhookSubscription first";
      return { delivery: null, errors: [userError("SUBSCRIPTION_DISABLED", message, "id")] };
    }
    const queued = await tx.outboundWebhookDelivery.update({
      where: { id },
      data: { state: "PENDING", nextAttemptAt: now, deliveredAt: null },
    });
    await queueDelivery(tx, jobs, id, queued.attempts);
    return { delivery: queued, errors: [] };
  });
  if (result.delivery) jobs.wake("webhook-delivery");
  return result;
}

/** At most this many failed deliveries are queued again by one replay call. */
export const MAX_REPLAY = 1000;

/**
 * Queues again, oldest first, the failed deliveries of a subscription written since `since`
 * (after an outage, or once a disabled subscription is enabled again). Returns how many.
 */
export async function replayFailedWebhookDeliveries(
  db: PrismaClient,
  jobs: JobQueue,
  tenantId: string,
  input: { subscriptionId: string; since: Date },
  now: Date,
): Promise<{ replayed: number; errors: UserError[] }> {
  const subscription = await findOwn(db, tenantId, input.subscriptionId);
  if (!subscription) return { replayed: 0, errors: [notFound("subscriptionId")] };
  if (!subscription.enabled) {
    const message = "the subscription is disabled: enable it with updateWebhookSubscription first";
    return { replayed: 0, errors: [userError("SUBSCRIPTION_DISABLED", message, "subscriptionId")] };
  }
  const replayed = await db.$transaction(async (tx) => {
    const rows = await tx.outboundWebhookDelivery.findMany({
      where: { subscriptionId: subscription.id, state: "FAILED", createdAt: { gte: input.since } },
      orderBy: { createdAt: "asc" },
      take: MAX_REPLAY,
      select: { id: true, attempts: true },
    });
    if (rows.length === 0) return 0;
    await tx.outboundWebhookDelivery.updateMany({
      where: { id: { in: rows.map((row) => row.id) }, state: "FAILED" },
      data: { state: "PENDING", nextAttemptAt: now },
    });
    for (const row of rows) await queueDelivery(tx, jobs, row.id, row.attempts);
    return rows.length;
  });
  if (replayed) jobs.wake("webhook-delivery");
  return { replayed, errors: [] };
}
