import { type FakeAmazonSeller, startFakeAmazon } from "../tests/fakes/amazon-sp-api.ts";
import { startFakeShopee } from "../tests/fakes/shopee-open-platform.ts";

const SHOPEE_PARTNER = { id: "2001234", key: "bench-partner-key" };

/** One store of the sync bench: how to connect it and the orders its fake marketplace holds. */
export interface StorePlan {
  name: string;
  marketplace: "amazon" | "shopee";
  site: string;
  credentials: Record<string, Record<string, string>>;
  apiBaseUrl: string;
  tokenUrl: string;
  orderIds: string[];
  /** The rate the store's marketplace allows, for the table (what the fake enforces). */
  allowance: string;
  /** The store's relay id and row id, once connected. */
  id?: string;
  rowId?: string;
}

/**
 * The fake SP-API with one seller per Amazon store (each held to 2 requests/s, burst 10) and
 * the fake Shopee with one shop, `shipments` orders per store; the plans to connect them.
 */
export async function startSyncMarketplaces(options: {
  amazonStores: number;
  shipments: number;
  shopee: boolean;
}) {
  const { shipments } = options;
  const sellers: FakeAmazonSeller[] = Array.from({ length: options.amazonStores }, (_, s) => ({
    sellingPartnerId: `A${s + 1}BENCHSELLER`,
    lwaClientId: "amzn1.application-oa2-client.trackline-bench",
    lwaClientSecret: "amzn1.oa2-cs.v1.trackline-bench-secret",
    refreshToken: `Atzr|bench-refresh-${s + 1}`,
  }));
  const amazonOrderId = (s: number, i: number) =>
    `11${s + 1}-${String(s + 1).repeat(7)}-${String(i).padStart(7, "0")}`;
  const amazon = await startFakeAmazon({
    sellers,
    orders: sellers.flatMap((seller, s) =>
      Array.from({ length: shipments }, (_, i) => ({
        orderId: amazonOrderId(s, i),
        marketplaceId: "ATVPDKIKX0DER",
        sellingPartnerId: seller.sellingPartnerId,
        items: [{ orderItemId: "A1", quantity: 1 }],
      })),
    ),
  });
  const shopeeShop = {
    shopId: "880001",
    partnerId: SHOPEE_PARTNER.id,
    accessToken: "880001-access-0",
    refreshToken: "880001-refresh-0",
  };
  const shopeeOrderSns = options.shopee
    ? Array.from({ length: shipments }, (_, i) => `2611${String(i).padStart(10, "0")}`)
    : [];
  // Shopee publishes no call rate; the fake holds a shop to what the plugin assumes (10 per second).
  const shopee = await startFakeShopee({
    partners: { [SHOPEE_PARTNER.id]: SHOPEE_PARTNER.key },
    shops: [shopeeShop],
    orders: shopeeOrderSns.map((orderSn) => ({ orderSn, shopId: shopeeShop.shopId })),
    rateLimitPerSecond: 10,
  });

  const plans: StorePlan[] = [
    ...sellers.map((seller, s) => ({
      name: `amazon-us-${s + 1}`,
      marketplace: "amazon" as const,
      site: "US",
      credentials: { amazon: { ...seller } },
      apiBaseUrl: amazon.url,
      tokenUrl: amazon.tokenUrl,
      orderIds: Array.from({ length: shipments }, (_, i) => amazonOrderId(s, i)),
      allowance: "2/s, burst 10",
    })),
    ...(shopeeOrderSns.length === 0
      ? []
      : [
          {
            name: "shopee-sg",
            marketplace: "shopee" as const,
            site: "SG",
            credentials: {
              shopee: {
                partnerId: SHOPEE_PARTNER.id,
                partnerKey: SHOPEE_PARTNER.key,
                shopId: shopeeShop.shopId,
                accessToken: shopeeShop.accessToken,
                refreshToken: shopeeShop.refreshToken,
              },
            },
            apiBaseUrl: shopee.url,
            tokenUrl: `${shopee.url}/api/v2/auth/access_token/get`,
            orderIds: shopeeOrderSns,
            allowance: "10 in any 1 s",
          },
        ]),
  ];

  return {
    plans,
    amazon,
    shopee,
    /** Throws unless every order's tracking was applied once on the fakes' side. */
    verifyAppliedOnce() {
      const onAmazon = amazon.appliedPackages();
      const onShopee = [...shopee.applied.values()];
      if (
        onAmazon.length !== sellers.length * shipments ||
        onAmazon.some((pkg) => pkg.applied !== 1 || pkg.repeats !== 0) ||
        onShopee.length !== shopeeOrderSns.length ||
        onShopee.some((shipped) => shipped.count !== 1)
      ) {
        throw new Error("the fakes did not apply each shipment exactly once");
      }
    },
  };
}
