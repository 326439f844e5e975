import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import { graphql } from "./generated/index.ts";
import { marketplacesWithCarrierList } from "./helpers/carrier-lists.ts";
import { globalId, uniqueUpsNumber } from "./helpers/factories.ts";
import { buildSellerOrder, buildStore, type ShipmentFacts } from "./helpers/seller-data.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
let storeId: string;
/** Shipment global ids by the letter the test names them with. */
const shipment: Record<string, string> = {};

const Report = graphql(`
  query ValidTrackingReport($storeId: ID!, $window: MetricWindow!, $first: Int, $after: String, $last: Int) {
    validTrackingReport(storeId: $storeId, window: $window, first: $first, after: $after, last: $last) {
      edges {
        cursor
        node { reasons reportedAt marketplaceErrorCode marketplaceError shipment { id } }
      }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
`);

const VtrCounts = graphql(`
  query VtrCounts($storeId: ID!) {
    sellerMetrics(storeId: $storeId, window: DAYS_7) { validTrackingRate { numerator denominator } }
  }
`);

/** A UPS number whose check digit is wrong. */
function badCheckDigit(): string {
  const valid = uniqueUpsNumber();
  const wrong = `${valid.slice(0, -1)}${(Number(valid.at(-1)) + 1) % 10}`;
  expect(createCarrierRegistry().validate("ups", wrong).valid).toBe(false);
  return wrong;
}

beforeAll(async () => {
  server = await startTestServer({ marketplaces: marketplacesWithCarrierList() });
  const { tenantId } = server.tenant;
  const rawStoreId = await buildStore(server.database.db, tenantId, "amazon", "US");
  storeId = globalId("Store", rawStoreId);
  const scanned = { firstScanAt: "2026-11-14T08:00:00Z" };
  const parcels: Record<string, ShipmentFacts> = {
    A: { syncConfirmedAt: "2026-11-15T00:00:00Z", trackingNumber: badCheckDigit() },
    B: {
      syncConfirmedAt: "2026-11-16T00:00:00Z",
      ...scanned,
      firstScanBy: "usps",
      deliveredAt: "2026-11-15T20:00:00Z",
    },
    C: {
      syncConfirmedAt: "2026-11-17T00:00:00Z",
      ...scanned,
      carrier: "dhl",
      trackingNumber: "1234567806",
    },
    D: {
      syncState: "FAILED",
      createdAt: "2026-11-18T00:00:00Z",
      syncErrorCode: "InvalidInput",
      syncError: "Invalid tracking number for carrier UPS",
    },
    E: {
      syncState: "FAILED",
      createdAt: "2026-11-18T06:00:00Z",
      ...scanned,
      syncErrorCode: "INVALID_CREDENTIALS",
    },
    F: { syncState: "WAITING_FOR_SCAN", createdAt: "2026-11-19T00:00:00Z" },
    G: { syncConfirmedAt: "2026-11-16T00:00:00Z", ...scanned }, // valid
    H: { syncState: "NOT_REQUIRED", createdAt: "2026-11-19T00:00:00Z", ...scanned }, // valid
    I: { syncConfirmedAt: "2026-11-01T00:00:00Z" }, // DAYS_30 only
  };
  for (const [letter, facts] of Object.entries(parcels)) {
    const built = await buildSellerOrder(
      server.database.db,
      { tenantId, storeId: rawStoreId },
      { shipments: [facts] },
    );
    shipment[letter] = globalId("Shipment", built.shipmentIds[0]!);
  }
});
afterAll(() => server.close());

async function report(variables: {
  first?: number;
  after?: string;
  last?: number;
  window?: "DAYS_7" | "DAYS_30";
}) {
  const result = await server.request(Report, { storeId, window: "DAYS_7", ...variables });
  expect(result.errors).toBeUndefined();
  const connection = result.data?.validTrackingReport;
  if (!connection) throw new Error("no report");
  return connection;
}

