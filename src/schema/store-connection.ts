import type { Store } from "../../generated/prisma/client.ts";
import {
  type CredentialsInput,
  connectStore,
  setStoreSyncPolicy,
  updateStoreCredentials,
} from "../domain/store-connections.ts";
import { type UserError, userError } from "../domain/user-error.ts";
import { MARKETPLACE_PLUGINS } from "../plugins/registry.ts";
import { STORE_SYNC_POLICIES } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";
import { StoreRef } from "./store.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

export const StoreSyncPolicyEnum = builder.enumType("StoreSyncPolicy", {
  description:
    "When a confirmed shipment's tracking is pushed: CONFIRM_AT_ONCE; CONFIRM_ON_FIRST_SCAN (held until the carrier's first physical scan, the ship-by date at the latest: Amazon counts a number only after a scan); MANUAL (the store pushes it some other way).",
  values: STORE_SYNC_POLICIES,
});

const StoreCredentialsRef = builder.objectRef<Store>("StoreCredentials").implement({
  description: "Which API credentials are set and when they were used; never their values.",
  fields: (t) => ({
    names: t.stringList({ resolve: (store) => store.credentialNames }),
    updatedAt: t.field({ type: "DateTime", resolve: (store) => store.credentialsUpdatedAt! }),
    lastUsedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "The last call to the marketplace with them (a push, or the check on saving).",
      resolve: (store) => store.credentialsLastUsedAt,
    }),
  }),
});

builder.objectFields(StoreRef, (t) => ({
  syncPolicy: t.field({ type: StoreSyncPolicyEnum, resolve: (store) => store.syncPolicy }),
  credentials: t.field({
    type: StoreCredentialsRef,
    nullable: true,
    description: "Null until connectStore or updateStoreCredentials sets some.",
    resolve: (store) => (store.credentialsUpdatedAt ? store : null),
  }),
  accountId: t.exposeString("accountId", {
    nullable: true,
    description: "The seller's account at the marketplace (Amazon selling partner, Shopee shop).",
  }),
  apiBaseUrl: t.exposeString("apiBaseUrl", {
    nullable: true,
    description: "Override of the site's API host; null: the marketplace's default.",
  }),
  tokenUrl: t.exposeString("tokenUrl", { nullable: true }),
}));

/** "tiktok-shop" -> "tiktokShop": plugin ids as GraphQL member names. */
const memberName = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const typeName = (id: string) => memberName(id).replace(/^./, (c) => c.toUpperCase());

// One typed member per marketplace with an API, made from the plugin's credential list: a new
// plugin brings its member without a line here.
const CREDENTIAL_MEMBERS = MARKETPLACE_PLUGINS.flatMap((plugin) => {
  const { api } = plugin;
  if (!api) return [];
  const input = builder.inputType(`${typeName(plugin.id)}CredentialsInput`, {
    description: `${plugin.name} API credentials.`,
    fields: (t) =>
      Object.fromEntries(
        api.credentials.map((field) => [
          field.name,
          t.string({ required: true, description: field.description }),
        ]),
      ),
  });
  return [{ plugin, member: memberName(plugin.id), input }];
});

const StoreCredentialsInput = builder.inputType("StoreCredentialsInput", {
  description: "Exactly one member: the credentials of the store's marketplace.",
  isOneOf: true,
  fields: (t) =>
    Object.fromEntries(
      CREDENTIAL_MEMBERS.map(({ member, input }) => [member, t.field({ type: input })]),
    ),
});

type CredentialsArg = Record<string, Record<string, string> | null | undefined>;

function readCredentialsArg(arg: CredentialsArg): CredentialsInput | null {
  for (const { plugin, member } of CREDENTIAL_MEMBERS) {
    const values = arg[member];
    if (values) return { marketplace: plugin.id, member, values };
  }
  return null;
}

