import type { MarketplaceApi } from "../api-types.ts";
import { shopeeCarrierCode } from "./carriers.ts";
import { createShopeeClient } from "./client.ts";

// Live host for every site (developers near SG). The sandbox is
// https://partner.test-stable.shopeemobile.com (newer guides name
// https://openplatform.sandbox.test-stable.shopee.sg); a store overrides the base URL for it.
const LIVE = "https://partner.shopeemobile.com";

export const shopeeApi: MarketplaceApi = {
  credentials: [
    { name: "partnerId", description: "Shopee Open Platform partner (app) ID." },
    { name: "partnerKey", description: "Shopee Open Platform partner key (live key)." },
    { name: "shopId", description: "Shopee shop ID the seller authorised." },
    { name: "accessToken", description: "Shop access token (4 hours; refreshed automatically)." },
    { name: "refreshToken", description: "Shop refresh token (30 days, single use; rotated)." },
  ],
  accountField: "shopId",
  baseUrl: () => LIVE,
  tokenUrl: () => `${LIVE}/api/v2/auth/access_token/get`,
  // Shopee's v2 guides publish no per-shop call rate (none was found in the Open Platform guides
  // or API pages we could read), so this is deliberately conservative: 10 calls/s, burst 10.
  rateLimit: { perSecond: 10, burst: 10 },
  carrierCode: shopeeCarrierCode,
  createClient: createShopeeClient,
};
