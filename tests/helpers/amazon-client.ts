import { type AmazonClientOptions, createAmazonClient } from "../../src/plugins/amazon/client.ts";
import { amazonSites } from "../../src/plugins/amazon/sites.ts";
import type { ClientDeps, MarketplaceClient, UploadRequest } from "../../src/plugins/api-types.ts";
import type { FakeAmazon, FakeAmazonSeller } from "../fakes/amazon-sp-api.ts";

export const US = amazonSites.find((site) => site.code === "US")!;

export const SELLER: FakeAmazonSeller = {
  sellingPartnerId: "A3SELLER0000US",
  lwaClientId: "amzn1.application-oa2-client.trackline-test",
  lwaClientSecret: "amzn1.oa2-cs.v1.trackline-test-secret",
  refreshToken: "Atzr|trackline-test-refresh-token",
};

/** An Unshipped US order with one line of two units. */
export const ORDER = {
  orderId: "114-3941689-8772232",
  marketplaceId: US.apiId!,
  items: [{ orderItemId: "68828574383266", quantity: 2 }],
};

/** A clock the test moves by hand; the client's only source of time. */
export function manualClock(start = "2026-11-02T10:00:00Z") {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}

/** A client of `fake` for `seller` on the US site; credentials and options may be overridden. */
export function connect(
  fake: FakeAmazon,
  overrides: {
    credentials?: Partial<FakeAmazonSeller>;
    now?: () => Date;
    fetch?: typeof fetch;
    options?: AmazonClientOptions;
  } = {},
): MarketplaceClient {
  const { sellingPartnerId, lwaClientId, lwaClientSecret, refreshToken } = {
    ...SELLER,
    ...overrides.credentials,
  };
  const deps: ClientDeps = {
    fetch: overrides.fetch ?? fetch,
    now: overrides.now ?? manualClock().now,
    saveCredentials: async () => {
      throw new Error("Amazon never rotates credentials");
    },
  };
  return createAmazonClient(
    {
      site: US,
      baseUrl: fake.url,
      tokenUrl: fake.tokenUrl,
      credentials: { sellingPartnerId, lwaClientId, lwaClientSecret, refreshToken },
    },
    deps,
    overrides.options,
  );
}

/** Two units of ORDER's line on a UPS number; overrides win. */
export function upload(overrides: Partial<UploadRequest> = {}): UploadRequest {
  return {
    nativeOrderId: ORDER.orderId,
    packageReference: 1,
    carrier: "ups",
    carrierName: "UPS",
    trackingNumber: "1Z5R89390357567127",
    shippingMethod: "UPS Ground",
    shipDate: new Date("2026-11-02T08:15:00-08:00"),
    items: [{ nativeItemId: ORDER.items[0]!.orderItemId, quantity: 2 }],
    ...overrides,
  };
}
