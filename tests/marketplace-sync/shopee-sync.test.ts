import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCredentials } from "../../src/domain/store-connections.ts";
import type { FakeShopee } from "../fakes/shopee-open-platform.ts";
import { startTestServer, type TestServer } from "../helpers/test-server.ts";
import { ConfirmForSync, ShipmentSync } from "./operations.ts";
import {
  chinaPostNumber,
  connectShopee,
  createShopeeOrder,
  SHOP_CREDENTIALS,
  SHOP_ID,
  startShopee,
} from "./shopee.ts";

const ORDER_SNS = Array.from({ length: 8 }, (_, i) => `241120SYNC${String(i).padStart(4, "0")}`);
const FAST_BACKOFF = { baseMs: 5, maxMs: 20, maxAttempts: 4, random: () => 0.5 };
const TOKEN_PATH = "/api/v2/auth/access_token/get";

let server: TestServer;
let fake: FakeShopee;
let storeId: string;
let nextOrder = 0;

beforeAll(async () => {
  fake = await startShopee(ORDER_SNS.map((orderSn) => ({ orderSn, shopId: SHOP_ID })));
  server = await startTestServer({ syncBackoff: FAST_BACKOFF });
  storeId = await connectShopee(server, fake);
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

/** A new order of the fake's and a China Post shipment confirmed for it; the sync is left to run. */
async function confirmNew() {
  const orderSn = ORDER_SNS[nextOrder++]!;
  const orderId = await createShopeeOrder(server, storeId, orderSn);
  const trackingNumber = chinaPostNumber();
  const confirmed = await server.request(ConfirmForSync, {
    input: { orderId, carrier: "china-post", trackingNumber },
  });
  const shipment = confirmed.data?.confirmShipment.shipment;
  if (!shipment) throw new Error(JSON.stringify(confirmed));
  return { orderSn, trackingNumber, shipmentId: shipment.id };
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

describe("pushing tracking to Shopee", () => {
  it("ships the order once with the number, through ship_order", async () => {
    const { orderSn, trackingNumber, shipmentId } = await confirmNew();
    const sync = await syncOf(shipmentId);
    expect(sync).toMatchObject({ state: "CONFIRMED", attempts: 1, lastError: null });
    expect(sync.confirmedAt).not.toBeNull();
    expect(fake.applied.get(orderSn)).toEqual({ trackingNumber, count: 1 });
    expect(fake.order(orderSn).status).toBe("PROCESSED");
  });

  it("refreshes an expired access token, saves the rotated tokens, and pushes with them", async () => {
    const before = await storeRow();
    fake.expireAccessToken(SHOP_ID);
    const first = await confirmNew();
    expect(await syncOf(first.shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
    expect(fake.applied.get(first.orderSn)?.count).toBe(1);

    // Shopee spent the old refresh token: only the saved pair works from now on.
    const held = fake.shop(SHOP_ID);
    expect(held.refreshToken).not.toBe(SHOP_CREDENTIALS.refreshToken);
    const after = await storeRow();
    expect(after.credentials).not.toBe(before.credentials);
    expect(openCredentials(after, server.secretBox)).toEqual({
      ...SHOP_CREDENTIALS,
      accessToken: held.accessToken,
      refreshToken: held.refreshToken,
    });

    const refreshes = () => fake.requests.filter((r) => r.path === TOKEN_PATH).length;
    const refreshed = refreshes();
    const second = await confirmNew();
    expect(await syncOf(second.shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
    const shipCall = fake.requests.findLast((r) => r.path === "/api/v2/logistics/ship_order");
    expect(shipCall?.query.get("access_token")).toBe(held.accessToken);
    expect(refreshes()).toBe(refreshed);
  });

  it("fails a cancelled order with Shopee's message, and sends nothing", async () => {
    fake.order(ORDER_SNS[nextOrder]!).status = "CANCELLED";
    const { orderSn, shipmentId } = await confirmNew();
    const sync = await syncOf(shipmentId);
    expect(sync).toMatchObject({
      state: "FAILED",
      attempts: 1,
      lastErrorCode: "error_status",
      lastError: "The order has been cancelled.",
    });
    expect(fake.applied.get(orderSn)).toBeUndefined();
  });

  it("backs off when rate limited and lands once", async () => {
    fake.failNext(1, "rate-limit");
    const { orderSn, shipmentId } = await confirmNew();
    const sync = await syncOf(shipmentId);
    expect(sync).toMatchObject({ state: "CONFIRMED", attempts: 2, lastError: null });
    expect(fake.applied.get(orderSn)?.count).toBe(1);
  });
});
