import type { MarketplacePlugin, Site } from "../plugins/types.ts";

/**
 * Whether the marketplace takes a carrier on a site. A plugin without an API slot has no
 * carrier list to check against, so every carrier counts as supported.
 */
export function carrierSupported(plugin: MarketplacePlugin, site: Site, carrier: string): boolean {
  if (!plugin.api) return true;
  return plugin.api.carrierCode(site, carrier) !== null;
}

/** The carriers of a list the marketplace does not take on the site, in the list's order. */
export function unsupportedCarriers(
  plugin: MarketplacePlugin,
  site: Site,
  carriers: Iterable<string>,
): string[] {
  return [...new Set(carriers)].filter((carrier) => !carrierSupported(plugin, site, carrier));
}
