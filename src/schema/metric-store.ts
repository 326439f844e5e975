import type { Store } from "../../generated/prisma/client.ts";
import type { MarketplacePlugin, Site } from "../plugins/types.ts";
import type { Context } from "./context.ts";

/** A store of the caller's tenant with its plugin and site; null for any other id. */
export async function metricStore(
  ctx: Context,
  storeId: string,
): Promise<{ store: Store; plugin: MarketplacePlugin; site: Site } | null> {
  const store = await ctx.db.store.findFirst({
    where: { id: storeId, tenantId: ctx.viewer.tenantId },
  });
  const found = store && ctx.marketplaces.site(store.marketplace, store.site);
  return store && found ? { store, ...found } : null;
}