const StoreConnectionPayload = builder
  .objectRef<{ store: Store | null; errors: UserError[]; warnings: UserError[] }>(
    "StoreConnectionPayload",
  )
  .implement({
    fields: (t) => ({
      store: t.field({ type: StoreRef, nullable: true, resolve: (payload) => payload.store }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
      warnings: t.field({
        type: [UserErrorRef],
        description:
          "Saved, but worth a look (the marketplace could not be reached to check them).",
        resolve: (payload) => payload.warnings,
      }),
    }),
  });

const API_BASE_URL_HELP =
  "Overrides the site's API host (Amazon's regional or sandbox endpoint, Shopee's test host, a local fake).";
const TOKEN_URL_HELP =
  "Overrides the site's token endpoint (Amazon LWA, Shopee or TikTok token refresh).";

const ConnectStoreInput = builder.inputType("ConnectStoreInput", {
  fields: (t) => ({
    marketplace: t.string({ required: true, description: 'Marketplace id, e.g. "amazon"' }),
    site: t.string({ required: true, description: 'One of its sites, e.g. "US"' }),
    name: t.string({ required: true }),
    credentials: t.field({ type: StoreCredentialsInput, required: true }),
    apiBaseUrl: t.string({ description: API_BASE_URL_HELP }),
    tokenUrl: t.string({ description: TOKEN_URL_HELP }),
    syncPolicy: t.field({ type: StoreSyncPolicyEnum, description: "Default CONFIRM_AT_ONCE." }),
  }),
});

const UpdateStoreCredentialsInput = builder.inputType("UpdateStoreCredentialsInput", {
  fields: (t) => ({
    storeId: t.globalID({ for: StoreRef, required: true }),
    credentials: t.field({ type: StoreCredentialsInput, required: true }),
    apiBaseUrl: t.string({ description: `${API_BASE_URL_HELP} Null: the default.` }),
    tokenUrl: t.string({ description: `${TOKEN_URL_HELP} Null: the default.` }),
  }),
});

const connectionDeps = (ctx: Context) => ({
  marketplaces: ctx.marketplaces,
  secretBox: ctx.secretBox,
  jobs: ctx.jobs,
  fetch: ctx.fetch,
  now: ctx.now,
});

function missingMember(): { store: null; errors: UserError[]; warnings: [] } {
  const message = "give the credentials of one marketplace";
  return {
    store: null,
    errors: [userError("MISSING_CREDENTIALS", message, "credentials")],
    warnings: [],
  };
}

builder.mutationField("connectStore", (t) =>
  t.field({
    type: StoreConnectionPayload,
    description:
      "Opens a store with marketplace API access. The credentials are checked with the marketplace (a token exchange) and stored sealed; they are never returned.",
    args: { input: t.arg({ type: ConnectStoreInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { store: null, errors: denied, warnings: [] };
      const credentials = readCredentialsArg(input.credentials as CredentialsArg);
      if (!credentials) return missingMember();
      return connectStore(
        ctx.db,
        ctx.viewer.tenantId,
        { ...input, credentials },
        connectionDeps(ctx),
      );
    },
  }),
);

builder.mutationField("updateStoreCredentials", (t) =>
  t.field({
    type: StoreConnectionPayload,
    description:
      "Replaces a store's credentials and endpoint overrides, checked as connectStore checks them. Pushes that failed for want of working credentials are queued again.",
    args: { input: t.arg({ type: UpdateStoreCredentialsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { store: null, errors: denied, warnings: [] };
      const credentials = readCredentialsArg(input.credentials as CredentialsArg);
      if (!credentials) return missingMember();
      return updateStoreCredentials(
        ctx.db,
        ctx.viewer.tenantId,
        { ...input, storeId: input.storeId.id, credentials },
        connectionDeps(ctx),
      );
    },
  }),
);

builder.mutationField("setStoreSyncPolicy", (t) =>
  t.field({
    type: StoreConnectionPayload,
    description: "When this store pushes tracking; applies to shipments confirmed from now on.",
    args: {
      storeId: t.arg.globalID({ for: StoreRef, required: true }),
      syncPolicy: t.arg({ type: StoreSyncPolicyEnum, required: true }),
    },
    resolve: async (_root, { storeId, syncPolicy }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { store: null, errors: denied, warnings: [] };
      return setStoreSyncPolicy(ctx.db, ctx.viewer.tenantId, { storeId: storeId.id, syncPolicy });
    },
  }),
);
