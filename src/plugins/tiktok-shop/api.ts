import type { MarketplaceApi } from "../api-types.ts";
import { tiktokCarrierCode } from "./carriers.ts";
import { createTikTokShopClient } from "./client.ts";

export const tiktokShopApi: MarketplaceApi = {
  credentials: [
    { name: "appKey", description: "TikTok Shop Partner Center app key." },
    { name: "appSecret", description: "TikTok Shop Partner Center app secret." },
    {
      name: "shopCipher",
      description: "Shop cipher of the authorised shop (Get Authorized Shops).",
    },
    { name: "accessToken", description: "Seller access token (refreshed automatically)." },
    { name: "refreshToken", description: "Seller refresh token (rotated on every refresh)." },
  ],
  accountField: "shopCipher",
  baseUrl: () => "https://open-api.tiktokglobalshop.com",
  tokenUrl: () => "https://auth.tiktok-shops.com/api/v2/token/refresh",
  // "Rate limits" page: 50 queries per second per API, counted per app and shop; HTTP 429 beyond.
  rateLimit: { perSecond: 50, burst: 50 },
  carrierCode: tiktokCarrierCode,
  createClient: createTikTokShopClient,
};
