import { amazon } from "./amazon/index.ts";
import { shopee } from "./shopee/index.ts";
import { tiktokShop } from "./tiktok-shop/index.ts";
import type { MarketplacePlugin, Site } from "./types.ts";

/** Every marketplace trackline serves; adding one is one line here. */
export const MARKETPLACE_PLUGINS: readonly MarketplacePlugin[] = [amazon, shopee, tiktokShop];

export interface MarketplaceRegistry {
  readonly plugins: readonly MarketplacePlugin[];
  find(id: string): MarketplacePlugin | undefined;
  /** A store's plugin and site; undefined when either is unknown. */
  site(
    marketplaceId: string,
    siteCode: string,
  ): { plugin: MarketplacePlugin; site: Site } | undefined;
}

export function createMarketplaceRegistry(
  plugins: readonly MarketplacePlugin[] = MARKETPLACE_PLUGINS,
): MarketplaceRegistry {
  const byId = new Map<string, MarketplacePlugin>();
  for (const plugin of plugins) {
    if (byId.has(plugin.id)) throw new Error(`marketplace "${plugin.id}" is registered twice`);
    byId.set(plugin.id, plugin);
  }
  return {
    plugins,
    find: (id) => byId.get(id),
    site: (marketplaceId, siteCode) => {
      const plugin = byId.get(marketplaceId);
      const site = plugin?.sites.find((candidate) => candidate.code === siteCode);
      return plugin && site ? { plugin, site } : undefined;
    },
  };
}