const letters = (edges: { node: { shipment: { id: string } } }[]) =>
  edges.map((edge) =>
    Object.keys(shipment).find((letter) => shipment[letter] === edge.node.shipment.id),
  );

describe("validTrackingReport", () => {
  it("lists each shipment that hurts the rate, newest first, with every reason that applies", async () => {
    const page = await report({ first: 20 });
    expect(page.edges.map((edge) => [letters([edge])[0], edge.node.reasons])).toEqual([
      ["F", ["NO_PHYSICAL_SCAN", "NOT_UPLOADED"]],
      ["E", ["NOT_UPLOADED"]], // a credentials failure says nothing about the number
      ["D", ["NO_PHYSICAL_SCAN", "INVALID_TRACKING_ID", "NOT_UPLOADED"]],
      ["C", ["UNSUPPORTED_CARRIER"]],
      ["B", ["CARRIER_MISMATCH", "UPLOADED_AFTER_DELIVERY"]],
      ["A", ["NO_PHYSICAL_SCAN", "INVALID_TRACKING_ID"]], // the check digit
    ]);
    expect(page.edges[2]?.node).toMatchObject({
      reportedAt: "2026-11-18T00:00:00.000Z",
      marketplaceErrorCode: "InvalidInput",
      marketplaceError: "Invalid tracking number for carrier UPS",
    });
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it("agrees with the rate: its confirmed shipments are the denominator less the numerator", async () => {
    const counts = await server.request(VtrCounts, { storeId });
    expect(counts.data?.sellerMetrics?.validTrackingRate).toEqual({ numerator: 2, denominator: 5 });
  });

  it("pages forward with after and backward with last", async () => {
    const first = await report({ first: 4 });
    expect(letters(first.edges)).toEqual(["F", "E", "D", "C"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await report({ first: 4, after: first.pageInfo.endCursor ?? "" });
    expect(letters(next.edges)).toEqual(["B", "A"]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    const last = await report({ last: 2 });
    expect(letters(last.edges)).toEqual(["B", "A"]);
    expect(last.pageInfo.hasPreviousPage).toBe(true);
  });

  it("looks back 30 days when asked", async () => {
    const month = await report({ window: "DAYS_30", first: 20 });
    expect(letters(month.edges)).toEqual(["F", "E", "D", "C", "B", "A", "I"]);
  });

  it("reads a page of shipments in the same number of queries whatever its size", async () => {
    const count = async (first: number) => {
      server.database.queries.length = 0;
      expect((await report({ first })).edges).toHaveLength(first);
      return server.database.queries.filter((sql) => !sql.includes('"ApiKey"')).length;
    };
    const [two, six] = [await count(2), await count(6)];
    expect(six).toBe(two);
    // The store; SET LOCAL jit, the window's carriers, the page, COMMIT; the shipments in a batch.
    expect(six).toBeLessThanOrEqual(6);
  });

  it("refuses a cursor it did not make", async () => {
    const result = await server.request(Report, { storeId, window: "DAYS_7", after: "bm9wZQ" });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("does not ask Shopee parcels for a scan", async () => {
    const { tenantId } = server.tenant;
    const shopeeStore = await buildStore(server.database.db, tenantId, "shopee", "SG");
    await buildSellerOrder(
      server.database.db,
      { tenantId, storeId: shopeeStore },
      { shipments: [{ syncConfirmedAt: "2026-11-15T00:00:00Z" }] },
    );
    const result = await server.request(Report, {
      storeId: globalId("Store", shopeeStore),
      window: "DAYS_7",
    });
    expect(result.data?.validTrackingReport?.edges).toEqual([]);
  });

  it("answers null for another tenant's store", async () => {
    const other = await server.createTenant("Tenant B");
    const result = await server.request(Report, { storeId, window: "DAYS_7" }, other.apiKey);
    expect(result.errors).toBeUndefined();
    expect(result.data?.validTrackingReport).toBeNull();
  });
});
