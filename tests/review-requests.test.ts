import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAmazon, startFakeAmazon } from "./fakes/amazon-sp-api.ts";
import { graphql } from "./generated/index.ts";
import { SELLER, US } from "./helpers/amazon-client.ts";
import { globalId, uniqueUpsNumber } from "./helpers/factories.ts";
import { buildParcel, SetPreferences, SetRules, scan } from "./helpers/notifications.ts";
import { ConfirmShipment } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const clock = new Date("2026-11-20T19:00:00Z");
const deliveredAt = new Date("2026-11-20T18:00:00Z");
let server: TestServer;
let amazon: FakeAmazon;
let storeId: string;
const orderIds = ["114-5000000-0000001", "114-5000000-0000002", "114-5000000-0000003"];

const ReviewRequest = graphql(`
  query ReviewRequest($id: ID!) {
    node(id: $id) {
      ... on Order {
        reviewRequest { state reason detail scheduledFor sentAt attempts }
      }
    }
  }
`);

beforeAll(async () => {
  amazon = await startFakeAmazon({
    sellers: [SELLER],
    orders: orderIds.map((orderId) => ({ orderId, marketplaceId: US.apiId })),
  });
  server = await startTestServer({ now: () => clock });
  const { sellingPartnerId, lwaClientId, lwaClientSecret, refreshToken } = SELLER;
  const credentials = { sellingPartnerId, lwaClientId, lwaClientSecret, refreshToken };
  const store = await server.database.db.store.create({
    data: {
      tenantId: server.tenant.tenantId,
      marketplace: "amazon",
      site: "US",
      name: "Connected",
      syncPolicy: "MANUAL",
      credentials: server.secretBox.seal(JSON.stringify(credentials)),
      credentialNames: Object.keys(credentials),
      credentialsUpdatedAt: clock,
      apiBaseUrl: amazon.url,
      tokenUrl: amazon.tokenUrl,
    },
  });
  storeId = globalId("Store", store.id);
});
afterAll(async () => {
  await server.close();
  await amazon.close();
});

const reviewOf = async (orderId: string) => {
  const result = await server.request(ReviewRequest, { id: orderId });
  const node = result.data?.node as { reviewRequest?: Record<string, unknown> | null } | null;
  if (!node) throw new Error(`no order: ${JSON.stringify(result)}`);
  return node.reviewRequest;
};

describe("Amazon review requests (Solicitations)", () => {
  it("take 5 to 30 days, and work with buyer messages off", async () => {
    const tooSoon = await server.request(SetRules, {
      input: { storeId, enabled: false, reviewRequestAfterDays: 3 },
    });
    expect(tooSoon.data?.setStoreNotificationRules.errors[0]?.field).toBe("reviewRequestAfterDays");
    const set = await server.request(SetRules, {
      input: { storeId, enabled: false, reviewRequestAfterDays: 5 },
    });
    expect(set.data?.setStoreNotificationRules.notificationRules).toMatchObject({
      enabled: false,
    });
  });

  it("asks Amazon once per order, 5 days after delivery, even when a second parcel is delivered", async () => {
    const parcel = await buildParcel(server, {}, storeId, orderIds[0]);
    await scan(server, parcel.shipmentId, deliveredAt, "DELIVERED");
    const scheduledFor = "2026-11-25T18:00:00.000Z";
    // The clock is before the real date: the job's start_after has passed and it ran.
    expect(await reviewOf(parcel.orderId)).toEqual({
      state: "SENT",
      reason: null,
      detail: null,
      scheduledFor,
      sentAt: clock.toISOString(),
      attempts: 1,
    });
    const jobs = await server.database.db.$queryRawUnsafe<{ start_after: Date }[]>(
      `SELECT start_after FROM ${server.database.handle.jobSchema}.job
       WHERE name = 'review-request' AND data->>'orderId' = $1`,
      (await server.database.db.order.findFirstOrThrow({ where: { nativeOrderId: orderIds[0] } }))
        .id,
    );
    expect(jobs.map((job) => job.start_after.toISOString())).toEqual([scheduledFor]);
    expect(amazon.solicitedOrders()).toEqual([orderIds[0]]);

    const second = await server.request(ConfirmShipment, {
      input: {
        orderId: parcel.orderId,
        carrier: "ups",
        trackingNumber: uniqueUpsNumber(),
        shipDate: "2026-11-02T10:00:00-08:00",
      },
    });
    const secondId = second.data?.confirmShipment.shipment?.id;
    await scan(server, secondId!, deliveredAt, "DELIVERED");
    expect(amazon.solicitedOrders()).toEqual([orderIds[0]]);
  });

  it("asks nothing for a buyer who opted out, and logs Amazon's refusal", async () => {
    const optedOut = await buildParcel(server, {}, storeId, orderIds[1]);
    await server.request(SetPreferences, { input: { orderId: optedOut.orderId, optedOut: true } });
    await scan(server, optedOut.shipmentId, deliveredAt, "DELIVERED");
    expect(await reviewOf(optedOut.orderId)).toMatchObject({
      state: "SKIPPED",
      reason: "OPTED_OUT",
    });

    amazon.failNext(1, 400);
    const refused = await buildParcel(server, {}, storeId, orderIds[2]);
    await scan(server, refused.shipmentId, deliveredAt, "DELIVERED");
    expect(await reviewOf(refused.orderId)).toMatchObject({
      state: "FAILED",
      reason: "SEND_FAILED",
      detail: "InvalidInput: Invalid input.",
    });
    expect(amazon.solicitedOrders()).toEqual([orderIds[0]]);
  });
});
