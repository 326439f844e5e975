import type { MarketplacePlugin } from "./types.ts";

/**
 * Why trackline may not message the buyers of a plugin's site, or null when its API client's
 * messageBuyer sends (the plugin declares so and its client has the slot).
 */
export function buyerMessagingRefusal(
  plugin: Pick<MarketplacePlugin, "name" | "buyerMessages"> | undefined,
  site: string,
): string | null {
  if (!plugin) return "the marketplace has no plugin here";
  const declared = plugin.buyerMessages;
  if (!declared) return `${plugin.name} declares no buyer messaging`;
  return declared.unsupported ?? declared.unsupportedSites?.[site] ?? null;
}
