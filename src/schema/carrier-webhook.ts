import type { WebhookEndpoint } from "../../generated/prisma/client.ts";
import { createCarrierWebhook } from "../domain/carrier-webhooks.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { UserErrorRef, writeScopeError } from "./user-error.ts";

const CarrierWebhookRef = builder.prismaObject("WebhookEndpoint", {
  name: "CarrierWebhook",
  description:
    "Where a tracking aggregator (AfterShip, 17TRACK, EasyPost) posts this tenant's updates.",
  fields: (t) => ({
    id: t.exposeID("id"),
    provider: t.exposeString("provider"),
    path: t.string({
      description: "POST target to give the provider (append to this server's public URL).",
      resolve: (endpoint) => `/webhooks/carriers/${endpoint.provider}?endpoint=${endpoint.id}`,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("carrierWebhooks", (t) =>
  t.prismaField({
    type: [CarrierWebhookRef],
    resolve: (query, _root, _args, ctx) =>
      ctx.db.webhookEndpoint.findMany({ ...query, where: { tenantId: ctx.viewer.tenantId } }),
  }),
);

const CreateCarrierWebhookInput = builder.inputType("CreateCarrierWebhookInput", {
  fields: (t) => ({
    provider: t.string({ required: true, description: '"aftership", "17track" or "easypost"' }),
    secret: t.string({
      required: true,
      description: "The signing secret from the provider's dashboard.",
    }),
  }),
});

const CreateCarrierWebhookPayload = builder
  .objectRef<{ webhook: WebhookEndpoint | null; errors: UserError[] }>(
    "CreateCarrierWebhookPayload",
  )
  .implement({
    fields: (t) => ({
      webhook: t.field({
        type: CarrierWebhookRef,
        nullable: true,
        resolve: (payload) => payload.webhook,
      }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("createCarrierWebhook", (t) =>
  t.field({
    type: CreateCarrierWebhookPayload,
    args: { input: t.arg({ type: CreateCarrierWebhookInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = writeScopeError(ctx);
      if (denied.length) return { webhook: null, errors: denied };
      return createCarrierWebhook(ctx.db, ctx.viewer.tenantId, input, {
        findAdapter: ctx.carriers.adapter,
        secretBox: ctx.secretBox,
      });
    },
  }),
);
