import { afterAll, beforeAll, expect, it } from "vitest";
import { type FakeAmazon, startFakeAmazon } from "../fakes/amazon-sp-api.ts";
import { SELLER } from "../helpers/amazon-client.ts";
import { buildOrder, uniqueUpsNumber } from "../helpers/factories.ts";
import { startTestServer, type TestServer } from "../helpers/test-server.ts";
import { ConfirmForSync, ConnectStore, ShipmentSync } from "./operations.ts";

// The app's clock and pg-boss's (the database's) agree here, so a back-off really waits: the
// other sync tests run on a fixed past clock, where every next attempt is already due.
let server: TestServer;
let fake: FakeAmazon;

beforeAll(async () => {
  fake = await startFakeAmazon({ sellers: [SELLER], orders: [{ orderId: "114-7770000-0000001" }] });
  server = await startTestServer({
    now: () => new Date(),
    syncBackoff: { baseMs: 60_000, maxMs: 3_600_000, maxAttempts: 12, random: () => 0.5 },
  });
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

it("waits out the back-off before the next attempt, and says when it will be", async () => {
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
  const storeId = connected.data!.connectStore.store!.id;
  const orderId = await buildOrder(server, {
    storeId,
    nativeOrderId: "114-7770000-0000001",
    placedAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  fake.failNext(1, 503);
  // The attempt runs somewhere between these two instants (the job may start before the
  // confirmation's answer arrives): bounds from both keep the check right on a loaded machine.
  const before = Date.now();
  const confirmed = await server.request(ConfirmForSync, {
    input: { orderId, carrier: "ups", trackingNumber: uniqueUpsNumber() },
  });
  await server.drainJobs();
  const after = Date.now();
  const sync = (
    await server.request(ShipmentSync, { id: confirmed.data!.confirmShipment.shipment!.id })
  ).data!.shipment!.marketplaceSync;
  expect(sync).toMatchObject({ state: "PENDING", attempts: 1, lastErrorCode: expect.any(String) });
  // 60 s base, equal jitter pinned at the middle: 45 s after the failed attempt.
  const next = new Date(sync.nextAttemptAt!).getTime();
  expect(next).toBeGreaterThanOrEqual(before + 45_000);
  expect(next).toBeLessThanOrEqual(after + 45_000);
  expect(fake.appliedPackages()).toEqual([]);
});
