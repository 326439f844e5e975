import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetricWindow } from "./generated/graphql.ts";
import { graphql } from "./generated/index.ts";
import { marketplacesWithCarrierList } from "./helpers/carrier-lists.ts";
import { globalId } from "./helpers/factories.ts";
import { buildSellerOrder, buildStore, type OrderFacts } from "./helpers/seller-data.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

// The test server's clock: 2026-11-20T12:00:00Z. DAYS_7 is (2026-11-13T12:00Z, now].
const SINCE_7 = "2026-11-13T12:00:00.000Z";
const JUST_AFTER_SINCE_7 = "2026-11-13T12:00:00.001Z";
const NOW = "2026-11-20T12:00:00.000Z";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ marketplaces: marketplacesWithCarrierList() });
});
afterAll(() => server.close());

const SellerMetricsQuery = graphql(`
  query SellerMetrics($storeId: ID!, $window: MetricWindow!) {
    sellerMetrics(storeId: $storeId, window: $window) {
      window since until
      validTrackingRate { ...MetricFields }
      lateShipmentRate { ...MetricFields }
      onTimeDeliveryRate { ...MetricFields }
      preFulfillmentCancelRate { ...MetricFields }
    }
  }
  fragment MetricFields on SellerMetric {
    rate numerator denominator target targetComparison healthy
    offendingOrders { id nativeOrderId }
  }
`);

/** A fresh store of the main tenant holding exactly these orders. */
async function storeWith(orders: OrderFacts[], marketplace = "amazon", site = "US") {
  const { tenantId } = server.tenant;
  const storeId = await buildStore(server.database.db, tenantId, marketplace, site);
  const built = [];
  for (const order of orders)
    built.push(await buildSellerOrder(server.database.db, { tenantId, storeId }, order));
  return {
    storeId: globalId("Store", storeId),
    rawStoreId: storeId,
    orderIds: built.map((order) => globalId("Order", order.orderId)),
  };
}

async function metrics(storeId: string, window: MetricWindow = "DAYS_7") {
  const result = await server.request(SellerMetricsQuery, { storeId, window });
  expect(result.errors).toBeUndefined();
  const answer = result.data?.sellerMetrics;
  if (!answer) throw new Error("no metrics");
  return answer;
}

const counts = (metric: { rate: number | null; numerator: number; denominator: number }) => ({
  rate: metric.rate,
  numerator: metric.numerator,
  denominator: metric.denominator,
});

describe("validTrackingRate", () => {
  it("counts ship-confirmed packages with a scan, by the declared and a listed carrier, confirmed before delivery", async () => {
    const confirmed = (at: string, more = {}) => ({
      shipments: [{ syncConfirmedAt: at, ...more }],
    });
    const scanned = { firstScanAt: "2026-11-18T08:00:00Z" };
    const { storeId, orderIds } = await storeWith([
      confirmed("2026-11-15T10:00:00Z", { ...scanned, deliveredAt: "2026-11-19T10:00:00Z" }), // valid
      confirmed("2026-11-16T10:00:00Z"), // no scan
      confirmed("2026-11-17T10:00:00Z", {
        ...scanned,
        carrier: "dhl",
        trackingNumber: "1234567806",
      }), // not on the list
      confirmed("2026-11-18T10:00:00Z", {
        firstScanAt: "2026-11-14T10:00:00Z",
        deliveredAt: "2026-11-17T10:00:00Z",
      }), // after delivery
      confirmed("2026-11-14T10:00:00Z", { ...scanned, firstScanBy: "usps" }), // another carrier scanned first
      // Confirmed outside trackline: counted from when the number was attached.
      { shipments: [{ syncState: "NOT_REQUIRED", createdAt: "2026-11-19T10:00:00Z", ...scanned }] },
      { shipments: [{ syncState: "PENDING", createdAt: "2026-11-19T10:00:00Z" }] }, // not confirmed: not counted
      {
        shipments: [
          { syncState: "FAILED", createdAt: "2026-11-18T10:00:00Z", syncErrorCode: "InvalidInput" },
        ],
      },
      confirmed(SINCE_7), // window edge: out of DAYS_7, no scan
      confirmed(JUST_AFTER_SINCE_7, scanned), // in, valid
      confirmed(NOW, scanned), // in, valid
      confirmed("2026-11-01T10:00:00Z"), // DAYS_30 only, no scan
    ]);

    const week = await metrics(storeId);
    expect(counts(week.validTrackingRate)).toEqual({ rate: 4 / 8, numerator: 4, denominator: 8 });
    expect(week.validTrackingRate).toMatchObject({
      target: 0.95,
      targetComparison: "AT_LEAST",
      healthy: false,
    });
    // Newest first: the order confirmed after delivery, then dhl, no scan, hand-off.
    expect(week.validTrackingRate.offendingOrders.map((order) => order.id)).toEqual([
      orderIds[3],
      orderIds[2],
      orderIds[1],
      orderIds[4],
    ]);

    const month = await metrics(storeId, "DAYS_30");
    expect(counts(month.validTrackingRate)).toEqual({
      rate: 4 / 10,
      numerator: 4,
      denominator: 10,
    });
  });

  it("does not ask Shopee parcels for a scan", async () => {
    const { storeId } = await storeWith(
      [{ shipments: [{ syncConfirmedAt: "2026-11-15T10:00:00Z" }] }],
      "shopee",
      "SG",
    );
    const week = await metrics(storeId);
    expect(counts(week.validTrackingRate)).toEqual({ rate: 1, numerator: 1, denominator: 1 });
    expect(week.validTrackingRate.healthy).toBe(true);
  });
});

