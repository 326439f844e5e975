import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCredentials } from "../../src/domain/store-connections.ts";
import { type FakeTikTokShopApi, startFakeTikTokShop } from "../fakes/tiktok-shop-api.ts";
import { uniqueUpsNumber } from "../helpers/factories.ts";
import { CreateOrder } from "../helpers/operations.ts";
import { startTestServer, type TestServer } from "../helpers/test-server.ts";
import { ConfirmForSync, ConnectStore, ShipmentSync } from "./operations.ts";

/** The test server's clock: the fake checks request timestamps against the same one. */
const NOW = new Date("2026-11-20T12:00:00Z");
const APP_KEY = "6a1b2c3d4e5f6";
const APP_SECRET = "f4c770e4b45aa62e";
const CIPHER = "ROW_fake_cipher_US1";
const SHOP = {
  appKey: APP_KEY,
  appSecret: APP_SECRET,
  shopCipher: CIPHER,
  accessToken: "TTP_access_0",
  refreshToken: "TTP_refresh_0",
};
const DELIVERY_OPTION = "7091146663229654785";
const UPS = { id: "7117859084333745966", name: "UPS" };
const ORDER_IDS = Array.from({ length: 8 }, (_, i) => `5764614130387857${10 + i}`);
const FAST_BACKOFF = { baseMs: 5, maxMs: 20, maxAttempts: 4, random: () => 0.5 };
const TOKEN_PATH = "/api/v2/token/refresh";

let server: TestServer;
let fake: FakeTikTokShopApi;
let storeId: string;
let nextOrder = 0;

beforeAll(async () => {
  fake = await startFakeTikTokShop({
    apps: { [APP_KEY]: APP_SECRET },
    shops: [
      {
        cipher: CIPHER,
        appKey: APP_KEY,
        accessToken: "TTP_access_0",
        refreshToken: "TTP_refresh_0",
      },
    ],
    orders: ORDER_IDS.map((id, i) => ({
      id,
      shopCipher: CIPHER,
      packages: [{ id: `11523211272787131${10 + i}`, deliveryOptionId: DELIVERY_OPTION }],
    })),
    shippingProviders: { [DELIVERY_OPTION]: [{ id: "7117858858072016686", name: "USPS" }, UPS] },
    now: () => NOW,
  });
  server = await startTestServer({ syncBackoff: FAST_BACKOFF });
  const connected = await server.request(ConnectStore, {
    input: {
      marketplace: "tiktok-shop",
      site: "US",
      name: "TikTok Shop US (API)",
      credentials: { tiktokShop: SHOP },
      apiBaseUrl: fake.url,
      tokenUrl: `${fake.url}${TOKEN_PATH}`,
    },
  });
  expect(connected.data?.connectStore.errors).toEqual([]);
  storeId = connected.data!.connectStore.store!.id;
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

/** A new order of the fake's and a UPS shipment confirmed for it; the sync is left to run. */
async function confirmNew() {
  const orderId = ORDER_IDS[nextOrder++]!;
  const created = await server.request(CreateOrder, {
    input: {
      storeId,
      nativeOrderId: orderId,
      destinationCountry: "US",
      placedAt: "2026-11-18T10:00:00-08:00",
      items: [{ nativeItemId: "1729582718312380123", title: "Phone case", quantity: 1 }],
    },
  });
  const order = created.data?.createOrder.order;
  if (!order) throw new Error(JSON.stringify(created));
  const trackingNumber = uniqueUpsNumber();
  const confirmed = await server.request(ConfirmForSync, {
    input: { orderId: order.id, carrier: "ups", trackingNumber },
  });
  const shipment = confirmed.data?.confirmShipment.shipment;
  if (!shipment) throw new Error(JSON.stringify(confirmed));
  return { orderId, trackingNumber, shipmentId: shipment.id };
}

async function syncOf(shipmentId: string) {
  await server.drainJobs();
  const result = await server.request(ShipmentSync, { id: shipmentId });
  return result.data!.shipment!.marketplaceSync;
}

const storeRow = () =>
  server.database.db.store.findUniqueOrThrow({
    where: { id: Buffer.from(storeId, "base64").toString().split(":")[1]! },
  });

describe("pushing tracking to TikTok Shop", () => {
  it("ships the order's package once with the number and the option's provider", async () => {
    const { orderId, trackingNumber, shipmentId } = await confirmNew();
    const sync = await syncOf(shipmentId);
    expect(sync).toMatchObject({ state: "CONFIRMED", attempts: 1, lastError: null });
    expect(fake.applied.get(orderId)).toEqual({
      packageId: fake.order(orderId).packages[0]!.id,
      trackingNumber,
      shippingProviderId: UPS.id,
      count: 1,
    });
  });

  it("refreshes an expired access token, saves the rotated tokens, and pushes with them", async () => {
    const before = await storeRow();
    fake.expireAccessToken(CIPHER);
    const first = await confirmNew();
    expect(await syncOf(first.shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
    expect(fake.applied.get(first.orderId)?.count).toBe(1);

    const held = fake.shop(CIPHER);
    expect(held.refreshToken).not.toBe(SHOP.refreshToken);
    const after = await storeRow();
    expect(after.credentials).not.toBe(before.credentials);
    expect(openCredentials(after, server.secretBox)).toEqual({
      ...SHOP,
      accessToken: held.accessToken,
      refreshToken: held.refreshToken,
    });

    const refreshes = () => fake.requests.filter((r) => r.path === TOKEN_PATH).length;
    const refreshed = refreshes();
    const second = await confirmNew();
    expect(await syncOf(second.shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
    const shipCall = fake.requests.findLast((r) => r.path.endsWith("/ship"));
    expect(shipCall?.headers["x-tts-access-token"]).toBe(held.accessToken);
    expect(refreshes()).toBe(refreshed);
  });

  it("fails a cancelled order with TikTok Shop's message, and ships nothing", async () => {
    fake.order(ORDER_IDS[nextOrder]!).status = "CANCELLED";
    const { orderId, shipmentId } = await confirmNew();
    const sync = await syncOf(shipmentId);
    expect(sync).toMatchObject({
      state: "FAILED",
      attempts: 1,
      lastError: "The order has been cancelled and cannot be shipped.",
    });
    expect(fake.applied.get(orderId)).toBeUndefined();
  });

  it("backs off when rate limited and lands once", async () => {
    fake.failNext(1, "rate-limit");
    const { orderId, shipmentId } = await confirmNew();
    const sync = await syncOf(shipmentId);
    expect(sync).toMatchObject({ state: "CONFIRMED", attempts: 2, lastError: null });
    expect(fake.applied.get(orderId)?.count).toBe(1);
  });
});
