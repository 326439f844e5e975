import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAmazon, startFakeAmazon } from "../fakes/amazon-sp-api.ts";
import { SELLER } from "../helpers/amazon-client.ts";
import { buildOrder, globalId, uniqueUpsNumber } from "../helpers/factories.ts";
import { RecordEvents } from "../helpers/operations.ts";
import { startTestServer, type TestServer } from "../helpers/test-server.ts";
import {
  ConfirmForSync,
  ConnectStore,
  CorrectShipmentTracking,
  RetryMarketplaceSync,
  SetStoreSyncPolicy,
  ShipmentSync,
  UpdateStoreCredentials,
} from "./operations.ts";

const ORDER_IDS = Array.from(
  { length: 12 },
  (_, i) => `114-5550000-00000${String(i).padStart(2, "0")}`,
);
const FAST_BACKOFF = { baseMs: 5, maxMs: 20, maxAttempts: 4, random: () => 0.5 };

let server: TestServer;
let fake: FakeAmazon;
let storeId: string;
let nextOrder = 0;

beforeAll(async () => {
  fake = await startFakeAmazon({
    sellers: [SELLER],
    orders: ORDER_IDS.map((orderId) => ({
      orderId,
      marketplaceId: "ATVPDKIKX0DER",
      items: [{ orderItemId: "A1", quantity: 1 }],
    })),
  });
  server = await startTestServer({ syncBackoff: FAST_BACKOFF });
  const connected = await server.request(ConnectStore, {
    input: {
      marketplace: "amazon",
      site: "US",
      name: "Amazon US (API)",
      credentials: { amazon: SELLER },
      apiBaseUrl: fake.url,
      tokenUrl: fake.tokenUrl,
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
async function confirmNew(): Promise<{
  orderId: string;
  nativeOrderId: string;
  shipmentId: string;
}> {
  const nativeOrderId = ORDER_IDS[nextOrder++]!;
  const orderId = await buildOrder(server, { storeId, nativeOrderId });
  const confirmed = await server.request(ConfirmForSync, {
    input: { orderId, carrier: "ups", trackingNumber: uniqueUpsNumber() },
  });
  const shipment = confirmed.data?.confirmShipment.shipment;
  if (!shipment) throw new Error(JSON.stringify(confirmed));
  return { orderId, nativeOrderId, shipmentId: shipment.id };
}

async function syncOf(shipmentId: string) {
  await server.drainJobs();
  const result = await server.request(ShipmentSync, { id: shipmentId });
  return result.data!.shipment!.marketplaceSync;
}

describe("connecting an Amazon store", () => {
  it("keeps the credentials sealed and shows only which are set", async () => {
    const result = await server.request(ConnectStore, {
      input: {
        marketplace: "amazon",
        site: "US",
        name: "second",
        credentials: { amazon: SELLER },
        apiBaseUrl: fake.url,
        tokenUrl: fake.tokenUrl,
      },
    });
    const store = result.data!.connectStore.store!;
    expect(store.credentials?.names).toEqual([
      "sellingPartnerId",
      "lwaClientId",
      "lwaClientSecret",
      "refreshToken",
    ]);
    expect(store.accountId).toBe(SELLER.sellingPartnerId);
    expect(JSON.stringify(result)).not.toContain(SELLER.lwaClientSecret);
    const row = await server.database.db.store.findFirstOrThrow({ where: { name: "second" } });
    expect(row.credentials).toMatch(/^v1:/);
    expect(row.credentials).not.toContain(SELLER.refreshToken);
  });

  it("refuses credentials Amazon refuses, naming the field, and stores nothing", async () => {
    const result = await server.request(ConnectStore, {
      input: {
        marketplace: "amazon",
        site: "US",
        name: "revoked",
        credentials: { amazon: { ...SELLER, refreshToken: "Atzr|revoked" } },
        apiBaseUrl: fake.url,
        tokenUrl: fake.tokenUrl,
      },
    });
    expect(result.data?.connectStore.store).toBeNull();
    expect(result.data?.connectStore.errors).toMatchObject([
      { code: "INVALID_CREDENTIALS", field: "credentials.amazon.refreshToken" },
    ]);
    expect(await server.database.db.store.count({ where: { name: "revoked" } })).toBe(0);
  });

  it("refuses another marketplace's credentials and a malformed URL", async () => {
    const result = await server.request(ConnectStore, {
      input: {
        marketplace: "amazon",
        site: "US",
        name: "mixed up",
        credentials: {
          shopee: {
            partnerId: "1",
            partnerKey: "k",
            shopId: "2",
            accessToken: "a",
            refreshToken: "r",
          },
        },
        apiBaseUrl: "not a url",
      },
    });
    expect(result.data?.connectStore.errors.map((e) => [e.code, e.field])).toEqual(
      expect.arrayContaining([
        ["CREDENTIALS_MISMATCH", "credentials"],
        ["INVALID_URL", "apiBaseUrl"],
      ]),
    );
  });
});

describe("pushing tracking to Amazon", () => {
  it("confirms a shipment once, with Amazon's body, and records the attempt", async () => {
    const { nativeOrderId, shipmentId } = await confirmNew();
    const sync = await syncOf(shipmentId);
    expect(sync).toMatchObject({
      state: "CONFIRMED",
      attempts: 1,
      lastError: null,
      packageReference: 1,
    });
    expect(sync.confirmedAt).not.toBeNull();
    const applied = fake.applied(nativeOrderId, "1");
    expect(applied).toMatchObject({ carrierCode: "UPS", applied: 1, repeats: 0 });
    expect(applied?.orderItems).toEqual([{ orderItemId: "A1", quantity: 1 }]);
  });

  it("shows a fatal refusal with Amazon's message and pushes again after the seller's retry", async () => {
    const nativeOrderId = ORDER_IDS[nextOrder]!;
    fake.setOrderStatus(nativeOrderId, "Canceled");
    const { shipmentId } = await confirmNew();
    const failed = await syncOf(shipmentId);
    expect(failed).toMatchObject({ state: "FAILED", attempts: 1, lastErrorCode: "InvalidInput" });
    expect(failed.lastError).toMatch(/cancel/i);
    const risks = await server.request(ShipmentSync, { id: shipmentId });
    expect(risks.data?.shipment?.risks.map((risk) => risk.code)).toContain("SYNC_FAILED");
    expect(fake.applied(nativeOrderId, "1")).toBeUndefined();

    fake.setOrderStatus(nativeOrderId, "Unshipped");
    const retried = await server.request(RetryMarketplaceSync, { shipmentId });
    expect(retried.data?.retryMarketplaceSync.errors).toEqual([]);
    expect(await syncOf(shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
    expect(fake.applied(nativeOrderId, "1")?.applied).toBe(1);
  });

  it("backs off on 503 and 429 and lands once the API answers", async () => {
    fake.failNext(1, 503);
    fake.failNext(1, 429, { retryAfterSeconds: 0 });
    const { nativeOrderId, shipmentId } = await confirmNew();
    expect(await syncOf(shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 3 });
    expect(fake.applied(nativeOrderId, "1")).toMatchObject({ applied: 1, repeats: 0 });
  });

  it("gives up after the last attempt with the reason, and never forgets the shipment", async () => {
    fake.failNext(FAST_BACKOFF.maxAttempts, 500);
    const { shipmentId } = await confirmNew();
    const sync = await syncOf(shipmentId);
    expect(sync).toMatchObject({ state: "FAILED", attempts: FAST_BACKOFF.maxAttempts });
    expect(sync.lastError).toMatch(/^gave up after 4 attempts/);
    const retried = await server.request(RetryMarketplaceSync, { shipmentId });
    expect(retried.data?.retryMarketplaceSync.errors).toEqual([]);
    expect(await syncOf(shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
  });

  it("refuses a retry of a confirmed push", async () => {
    const { shipmentId } = await confirmNew();
    await syncOf(shipmentId);
    const retried = await server.request(RetryMarketplaceSync, { shipmentId });
    expect(retried.data?.retryMarketplaceSync.errors).toMatchObject([
      { code: "SYNC_ALREADY_CONFIRMED", field: "shipmentId" },
    ]);
  });
});

describe("correcting tracking", () => {
  it("pushes the corrected number again under the same package until delivery, then refuses", async () => {
    const { nativeOrderId, shipmentId } = await confirmNew();
    await syncOf(shipmentId);
    const corrected = uniqueUpsNumber();
    const result = await server.request(CorrectShipmentTracking, {
      input: { shipmentId, trackingNumber: corrected },
    });
    expect(result.data?.correctShipmentTracking.errors).toEqual([]);
    expect(await syncOf(shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
    const applied = fake.applied(nativeOrderId, "1");
    expect(applied).toMatchObject({ trackingNumber: corrected, applied: 2 });

    await server.request(RecordEvents, {
      input: {
        shipmentId,
        events: [
          {
            occurredAt: "2026-11-05T10:00:00-05:00",
            status: "DELIVERED",
            rawCode: "KB",
            rawDescription: "Delivered",
            location: { city: "Austin", countryCode: "US" },
          },
        ],
      },
    });
    const late = await server.request(CorrectShipmentTracking, {
      input: { shipmentId, trackingNumber: uniqueUpsNumber() },
    });
    expect(late.data?.correctShipmentTracking.errors).toMatchObject([
      { code: "CORRECTION_AFTER_DELIVERY", field: "shipmentId" },
    ]);
  });
});

describe("store policies and credentials", () => {
  it("holds the push until the first physical scan when the store asks for it", async () => {
    await server.request(SetStoreSyncPolicy, { storeId, syncPolicy: "CONFIRM_ON_FIRST_SCAN" });
    try {
      const { nativeOrderId, shipmentId } = await confirmNew();
      expect(await syncOf(shipmentId)).toMatchObject({ state: "WAITING_FOR_SCAN", attempts: 0 });
      expect(fake.applied(nativeOrderId, "1")).toBeUndefined();
      await server.request(RecordEvents, {
        input: {
          shipmentId,
          events: [
            {
              occurredAt: "2026-11-03T18:00:00-05:00",
              status: "IN_TRANSIT",
              substatus: "PICKED_UP",
              rawCode: "PU",
              rawDescription: "Pickup scan",
              location: { city: "Louisville", countryCode: "US" },
            },
          ],
        },
      });
      expect(await syncOf(shipmentId)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
      expect(fake.applied(nativeOrderId, "1")?.applied).toBe(1);
    } finally {
      await server.request(SetStoreSyncPolicy, { storeId, syncPolicy: "CONFIRM_AT_ONCE" });
    }
  });

  it("waits for credentials on a store without them, then pushes what waited", async () => {
    const bare = globalId("Store", server.tenant.amazonStoreId);
    await server.request(SetStoreSyncPolicy, { storeId: bare, syncPolicy: "CONFIRM_AT_ONCE" });
    const nativeOrderId = ORDER_IDS[nextOrder++]!;
    const orderId = await buildOrder(server, { storeId: bare, nativeOrderId });
    const confirmed = await server.request(ConfirmForSync, {
      input: { orderId, carrier: "ups", trackingNumber: uniqueUpsNumber() },
    });
    const { shipment, warnings } = confirmed.data!.confirmShipment;
    expect(warnings).toMatchObject([{ code: "MISSING_CREDENTIALS" }]);
    expect(await syncOf(shipment!.id)).toMatchObject({
      state: "FAILED",
      lastErrorCode: "MISSING_CREDENTIALS",
    });

    const updated = await server.request(UpdateStoreCredentials, {
      input: {
        storeId: bare,
        credentials: { amazon: SELLER },
        apiBaseUrl: fake.url,
        tokenUrl: fake.tokenUrl,
      },
    });
    expect(updated.data?.updateStoreCredentials.errors).toEqual([]);
    expect(await syncOf(shipment!.id)).toMatchObject({ state: "CONFIRMED", attempts: 1 });
    expect(fake.applied(nativeOrderId, "1")?.applied).toBe(1);
  });
});

describe("what is not pushed", () => {
  it("needs no push for a MANUAL store, and says a retry has nothing to do", async () => {
    const manual = globalId("Store", server.tenant.amazonStoreId);
    await server.request(SetStoreSyncPolicy, { storeId: manual, syncPolicy: "MANUAL" });
    const orderId = await buildOrder(server, { storeId: manual });
    const confirmed = await server.request(ConfirmForSync, {
      input: { orderId, carrier: "ups", trackingNumber: uniqueUpsNumber() },
    });
    const shipment = confirmed.data!.confirmShipment.shipment!;
    expect(shipment.marketplaceSync.state).toBe("NOT_REQUIRED");
    const retried = await server.request(RetryMarketplaceSync, { shipmentId: shipment.id });
    expect(retried.data?.retryMarketplaceSync.errors).toMatchObject([
      { code: "SYNC_NOT_REQUIRED" },
    ]);
  });

  it("warns when Amazon does not list the carrier, and still pushes it by name", async () => {
    const nativeOrderId = ORDER_IDS[nextOrder++]!;
    const orderId = await buildOrder(server, { storeId, nativeOrderId });
    const confirmed = await server.request(ConfirmForSync, {
      input: { orderId, carrier: "cainiao", trackingNumber: "LP00123456789012", force: true },
    });
    const { shipment, warnings } = confirmed.data!.confirmShipment;
    expect(warnings).toMatchObject([{ code: "UNSUPPORTED_CARRIER", field: "carrier" }]);
    expect(await syncOf(shipment!.id)).toMatchObject({ state: "CONFIRMED" });
    expect(fake.applied(nativeOrderId, "1")).toMatchObject({
      carrierCode: "Other",
      carrierName: "Cainiao",
    });
  });
});
