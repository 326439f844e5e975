import type {
  OutboundWebhookDelivery,
  WebhookSubscription,
} from "../../generated/prisma/client.ts";
import { MAX_GRACE_SECONDS, previousSecretExpiresAt } from "../domain/carrier-webhooks.ts";
import { globalId } from "../domain/global-id.ts";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../domain/outbound-webhooks/events.ts";
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  MAX_REPLAY,
  MAX_SUBSCRIPTIONS_PER_TENANT,
  replayFailedWebhookDeliveries,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookSubscription,
} from "../domain/outbound-webhooks/subscriptions.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

const EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "shipment.updated": "Tracking events were recorded for a shipment (its status may have changed).",
  "shipment.exception": "A shipment needs attention: stalled, failed delivery, customs hold, late.",
  "marketplace_sync.failed": "A tracking push was refused for good or ran out of attempts.",
  "import.finished": "A file import finished, with its accepted and rejected counts.",
};

const enumName = (type: string) => type.replace(/[._]/g, "_").toUpperCase();

export const WebhookEventTypeEnum = builder.enumType("WebhookEventType", {
  description: "What a webhook subscription receives; the payload's `type` is the dotted name.",
  values: Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      enumName(type),
      { value: type, description: `\`${type}\`: ${EVENT_DESCRIPTIONS[type]}` },
    ]),
  ) as Record<string, { value: WebhookEventType; description: string }>,
});

const DeliveryStateEnum = builder.enumType("WebhookDeliveryState", {
  values: {
    PENDING: { description: "Queued, or waiting for its next attempt." },
    DELIVERED: { description: "The endpoint answered 2xx." },
    FAILED: {
      description: "Every attempt failed, or the subscription was disabled; replay sends it again.",
    },
  } as const,
});