describe("lateShipmentRate", () => {
  it("counts orders due in the window confirmed after their ship-by date or not at all", async () => {
    const { storeId, orderIds } = await storeWith([
      {
        shipByDate: "2026-11-15T00:00:00Z",
        shipments: [{ syncConfirmedAt: "2026-11-14T10:00:00Z" }],
      }, // on time
      {
        shipByDate: "2026-11-15T00:00:00Z",
        shipments: [{ syncConfirmedAt: "2026-11-16T10:00:00Z" }],
      }, // late
      { shipByDate: "2026-11-18T00:00:00Z" }, // never shipped: late
      { shipByDate: "2026-11-19T00:00:00Z", shipments: [{ syncState: "PENDING" }] }, // not confirmed: late
      { shipByDate: NOW }, // due right now: not late yet
      { shipByDate: SINCE_7, shipments: [{ syncConfirmedAt: "2026-11-16T10:00:00Z" }] }, // edge: out
      { shipByDate: "2026-11-16T00:00:00Z", cancelledAt: "2026-11-15T00:00:00Z" }, // cancelled: not due
      {
        shipByDate: "2026-11-17T00:00:00Z", // first package confirmed in time
        shipments: [
          { syncConfirmedAt: "2026-11-16T10:00:00Z" },
          { syncConfirmedAt: "2026-11-18T10:00:00Z" },
        ],
      },
      { shipByDate: "2026-11-21T00:00:00Z" }, // due later
      {
        shipByDate: "2026-11-16T00:00:00Z",
        shipments: [{ syncState: "NOT_REQUIRED", createdAt: "2026-11-15T00:00:00Z" }],
      },
    ]);
    const week = await metrics(storeId);
    expect(counts(week.lateShipmentRate)).toEqual({ rate: 3 / 7, numerator: 3, denominator: 7 });
    expect(week.lateShipmentRate).toMatchObject({
      target: 0.04,
      targetComparison: "BELOW",
      healthy: false,
    });
    expect(week.lateShipmentRate.offendingOrders.map((order) => order.id)).toEqual([
      orderIds[3],
      orderIds[2],
      orderIds[1],
    ]);
  });
});

describe("onTimeDeliveryRate", () => {
  it("counts parcels delivered in the window by the promised date, among those with a promise", async () => {
    const delivered = (at: string, promised?: string) => ({
      promisedDeliveryTo: promised,
      shipments: [
        {
          syncConfirmedAt: "2026-11-01T00:00:00Z",
          firstScanAt: "2026-11-02T00:00:00Z",
          deliveredAt: at,
        },
      ],
    });
    const { storeId, orderIds } = await storeWith([
      delivered("2026-11-15T10:00:00Z", "2026-11-16T00:00:00Z"), // on time
      delivered("2026-11-17T10:00:00Z", "2026-11-16T00:00:00Z"), // late
      delivered("2026-11-18T00:00:00Z", "2026-11-18T00:00:00Z"), // on the promised instant: on time
      delivered("2026-11-18T00:00:00Z"), // no promise: not counted
      delivered("2026-11-10T00:00:00Z", "2026-11-09T00:00:00Z"), // late, DAYS_30 only
      {
        promisedDeliveryTo: "2026-11-16T00:00:00Z",
        shipments: [{ syncConfirmedAt: "2026-11-14T00:00:00Z" }],
      },
    ]);
    const week = await metrics(storeId);
    expect(counts(week.onTimeDeliveryRate)).toEqual({ rate: 2 / 3, numerator: 2, denominator: 3 });
    expect(week.onTimeDeliveryRate.offendingOrders.map((order) => order.id)).toEqual([orderIds[1]]);
    const month = await metrics(storeId, "DAYS_30");
    expect(counts(month.onTimeDeliveryRate)).toEqual({ rate: 2 / 4, numerator: 2, denominator: 4 });
    expect(month.onTimeDeliveryRate.offendingOrders.map((order) => order.id)).toEqual([
      orderIds[1],
      orderIds[4],
    ]);
  });
});

