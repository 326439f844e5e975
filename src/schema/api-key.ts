import type { ApiKey } from "../../generated/prisma/client.ts";
import {
  issueApiKey,
  listApiKeys,
  MAX_GRACE_SECONDS,
  MAX_KEYS_PER_TENANT,
  revokeApiKey,
  rotateApiKey,
} from "../domain/api-keys.ts";
import { LIST_CAPS } from "../domain/input-limits.ts";
import { expandScopes, SCOPES, type Scope } from "../domain/scopes.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

/** ORDERS_READ for orders:read: GraphQL enum values cannot hold a colon. */
const ApiKeyScopeEnum = builder.enumType("ApiKeyScope", {
  values: Object.fromEntries(
    SCOPES.map((scope) => [scope.replace(":", "_").toUpperCase(), { value: scope }]),
  ) as Record<string, { value: Scope }>,
});

const ApiKeyRef = builder.prismaObject("ApiKey", {
  description: "An API key of the caller's tenant; the key itself is never shown again.",
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The key's first characters." }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      description: "What the key may do; the aliases read and write shown as what they grant.",
      resolve: (key) => [...expandScopes(key.scopes)],
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", {
      type: "DateTime",
      nullable: true,
      description: "Recorded at most once a minute.",
    }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      nullable: true,
      description: "Refused from then on; after a rotation, the end of its grace.",
    }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("apiKeys", (t) =>
  t.prismaField({
    type: [ApiKeyRef],
    description: `The tenant's API keys, newest first (at most ${LIST_CAPS.apiKeys}). Needs keys:manage.`,
    complexity: { field: 1, multiplier: LIST_CAPS.apiKeys },
    resolve: (_query, _root, _args, ctx) =>
      listApiKeys(ctx.db, ctx.viewer.tenantId, LIST_CAPS.apiKeys),
  }),
);

type KeyPayload = { key: string | null; apiKey: ApiKey | null; errors: UserError[] };

const keyPayload = (name: string, keyDescription: string) =>
  builder.objectRef<KeyPayload>(name).implement({
    fields: (t) => ({
      key: t.string({ nullable: true, description: keyDescription, resolve: (p) => p.key }),
      apiKey: t.field({ type: ApiKeyRef, nullable: true, resolve: (p) => p.apiKey }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
    }),
  });

const CreateApiKeyInput = builder.inputType("CreateApiKeyInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    scopes: t.field({
      type: [ApiKeyScopeEnum],
      required: true,
      description: "At most the scopes of the key that asks.",
    }),
    expiresAt: t.field({ type: "DateTime", description: "Never expires when omitted." }),
  }),
});

builder.mutationField("createApiKey", (t) =>
  t.field({
    type: keyPayload("CreateApiKeyPayload", "The new key: shown here once, stored hashed."),
    description: `Creates a key of the caller's tenant (at most ${MAX_KEYS_PER_TENANT} live). Needs keys:manage.`,
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "keys:manage");
      if (denied.length) return { key: null, apiKey: null, errors: denied };
      const expiresAt = input.expiresAt?.instant ?? null;
      return issueApiKey(ctx.db, ctx.viewer, { ...input, expiresAt }, ctx.now());
    },
  }),
);

const RotateApiKeyInput = builder.inputType("RotateApiKeyInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    graceSeconds: t.int({
      required: true,
      description: `How long the replaced key keeps working (0 to ${MAX_GRACE_SECONDS}).`,
    }),
  }),
});

builder.mutationField("rotateApiKey", (t) =>
  t.field({
    type: keyPayload("RotateApiKeyPayload", "The replacing key: shown here once."),
    description:
      "Replaces a key with a new one of the same name and scopes; the old one stops after graceSeconds. Needs keys:manage.",
    args: { input: t.arg({ type: RotateApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "keys:manage");
      if (denied.length) return { key: null, apiKey: null, errors: denied };
      return rotateApiKey(ctx.db, ctx.viewer, input, { now: ctx.now(), events: ctx.keyEvents });
    },
  }),
);

const RevokeApiKeyInput = builder.inputType("RevokeApiKeyInput", {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const RevokeApiKeyPayload = builder
  .objectRef<{ apiKey: ApiKey | null; errors: UserError[] }>("RevokeApiKeyPayload")
  .implement({
    fields: (t) => ({
      apiKey: t.field({ type: ApiKeyRef, nullable: true, resolve: (p) => p.apiKey }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
    }),
  });

builder.mutationField("revokeApiKey", (t) =>
  t.field({
    type: RevokeApiKeyPayload,
    description:
      "Stops a key at once on every instance and closes its open WebSockets (4403). Needs keys:manage.",
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "keys:manage");
      if (denied.length) return { apiKey: null, errors: denied };
      const deps = { now: ctx.now(), events: ctx.keyEvents };
      return revokeApiKey(ctx.db, ctx.viewer.tenantId, input, deps);
    },
  }),
);