export const WebhookSubscriptionRef = builder.prismaNode("WebhookSubscription", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  description:
    "Where trackline posts this tenant's events, signed in the Standard Webhooks format.",
  fields: (t) => ({
    url: t.exposeString("url"),
    events: t.field({
      type: [WebhookEventTypeEnum],
      resolve: (subscription) => subscription.events as WebhookEventType[],
    }),
    enabled: t.exposeBoolean("enabled"),
    disabledAt: t.expose("disabledAt", { type: "DateTime", nullable: true }),
    disabledReason: t.exposeString("disabledReason", { nullable: true }),
    previousSecretExpiresAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "Until when deliveries also carry a signature by the secret the last rotation replaced.",
      resolve: (subscription, _args, ctx) => previousSecretExpiresAt(subscription, ctx.now()),
    }),
    lastSuccessAt: t.expose("lastSuccessAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const WebhookDeliveryRef = builder.prismaNode("OutboundWebhookDelivery", {
  name: "WebhookDelivery",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  description: "One event sent (or to be sent) to one subscription, with its attempts.",
  fields: (t) => ({
    messageId: t.exposeString("messageId", {
      description: "The webhook-id header: the same on every retry and replay, for deduplication.",
    }),
    eventType: t.field({
      type: WebhookEventTypeEnum,
      resolve: (delivery) => delivery.eventType as WebhookEventType,
    }),
    payload: t.exposeString("payload", { description: "The JSON body exactly as signed." }),
    state: t.field({ type: DeliveryStateEnum, resolve: (delivery) => delivery.state }),
    attempts: t.exposeInt("attempts"),
    lastStatusCode: t.exposeInt("lastStatusCode", { nullable: true }),
    lastError: t.exposeString("lastError", { nullable: true }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime", nullable: true }),
    deliveredAt: t.expose("deliveredAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  webhookSubscriptions: t.prismaField({
    type: ["WebhookSubscription"],
    description: `The caller's webhook subscriptions, oldest first (at most ${MAX_SUBSCRIPTIONS_PER_TENANT}).`,
    complexity: { field: 1, multiplier: MAX_SUBSCRIPTIONS_PER_TENANT },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.webhookSubscription.findMany({
        ...query,
        where: { tenantId: ctx.viewer.tenantId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
  }),
  webhookDeliveries: t.prismaConnection({
    type: "OutboundWebhookDelivery",
    cursor: "id",
    description: "The delivery log of a subscription, newest first.",
    args: {
      subscriptionId: t.arg.globalID({ for: WebhookSubscriptionRef, required: true }),
      state: t.arg({ type: DeliveryStateEnum }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.outboundWebhookDelivery.findMany({
        ...query,
        where: {
          tenantId: ctx.viewer.tenantId,
          subscriptionId: args.subscriptionId.id,
          state: args.state ?? undefined,
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
}));

type SubscriptionPayload = {
  webhookSubscription: WebhookSubscription | null;
  secret: string | null;
  errors: UserError[];
};

function subscriptionPayload(name: string) {
  return builder.objectRef<SubscriptionPayload>(name).implement({
    fields: (t) => ({
      webhookSubscription: t.field({
        type: WebhookSubscriptionRef,
        nullable: true,
        resolve: (payload) => payload.webhookSubscription,
      }),
      secret: t.string({
        nullable: true,
        description: "The whsec_ signing secret: shown here once, never again.",
        resolve: (payload) => payload.secret,
      }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });
}

const denied = (errors: UserError[]): SubscriptionPayload => ({
  webhookSubscription: null,
  secret: null,
  errors,
});

const CreateInput = builder.inputType("CreateWebhookSubscriptionInput", {
  fields: (t) => ({
    url: t.string({
      required: true,
      description:
        "http(s) URL of a public host (private and loopback addresses only when TRACKLINE_WEBHOOK_ALLOW_HOSTS allows them).",
    }),
    events: t.field({ type: [WebhookEventTypeEnum], required: true }),
  }),
});

const RotateInput = builder.inputType("RotateWebhookSecretInput", {
  fields: (t) => ({
    id: t.globalID({ for: WebhookSubscriptionRef, required: true }),
    graceSeconds: t.int({
      required: true,
      description: `How long deliveries carry a signature by the old secret too (0 to ${MAX_GRACE_SECONDS}).`,
    }),
  }),
});

const UpdateInput = builder.inputType("UpdateWebhookSubscriptionInput", {
  fields: (t) => ({
    id: t.globalID({ for: WebhookSubscriptionRef, required: true }),
    url: t.string(),
    events: t.field({ type: [WebhookEventTypeEnum] }),
    enabled: t.boolean({ description: "true turns a disabled subscription on again." }),
  }),
});

builder.mutationFields((t) => ({
  createWebhookSubscription: t.field({
    type: subscriptionPayload("CreateWebhookSubscriptionPayload"),
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const errors = scopeError(ctx, "webhooks:manage");
      if (errors.length) return denied(errors);
      return createWebhookSubscription(ctx.db, ctx.viewer.tenantId, input, {
        secretBox: ctx.secretBox,
        sender: ctx.webhookSender,
        now: ctx.now(),
      });
    },
  }),
  rotateWebhookSecret: t.field({
    type: subscriptionPayload("RotateWebhookSecretPayload"),
    args: { input: t.arg({ type: RotateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const errors = scopeError(ctx, "webhooks:manage");
      if (errors.length) return denied(errors);
      return rotateWebhookSecret(
        ctx.db,
        ctx.viewer.tenantId,
        { id: input.id.id, graceSeconds: input.graceSeconds },
        { secretBox: ctx.secretBox, now: ctx.now() },
      );
    },
  }),
  updateWebhookSubscription: t.field({
    type: subscriptionPayload("UpdateWebhookSubscriptionPayload"),
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const errors = scopeError(ctx, "webhooks:manage");
      if (errors.length) return denied(errors);
      return updateWebhookSubscription(
        ctx.db,
        ctx.viewer.tenantId,
        { ...input, id: input.id.id },
        { secretBox: ctx.secretBox, sender: ctx.webhookSender, now: ctx.now() },
      );
    },
  }),
}));

const DeleteInput = builder.inputType("DeleteWebhookSubscriptionInput", {
  fields: (t) => ({ id: t.globalID({ for: WebhookSubscriptionRef, required: true }) }),
});

const DeletePayload = builder
  .objectRef<{ deletedId: string | null; errors: UserError[] }>("DeleteWebhookSubscriptionPayload")
  .implement({
    fields: (t) => ({
      deletedId: t.id({ nullable: true, resolve: (payload) => payload.deletedId }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

const ReplayInput = builder.inputType("ReplayWebhookDeliveryInput", {
  fields: (t) => ({ id: t.globalID({ for: WebhookDeliveryRef, required: true }) }),
});

const ReplayPayload = builder
  .objectRef<{ delivery: OutboundWebhookDelivery | null; errors: UserError[] }>(
    "ReplayWebhookDeliveryPayload",
  )
  .implement({
    fields: (t) => ({
      delivery: t.field({
        type: WebhookDeliveryRef,
        nullable: true,
        resolve: (payload) => payload.delivery,
      }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

const ReplayFailedInput = builder.inputType("ReplayFailedWebhookDeliveriesInput", {
  fields: (t) => ({
    subscriptionId: t.globalID({ for: WebhookSubscriptionRef, required: true }),
    since: t.field({ type: "DateTime", required: true }),
  }),
});

const ReplayFailedPayload = builder
  .objectRef<{ replayed: number; errors: UserError[] }>("ReplayFailedWebhookDeliveriesPayload")
  .implement({
    fields: (t) => ({
      replayed: t.exposeInt("replayed"),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationFields((t) => ({
  deleteWebhookSubscription: t.field({
    type: DeletePayload,
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const errors = scopeError(ctx, "webhooks:manage");
      if (errors.length) return { deletedId: null, errors };
      const result = await deleteWebhookSubscription(ctx.db, ctx.viewer.tenantId, input.id.id);
      return {
        ...result,
        deletedId: result.deletedId ? globalId("WebhookSubscription", result.deletedId) : null,
      };
    },
  }),
  replayWebhookDelivery: t.field({
    type: ReplayPayload,
    description: "Sends a delivery again now, with its original webhook-id.",
    args: { input: t.arg({ type: ReplayInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const errors = scopeError(ctx, "webhooks:manage");
      if (errors.length) return { delivery: null, errors };
      return replayWebhookDelivery(ctx.db, ctx.jobs, ctx.viewer.tenantId, input.id.id, ctx.now());
    },
  }),
  replayFailedWebhookDeliveries: t.field({
    type: ReplayFailedPayload,
    description: `Sends again the failed deliveries of a subscription written since a time, oldest first (at most ${MAX_REPLAY} per call).`,
    args: { input: t.arg({ type: ReplayFailedInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const errors = scopeError(ctx, "webhooks:manage");
      if (errors.length) return { replayed: 0, errors };
      return replayFailedWebhookDeliveries(
        ctx.db,
        ctx.jobs,
        ctx.viewer.tenantId,
        { subscriptionId: input.subscriptionId.id, since: input.since.instant },
        ctx.now(),
      );
    },
  }),
}));
