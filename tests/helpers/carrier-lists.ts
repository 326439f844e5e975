import { amazon } from "../../src/plugins/amazon/index.ts";
import type { MarketplaceApi } from "../../src/plugins/api-types.ts";
import { createMarketplaceRegistry, type MarketplaceRegistry } from "../../src/plugins/registry.ts";
import { shopee } from "../../src/plugins/shopee/index.ts";
import { tiktokShop } from "../../src/plugins/tiktok-shop/index.ts";

/** The carriers the test Amazon takes; any other (dhl, say) is off its list. */
export const TEST_AMAZON_CARRIERS: Readonly<Record<string, string>> = {
  ups: "UPS",
  usps: "USPS",
  yunexpress: "Yun Express",
};

/** An Amazon API slot that only knows its carrier list: no test here reaches a marketplace. */
const carrierListOnly: MarketplaceApi = {
  credentials: [],
  accountField: "sellingPartnerId",
  baseUrl: () => "http://127.0.0.1:9",
  tokenUrl: () => "http://127.0.0.1:9",
  rateLimit: { perSecond: 1, burst: 1 },
  carrierCode: (_site, carrier) => TEST_AMAZON_CARRIERS[carrier] ?? null,
  createClient: () => {
    const refused = async () =>
      ({ ok: false, retryable: false, code: "TEST", message: "no marketplace here" }) as const;
    return { uploadTracking: refused, checkCredentials: refused };
  },
};

/**
 * The real plugins, Amazon with the carrier list above; Shopee and TikTok Shop without an API
 * slot (every carrier counts as theirs), so their real carrier tables never change a test here.
 */
export function marketplacesWithCarrierList(): MarketplaceRegistry {
  return createMarketplaceRegistry([
    { ...amazon, api: carrierListOnly },
    { ...shopee, api: undefined },
    { ...tiktokShop, api: undefined },
  ]);
}