describe("preFulfillmentCancelRate", () => {
  it("counts seller cancellations before shipment over the orders placed in the window", async () => {
    const { storeId, orderIds } = await storeWith([
      { placedAt: "2026-11-14T00:00:00Z", cancelledAt: "2026-11-15T00:00:00Z" }, // seller: counts
      {
        placedAt: "2026-11-14T00:00:00Z",
        cancelledAt: "2026-11-15T00:00:00Z",
        cancelRequestedByBuyer: true,
      },
      { placedAt: "2026-11-15T00:00:00Z" },
      { placedAt: "2026-11-16T00:00:00Z" },
      { placedAt: "2026-11-10T00:00:00Z", cancelledAt: "2026-11-14T00:00:00Z" }, // placed before, cancelled in
      {
        placedAt: "2026-11-15T00:00:00Z", // cancelled after its tracking was confirmed
        cancelledAt: "2026-11-17T00:00:00Z",
        shipments: [{ syncConfirmedAt: "2026-11-16T00:00:00Z" }],
      },
      { placedAt: SINCE_7 }, // edge: not placed in the window
    ]);
    const week = await metrics(storeId);
    expect(counts(week.preFulfillmentCancelRate)).toEqual({
      rate: 2 / 5,
      numerator: 2,
      denominator: 5,
    });
    expect(week.preFulfillmentCancelRate).toMatchObject({ target: 0.025, healthy: false });
    expect(week.preFulfillmentCancelRate.offendingOrders.map((order) => order.id)).toEqual([
      orderIds[0],
      orderIds[4],
    ]);
  });
});

describe("the whole answer", () => {
  it("reports an empty store as nothing counted, every rate null and healthy", async () => {
    const { storeId } = await storeWith([]);
    const week = await metrics(storeId);
    expect(week).toMatchObject({ window: "DAYS_7", since: SINCE_7, until: NOW });
    for (const metric of [
      week.validTrackingRate,
      week.lateShipmentRate,
      week.onTimeDeliveryRate,
      week.preFulfillmentCancelRate,
    ]) {
      expect(metric).toMatchObject({
        rate: null,
        numerator: 0,
        denominator: 0,
        healthy: true,
        offendingOrders: [],
      });
    }
  });

  it("holds TikTok Shop to its own targets", async () => {
    const { storeId } = await storeWith([], "tiktok-shop", "US");
    const week = await metrics(storeId);
    expect(week.onTimeDeliveryRate).toMatchObject({ target: 0.8, targetComparison: "AT_LEAST" });
    expect(week.lateShipmentRate).toMatchObject({ target: 0.04, targetComparison: "AT_MOST" });
  });

  it("answers null for another tenant's store and shows it none of this tenant's orders", async () => {
    const { storeId } = await storeWith([
      { placedAt: "2026-11-15T00:00:00Z", cancelledAt: "2026-11-16T00:00:00Z" },
    ]);
    const other = await server.createTenant("Tenant B");
    const asOther = await server.request(
      SellerMetricsQuery,
      { storeId, window: "DAYS_7" },
      other.apiKey,
    );
    expect(asOther.errors).toBeUndefined();
    expect(asOther.data?.sellerMetrics).toBeNull();
    // The other tenant's own store counts only its own rows.
    const own = await server.request(
      SellerMetricsQuery,
      { storeId: globalId("Store", other.amazonStoreId), window: "DAYS_7" },
      other.apiKey,
    );
    expect(own.data?.sellerMetrics?.preFulfillmentCancelRate.denominator).toBe(0);
  });
});

describe("SQL per request", () => {
  async function countQueries(run: () => Promise<unknown>): Promise<number> {
    server.database.queries.length = 0;
    await run();
    // The API-key lookup is one query per request, whatever the request asks.
    return server.database.queries.filter((sql) => !sql.includes('"ApiKey"')).length;
  }

  /** One offender of every metric (and a healthy order), so every part of the answer has rows. */
  const mixed = (day: number): OrderFacts[] => {
    const at = (hour: number) => `2026-11-${day}T${String(hour).padStart(2, "0")}:00:00Z`;
    return [
      { placedAt: at(1), cancelledAt: at(2) },
      { placedAt: at(1), shipByDate: at(3), shipments: [{ syncConfirmedAt: at(5) }] },
      {
        placedAt: at(1),
        promisedDeliveryTo: at(4),
        shipments: [{ syncConfirmedAt: at(2), firstScanAt: at(3), deliveredAt: at(6) }],
      },
    ];
  };

  it("runs sellerMetrics in the same number of queries for a store of 3 orders and of 57", async () => {
    const { storeId, rawStoreId } = await storeWith(mixed(15));
    const small = await countQueries(() => metrics(storeId));
    const store = { tenantId: server.tenant.tenantId, storeId: rawStoreId };
    for (let day = 14; day <= 19; day++) {
      for (const order of [...mixed(day), ...mixed(day), ...mixed(day)]) {
        await buildSellerOrder(server.database.db, store, order);
      }
    }
    const week = await metrics(storeId);
    expect(week.lateShipmentRate.denominator).toBe(19);
    expect(week.validTrackingRate.offendingOrders).toHaveLength(19);
    const large = await countQueries(() => metrics(storeId));
    expect(large).toBe(small);
    // The store; the metrics' transaction (SET LOCAL jit, two statements, COMMIT); the offending
    // orders of all four metrics in one batch.
    expect(large).toBeLessThanOrEqual(6);
  });
});
