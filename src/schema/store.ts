import { GraphQLError } from "graphql";
import type { Store } from "../../generated/prisma/client.ts";
import { LIST_CAPS } from "../domain/input-limits.ts";
import { createStore } from "../domain/orders.ts";
import type { UserError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";
import { MarketplaceRef, SiteRef, unknownMarketplace, unknownSite } from "./marketplace.ts";
import { scopeError, UserErrorRef } from "./user-error.ts";

export const StoreRef = builder.prismaNode("Store", {
  id: { field: "id" },
  // Another tenant's id resolves to null, exactly like an id that does not exist.
  nullable: true,
  findUnique: (id, ctx) => ({ id, tenantId: ctx.viewer.tenantId }),
  fields: (t) => ({
    marketplace: t.field({
      type: MarketplaceRef,
      resolve: (store, _args, ctx) =>
        ctx.marketplaces.find(store.marketplace) ?? unknownMarketplace(store.marketplace),
    }),
    site: t.field({
      type: SiteRef,
      resolve: (store, _args, ctx) =>
        ctx.marketplaces.site(store.marketplace, store.site)?.site ?? unknownSite(store.site),
    }),
    name: t.exposeString("name"),
  }),
});

builder.queryField("stores", (t) =>
  t.prismaField({
    type: ["Store"],
    description: `The caller's stores, oldest first (at most ${LIST_CAPS.stores}).`,
    complexity: { field: 1, multiplier: LIST_CAPS.stores },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.store.findMany({
        ...query,
        where: { tenantId: ctx.viewer.tenantId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: LIST_CAPS.stores,
      }),
  }),
);

const CreateStoreInput = builder.inputType("CreateStoreInput", {
  fields: (t) => ({
    marketplace: t.string({ required: true, description: 'Marketplace id, e.g. "shopee"' }),
    site: t.string({ required: true, description: 'One of its sites, e.g. "TH"' }),
    name: t.string({ required: true }),
  }),
});

const CreateStorePayload = builder
  .objectRef<{ store: Store | null; errors: UserError[] }>("CreateStorePayload")
  .implement({
    fields: (t) => ({
      store: t.field({ type: StoreRef, nullable: true, resolve: (payload) => payload.store }),
      errors: t.field({ type: [UserErrorRef], resolve: (payload) => payload.errors }),
    }),
  });

builder.mutationField("createStore", (t) =>
  t.field({
    type: CreateStorePayload,
    description: "Opens a store on one of a marketplace's sites.",
    args: { input: t.arg({ type: CreateStoreInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const denied = scopeError(ctx, "orders:write");
      if (denied.length) return { store: null, errors: denied };
      return createStore(ctx.db, ctx.viewer.tenantId, input, ctx);
    },
  }),
);

/**
 * Subscriptions to one store's changes: another tenant's store is refused exactly like a store
 * that does not exist, before anything is subscribed.
 */
export async function assertOwnStore(ctx: Context, storeId: string): Promise<void> {
  const owned = await ctx.db.store.count({ where: { id: storeId, tenantId: ctx.viewer.tenantId } });
  if (!owned) {
    throw new GraphQLError("no such store for this API key", { extensions: { code: "NOT_FOUND" } });
  }
}
