import type { MarketplaceApi } from "../api-types.ts";
import type { Site } from "../types.ts";
import { amazonCarrierCode } from "./carriers.ts";
import { createAmazonClient } from "./client.ts";

/** SP-API's three selling regions and the marketplaces each serves. */
const REGION_BASE_URLS = {
  na: "https://sellingpartnerapi-na.amazon.com",
  eu: "https://sellingpartnerapi-eu.amazon.com",
  fe: "https://sellingpartnerapi-fe.amazon.com",
} as const;

const SITE_REGIONS: Readonly<Record<string, keyof typeof REGION_BASE_URLS>> = {
  US: "na",
  CA: "na",
  MX: "na",
  BR: "na",
  UK: "eu",
  DE: "eu",
  FR: "eu",
  IT: "eu",
  ES: "eu",
  JP: "fe",
  AU: "fe",
  SG: "fe",
};

/** Login with Amazon serves every region from one host. */
const LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token";

export const amazonApi: MarketplaceApi = {
  credentials: [
    { name: "sellingPartnerId", description: "Seller ID (merchant token) of the Amazon account." },
    { name: "lwaClientId", description: "Login with Amazon client ID of the SP-API app." },
    { name: "lwaClientSecret", description: "Login with Amazon client secret of the SP-API app." },
    { name: "refreshToken", description: "LWA refresh token the seller granted the app (Atzr|…)." },
  ],
  accountField: "sellingPartnerId",
  baseUrl(site: Site) {
    const region = Object.hasOwn(SITE_REGIONS, site.code) ? SITE_REGIONS[site.code] : undefined;
    // Every declared Amazon site has a region; another site code is a programming error.
    if (!region) throw new Error(`Amazon site ${site.code} has no SP-API region`);
    return REGION_BASE_URLS[region];
  },
  tokenUrl: () => LWA_TOKEN_URL,
  // Orders v0 confirmShipment's usage plan.
  rateLimit: { perSecond: 2, burst: 10 },
  carrierCode: amazonCarrierCode,
  createClient: (config, deps) => createAmazonClient(config, deps),
};
