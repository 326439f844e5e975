import type { CarrierAccount } from "../../generated/prisma/client.ts";
import { connectCarrierAccount, disconnectCarrierAccount } from "../domain/carrier-accounts.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

const CarrierAccountStatusEnum = builder.enumType("CarrierAccountStatus", {
  description:
    "ACTIVE: polled. FAILED: the carrier refused the credentials (see lastError); not polled until connectCarrierAccount replaces them.",
  values: ["ACTIVE", "FAILED"] as const,
});

const CarrierAccountRef = builder.prismaObject("CarrierAccount", {
  description:
    "This tenant's account at a carrier's tracking API (UPS, DHL, 17TRACK): shipments without webhook pushes are polled with it. Its credentials are never returned.",
  fields: (t) => ({
    id: t.exposeID("id"),
    carrier: t.exposeString("carrier"),
    credentialNames: t.exposeStringList("credentialNames", {
      description: "Which credentials are set; never their values.",
    }),
    status: t.field({ type: CarrierAccountStatusEnum, resolve: (account) => account.status }),
    lastError: t.exposeString("lastError", {
      nullable: true,
      description: "The carrier's last refusal or failure, as it said it; null after a clean poll.",
    }),
    pausedUntil: t.expose("pausedUntil", {
      type: "DateTime",
      nullable: true,
      description: "The carrier asked to slow down (HTTP 429): no poll before then.",
    }),
    lastPolledAt: t.expose("lastPolledAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("carrierAccounts", (t) =>
  t.prismaField({
    type: [CarrierAccountRef],
    description: "This tenant's carrier tracking API accounts and whether they work.",
    resolve: (query, _root, _args, ctx) =>
      ctx.db.carrierAccount.findMany({
        ...query,
        where: { tenantId: ctx.viewer.tenantId },
        orderBy: { createdAt: "asc" },
      }),
  }),
);

const CarrierCredentialInput = builder.inputType("CarrierCredentialInput", {
  fields: (t) => ({
    name: t.string({
      required: true,
      description:
        'UPS: "clientId" and "clientSecret"; DHL: "apiKey"; 17TRACK: "apiKey" (its 17token).',
    }),
    value: t.string({ required: true }),
  }),
});

const ConnectCarrierAccountInput = builder.inputType("ConnectCarrierAccountInput", {
  fields: (t) => ({
    carrier: t.string({ required: true, description: '"ups", "dhl" or "17track"' }),
    credentials: t.field({ type: [CarrierCredentialInput], required: true }),
  }),
});

const DisconnectCarrierAccountInput = builder.inputType("DisconnectCarrierAccountInput", {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const ConnectCarrierAccountPayload = builder
  .objectRef<{ account: CarrierAccount | null; errors: UserError[] }>(
    "ConnectCarrierAccountPayload",
  )
  .implement({
    fields: (t) => ({
      account: t.field({
        type: CarrierAccountRef,
        nullable: true,
        resolve: (payload) => payload.account,
      }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

const DisconnectCarrierAccountPayload = builder
  .objectRef<{ deletedId: string | null; errors: UserError[] }>("DisconnectCarrierAccountPayload")
  .implement({
    fields: (t) => ({
      deletedId: t.id({ nullable: true, resolve: (payload) => payload.deletedId }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("connectCarrierAccount", (t) =>
  t.field({
    type: ConnectCarrierAccountPayload,
    description:
      "Connects this tenant's account at a carrier's tracking API, or replaces its credentials (one per carrier). Stored sealed; a FAILED account becomes ACTIVE again.",
    args: { input: t.arg({ type: ConnectCarrierAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { account: null, errors: denied };
      return connectCarrierAccount(ctx.db, ctx.viewer.tenantId, input, {
        carriers: ctx.carriers,
        secretBox: ctx.secretBox,
      });
    },
  }),
);

builder.mutationField("disconnectCarrierAccount", (t) =>
  t.field({
    type: DisconnectCarrierAccountPayload,
    description:
      "Deletes a carrier account and its credentials; its shipments are no longer polled.",
    args: { input: t.arg({ type: DisconnectCarrierAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { deletedId: null, errors: denied };
      return disconnectCarrierAccount(ctx.db, ctx.viewer.tenantId, input);
    },
  }),
);
