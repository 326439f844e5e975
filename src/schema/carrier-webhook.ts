import type { WebhookEndpoint } from "../../generated/prisma/client.ts";
import {
  carrierWebhookPath,
  createCarrierWebhook,
  deleteCarrierWebhook,
  MAX_GRACE_SECONDS,
  MAX_WEBHOOKS_PER_TENANT,
  MIN_SECRET_LENGTH,
  previousSecretExpiresAt,
  rotateCarrierWebhookSecret,
} from "../domain/carrier-webhooks.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

const CarrierWebhookRef = builder.prismaObject("WebhookEndpoint", {
  name: "CarrierWebhook",
  description:
    "Where a tracking aggregator (AfterShip, 17TRACK, EasyPost) posts this tenant's updates.",
  fields: (t) => ({
    id: t.exposeID("id"),
    provider: t.exposeString("provider"),
    path: t.string({
      description:
        "POST target to give the provider (append to this server's public URL): /webhooks/carriers/<provider>/<id>.",
      resolve: (endpoint) => carrierWebhookPath(endpoint),
    }),
    previousSecretExpiresAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "Until when the secret replaced by the last rotation still verifies; null when it no longer does.",
      resolve: (endpoint, _args, ctx) => previousSecretExpiresAt(endpoint, ctx.now()),
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
      description: `The signing secret from the provider's dashboard, ${MIN_SECRET_LENGTH} characters or more; stored encrypted. At most ${MAX_WEBHOOKS_PER_TENANT} webhooks per tenant.`,
    }),
  }),
});

const RotateCarrierWebhookSecretInput = builder.inputType("RotateCarrierWebhookSecretInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    secret: t.string({
      required: true,
      description: `The new signing secret, ${MIN_SECRET_LENGTH} characters or more.`,
    }),
    graceSeconds: t.int({
      required: true,
      description: `How long the replaced secret still verifies (0 to ${MAX_GRACE_SECONDS}): rotate here first, then at the provider.`,
    }),
  }),
});

const DeleteCarrierWebhookInput = builder.inputType("DeleteCarrierWebhookInput", {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

function webhookPayload(name: string) {
  return builder
    .objectRef<{ webhook: WebhookEndpoint | null; errors: UserError[] }>(name)
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
}

const CreateCarrierWebhookPayload = webhookPayload("CreateCarrierWebhookPayload");
const RotateCarrierWebhookSecretPayload = webhookPayload("RotateCarrierWebhookSecretPayload");

const DeleteCarrierWebhookPayload = builder
  .objectRef<{ deletedId: string | null; errors: UserError[] }>("DeleteCarrierWebhookPayload")
  .implement({
    fields: (t) => ({
      deletedId: t.id({ nullable: true, resolve: (payload) => payload.deletedId }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("createCarrierWebhook", (t) =>
  t.field({
    type: CreateCarrierWebhookPayload,
    args: { input: t.arg({ type: CreateCarrierWebhookInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "webhooks:manage");
      if (denied.length) return { webhook: null, errors: denied };
      return createCarrierWebhook(ctx.db, ctx.viewer.tenantId, input, {
        findAdapter: ctx.carriers.adapter,
        secretBox: ctx.secretBox,
      });
    },
  }),
);

builder.mutationField("rotateCarrierWebhookSecret", (t) =>
  t.field({
    type: RotateCarrierWebhookSecretPayload,
    description:
      "Replaces a carrier webhook's signing secret; the old one verifies for graceSeconds more.",
    args: { input: t.arg({ type: RotateCarrierWebhookSecretInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "webhooks:manage");
      if (denied.length) return { webhook: null, errors: denied };
      return rotateCarrierWebhookSecret(ctx.db, ctx.viewer.tenantId, input, {
        secretBox: ctx.secretBox,
        now: ctx.now(),
      });
    },
  }),
);

builder.mutationField("deleteCarrierWebhook", (t) =>
  t.field({
    type: DeleteCarrierWebhookPayload,
    description: "Deletes a carrier webhook and its stored deliveries; its path answers 404.",
    args: { input: t.arg({ type: DeleteCarrierWebhookInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "webhooks:manage");
      if (denied.length) return { deletedId: null, errors: denied };
      return deleteCarrierWebhook(ctx.db, ctx.viewer.tenantId, input);
    },
  }),
);
