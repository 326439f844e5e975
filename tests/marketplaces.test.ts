import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { globalId } from "./helpers/factories.ts";
import { ConfirmShipment, CreateOrder, RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const Marketplaces = graphql(`
  query Marketplaces {
    marketplaces { id name sites { code country locales timeZone currency weekend } orderStates { code canonical } }
  }
`);

const CreateStore = graphql(`
  mutation CreateStore($input: CreateStoreInput!) {
    createStore(input: $input) {
      store { id name marketplace { id name } site { code locales timeZone currency } }
      errors { code message field }
    }
  }
`);

const OrderStatus = graphql(`
  query OrderStatus($id: ID!, $locale: Locale) {
    node(id: $id) {
      ... on Order {
        state
        stateLabel(locale: $locale)
        buyerLocale
        nativeStatus { code canonical label(locale: $locale) }
      }
    }
  }
`);

const UpdateOrderStatus = graphql(`
  mutation UpdateOrderStatus($input: UpdateOrderStatusInput!) {
    updateOrderStatus(input: $input) {
      order { id state nativeStatus { code canonical } }
      errors { code message field }
    }
  }
`);

const Descriptions = graphql(`
  query Descriptions($id: ID!, $locale: Locale, $milestone: Milestone!) {
    shipment(id: $id) {
      timeline(locale: $locale) { description }
      buyerMessage(milestone: $milestone, locale: $locale)
    }
  }
`);

async function createStore(marketplace: string, site: string, name = `${marketplace} ${site}`) {
  const result = await server.request(CreateStore, { input: { marketplace, site, name } });
  return result.data!.createStore;
}

async function createOrder(
  storeId: string,
  input: { nativeStatus?: string; buyerLocale?: string },
) {
  const result = await server.request(CreateOrder, {
    input: {
      storeId,
      nativeOrderId: `N-${Math.random().toString(36).slice(2, 10)}`,
      destinationCountry: "TH",
      placedAt: "2026-11-01T09:30:00+07:00",
      ...input,
    },
  });
  return result.data!.createOrder;
}

describe("marketplaces", () => {
  it("lists every registered marketplace with its sites and native order vocabulary", async () => {
    const { data } = await server.request(Marketplaces, {});
    expect(data?.marketplaces.map((m) => m.id)).toEqual(["amazon", "shopee", "tiktok-shop"]);
    const shopee = data?.marketplaces.find((m) => m.id === "shopee");
    expect(shopee?.sites.find((s) => s.code === "TW")).toEqual({
      code: "TW",
      country: "TW",
      locales: ["zh-Hant"],
      timeZone: "Asia/Taipei",
      currency: "TWD",
      weekend: [6, 7],
    });
    expect(shopee?.orderStates).toContainEqual({
      code: "TO_CONFIRM_RECEIVE",
      canonical: "DELIVERED",
    });
    const tiktok = data?.marketplaces.find((m) => m.id === "tiktok-shop");
    expect(tiktok?.orderStates).toContainEqual({
      code: "AWAITING_COLLECTION",
      canonical: "SHIPPED",
    });
  });

  it("opens a store on a site, and names the field of an unknown marketplace or site", async () => {
    const before = await server.database.db.store.count();
    const unknownMarketplace = await createStore("wish", "US");
    expect(unknownMarketplace.errors).toMatchObject([
      { code: "UNKNOWN_MARKETPLACE", field: "marketplace" },
    ]);
    expect(unknownMarketplace.errors[0]?.message).toContain("amazon, shopee, tiktok-shop");
    const unknownSite = await createStore("shopee", "US");
    expect(unknownSite.errors).toMatchObject([{ code: "UNKNOWN_SITE", field: "site" }]);
    expect(await server.database.db.store.count()).toBe(before);

    const created = await createStore("amazon", "jp", "Tokyo shop");
    expect(created.errors).toEqual([]);
    expect(created.store).toMatchObject({
      marketplace: { id: "amazon", name: "Amazon" },
      site: {
        code: "JP",
        locales: ["ja", "en", "zh-Hans"],
        timeZone: "Asia/Tokyo",
        currency: "JPY",
      },
    });
    expect((await createStore("amazon", "JP", "Tokyo shop")).errors[0]?.code).toBe("DUPLICATE");
  });
});

describe("orders in a marketplace's own vocabulary", () => {
  let shopeeTh = "";
  beforeAll(async () => {
    shopeeTh = (await createStore("shopee", "TH")).store!.id;
  });

  it("maps the native status through the store's plugin and words it in the buyer's language", async () => {
    const created = await createOrder(shopeeTh, {});
    expect(created.errors).toEqual([]);
    const { data } = await server.request(OrderStatus, { id: created.order!.id });
    expect(data?.node).toEqual({
      state: "READY_TO_SHIP",
      stateLabel: "ที่ต้องจัดส่ง",
      buyerLocale: "th",
      nativeStatus: { code: "READY_TO_SHIP", canonical: "READY_TO_SHIP", label: "ที่ต้องจัดส่ง" },
    });
    const english = await server.request(OrderStatus, { id: created.order!.id, locale: "en-SG" });
    expect(english.data?.node).toMatchObject({
      stateLabel: "To Ship",
      nativeStatus: { label: "To Ship" },
    });
  });

  it("refuses a native status the marketplace does not have, naming the allowed ones", async () => {
    const before = await server.database.db.order.count();
    const created = await createOrder(shopeeTh, { nativeStatus: "Unshipped" });
    expect(created.errors).toMatchObject([
      { code: "UNKNOWN_NATIVE_STATUS", field: "nativeStatus" },
    ]);
    expect(created.errors[0]?.message).toContain("READY_TO_SHIP");
    expect(await server.database.db.order.count()).toBe(before);
  });

  it("refuses a buyer locale that is not BCP 47 with a typed error", async () => {
    const created = await createOrder(shopeeTh, { buyerLocale: "thai please" });
    expect(created.errors).toMatchObject([{ code: "INVALID_LOCALE", field: "buyerLocale" }]);
  });

  it("follows the marketplace's transitions and refuses the rest, changing nothing", async () => {
    const amazonStore = globalId("Store", server.tenant.amazonStoreId);
    const order = (await createOrder(amazonStore, { nativeStatus: "Unshipped" })).order!;
    const move = (nativeStatus: string) =>
      server.request(UpdateOrderStatus, { input: { orderId: order.id, nativeStatus } });

    const shipped = await move("Shipped");
    expect(shipped.data?.updateOrderStatus).toMatchObject({
      order: { state: "SHIPPED", nativeStatus: { code: "Shipped", canonical: "SHIPPED" } },
      errors: [],
    });
    const back = await move("Pending");
    expect(back.data?.updateOrderStatus.errors).toMatchObject([
      { code: "TRANSITION_NOT_ALLOWED", field: "nativeStatus" },
    ]);
    expect(back.data?.updateOrderStatus.errors[0]?.message).toContain("Canceled");
    expect((await move("Delivered")).data?.updateOrderStatus.errors[0]?.code).toBe(
      "UNKNOWN_NATIVE_STATUS",
    );
    expect((await move("Canceled")).data?.updateOrderStatus.errors).toEqual([]);
    expect((await move("Unshipped")).data?.updateOrderStatus.errors[0]?.code).toBe(
      "TRANSITION_NOT_ALLOWED",
    );
    const { data } = await server.request(OrderStatus, { id: order.id });
    expect(data?.node).toMatchObject({ state: "CANCELLED", nativeStatus: { code: "Canceled" } });
  });

  it("moves an awaiting order to SHIPPED when a tracking number is confirmed, keeping the native status", async () => {
    const order = (await createOrder(shopeeTh, {})).order!;
    await server.request(ConfirmShipment, {
      input: { orderId: order.id, carrier: "ups", trackingNumber: "1Z5R89390357567127" },
    });
    const { data } = await server.request(OrderStatus, { id: order.id, locale: "en" });
    expect(data?.node).toMatchObject({
      state: "SHIPPED",
      stateLabel: "To Receive",
      nativeStatus: { code: "READY_TO_SHIP", canonical: "READY_TO_SHIP" },
    });
  });
});

describe("timeline language and wording", () => {
  let shipmentId = "";
  beforeAll(async () => {
    const shopeeTh = (await createStore("shopee", "TH", "Bangkok")).store!.id;
    const order = (await createOrder(shopeeTh, { buyerLocale: "ru" })).order!;
    const confirmed = await server.request(ConfirmShipment, {
      input: { orderId: order.id, carrier: "ups", trackingNumber: "1Z5R89390357567127" },
    });
    shipmentId = confirmed.data!.confirmShipment.shipment!.id;
    await server.request(RecordEvents, {
      input: {
        shipmentId,
        events: [{ occurredAt: "2026-11-05T08:00:00+07:00", status: "OUT_FOR_DELIVERY" }],
      },
    });
  });

  const describeIn = async (locale: string | null, headers: Record<string, string> = {}) => {
    const result = await server.request(
      Descriptions,
      { id: shipmentId, locale, milestone: "OUT_FOR_DELIVERY" },
      undefined,
      headers,
    );
    return result.data?.shipment?.timeline[0]?.description;
  };

  it("takes the argument first, then Accept-Language, then the buyer's locale, then the site's", async () => {
    expect(await describeIn("zh-HK")).toBe("配送中");
    expect(await describeIn(null, { "accept-language": "de-CH, en;q=0.5" })).toBe("In Zustellung");
    expect(await describeIn(null, { "accept-language": "xx, *;q=0.1" })).toBe("กำลังนำส่งพัสดุ");
    // CLDR's language distances: a Catalan reader is served Spanish, a Swahili reader English.
    expect(await describeIn("ca")).toBe("En reparto");
    expect(await describeIn("sw")).toBe("Parcel is out for delivery");
    // Russian is not written here and has no near language that is, so the Thai site's is used.
    expect(await describeIn(null)).toBe("กำลังนำส่งพัสดุ");
  });

  it("uses the marketplace's wording where its plugin has one", async () => {
    expect(await describeIn("en")).toBe("Parcel is out for delivery");
  });

  it("writes the buyer's milestone message in the marketplace's words", async () => {
    const result = await server.request(Descriptions, {
      id: shipmentId,
      locale: "en",
      milestone: "OUT_FOR_DELIVERY",
    });
    expect(result.data?.shipment?.buyerMessage).toMatch(
      /^Your order N-\w+ is out for delivery today with UPS\.$/,
    );
  });

  it("refuses a locale argument that is not BCP 47, naming the code", async () => {
    const result = await server.request(Descriptions, {
      id: shipmentId,
      locale: "en_US!",
      milestone: "DELIVERED",
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("INVALID_LOCALE");
    expect(result.errors?.[0]?.message).toContain("en_US!");
  });
});
