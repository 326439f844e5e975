import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateShipmentRisks, sweepSellerRisks } from "../src/domain/seller-risks.ts";
import type { MarketplaceRegistry } from "../src/plugins/registry.ts";
import { graphql } from "./generated/index.ts";
import { marketplacesWithCarrierList } from "./helpers/carrier-lists.ts";
import { globalId } from "./helpers/factories.ts";
import { settle, subscribe } from "./helpers/live.ts";
import { buildSellerOrder, buildStore, type OrderFacts } from "./helpers/seller-data.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const NOW = new Date("2026-11-20T12:00:00Z");
const hoursLater = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

let server: TestServer;
let marketplaces: MarketplaceRegistry;
beforeAll(async () => {
  marketplaces = marketplacesWithCarrierList();
  server = await startTestServer({ marketplaces });
});
afterAll(() => server.close());

const ShipmentRisks = graphql(`
  query ShipmentRisks($id: ID!) {
    shipment(id: $id) { risks { code message raisedAt clearedAt } }
  }
`);

const SellerRiskRaised = graphql(`
  subscription SellerRiskRaised($storeId: ID!) {
    sellerRiskRaised(storeId: $storeId) { code message shipment { id } }
  }
`);

const sweep = (now: Date) =>
  sweepSellerRisks(server.database.db, { now, publisher: server.publisher, marketplaces });

/** A fresh store with one order per entry; its shipments' ids by the entry's key. */
async function storeWith(tenantId: string, orders: Record<string, OrderFacts>) {
  const storeId = await buildStore(server.database.db, tenantId, "amazon", "US");
  const ids: Record<string, string> = {};
  for (const [key, facts] of Object.entries(orders)) {
    const built = await buildSellerOrder(server.database.db, { tenantId, storeId }, facts);
    ids[key] = built.shipmentIds[0]!;
  }
  return { storeId, ids };
}

const codesOf = (
  raised: { storeId: string; shipmentId: string; code: string }[],
  storeId: string,
  ids: Record<string, string>,
) =>
  raised
    .filter((risk) => risk.storeId === storeId)
    .map((risk) => `${Object.keys(ids).find((key) => ids[key] === risk.shipmentId)} ${risk.code}`)
    .sort();

describe("sweepSellerRisks", () => {
  it("raises each risk once, clears it when its cause goes away, and raises it again if it comes back", async () => {
    const { storeId, ids } = await storeWith(server.tenant.tenantId, {
      // Confirmed 30 hours ago and never scanned.
      noScan: { shipments: [{ syncConfirmedAt: "2026-11-19T06:00:00Z" }] },
      // Confirmed 12 hours ago: still time for the first scan.
      recent: { shipments: [{ syncConfirmedAt: "2026-11-20T00:00:00Z" }] },
      // Due to ship in 18 hours, the marketplace has not confirmed it.
      dueSoon: {
        shipByDate: "2026-11-21T06:00:00Z",
        shipments: [{ syncState: "PENDING", createdAt: "2026-11-20T10:00:00Z" }],
      },
      failed: {
        shipByDate: "2026-11-25T00:00:00Z",
        shipments: [
          {
            syncState: "FAILED",
            createdAt: "2026-11-20T10:00:00Z",
            syncErrorCode: "InvalidInput",
            syncError: "Invalid tracking number",
          },
        ],
      },
      dhl: {
        shipments: [
          {
            carrier: "dhl",
            trackingNumber: "1234567806",
            syncConfirmedAt: "2026-11-20T06:00:00Z",
            firstScanAt: "2026-11-20T08:00:00Z",
          },
        ],
      },
      // Attached before the 30-day horizon: watched no more.
      old: {
        shipments: [{ syncConfirmedAt: "2026-10-01T00:00:00Z", createdAt: "2026-10-01T00:00:00Z" }],
      },
      // Cancelled orders are not due to ship.
      cancelled: {
        shipByDate: "2026-11-19T00:00:00Z",
        cancelledAt: "2026-11-18T00:00:00Z",
        shipments: [{ syncState: "PENDING", createdAt: "2026-11-20T10:00:00Z" }],
      },
    });

    const first = await sweep(NOW);
    expect(codesOf(first.raised, storeId, ids)).toEqual([
      "dhl UNSUPPORTED_CARRIER",
      "dueSoon NOT_UPLOADED",
      "failed SYNC_FAILED",
      "noScan NO_PHYSICAL_SCAN",
    ]);
    const again = await sweep(NOW);
    expect(codesOf(again.raised, storeId, ids)).toEqual([]);
    expect(await server.database.db.shipmentRisk.count({ where: { storeId } })).toBe(4);

    // The scan comes, the push is retried and confirmed.
    const db = server.database.db;
    await db.shipment.update({ where: { id: ids.noScan }, data: { firstScanAt: hoursLater(-2) } });
    await db.shipment.update({
      where: { id: ids.failed },
      data: {
        syncState: "CONFIRMED",
        syncConfirmedAt: hoursLater(0.5),
        syncErrorCode: null,
        syncError: null,
      },
    });
    const later = await sweep(hoursLater(1));
    expect(codesOf(later.raised, storeId, ids)).toEqual([]);
    const open = await db.shipmentRisk.findMany({
      where: { storeId, clearedAt: null },
      orderBy: { code: "asc" },
    });
    expect(open.map((risk) => risk.code)).toEqual(["NOT_UPLOADED", "UNSUPPORTED_CARRIER"]);
    const cleared = await db.shipmentRisk.findMany({
      where: { storeId, NOT: { clearedAt: null } },
    });
    expect(cleared.map((risk) => risk.clearedAt)).toEqual([hoursLater(1), hoursLater(1)]);

    // A correction fails at the marketplace: the same risk is raised again.
    await db.shipment.update({ where: { id: ids.failed }, data: { syncState: "FAILED" } });
    const reopened = await sweep(hoursLater(2));
    expect(codesOf(reopened.raised, storeId, ids)).toEqual(["failed SYNC_FAILED"]);
    expect(await db.shipmentRisk.count({ where: { storeId } })).toBe(4);
  });

  it("shows a shipment's open risks with what they mean", async () => {
    const { ids } = await storeWith(server.tenant.tenantId, {
      dhl: {
        shipments: [
          {
            carrier: "dhl",
            trackingNumber: "1234567806",
            syncState: "FAILED",
            createdAt: "2026-11-20T10:00:00Z",
            syncError: "Carrier not accepted",
          },
        ],
      },
      fine: {
        shipments: [
          { syncConfirmedAt: "2026-11-20T06:00:00Z", firstScanAt: "2026-11-20T08:00:00Z" },
        ],
      },
    });
    await sweep(NOW);
    const risky = await server.request(ShipmentRisks, { id: globalId("Shipment", ids.dhl!) });
    expect(risky.data?.shipment?.risks).toEqual([
      {
        code: "SYNC_FAILED",
        message: "The marketplace refused the tracking upload: Carrier not accepted",
        raisedAt: NOW.toISOString(),
        clearedAt: null,
      },
      {
        code: "UNSUPPORTED_CARRIER",
        message:
          "Carrier dhl is not on Amazon's carrier list for site US: its tracking does not count as valid.",
        raisedAt: NOW.toISOString(),
        clearedAt: null,
      },
    ]);
    const fine = await server.request(ShipmentRisks, { id: globalId("Shipment", ids.fine!) });
    expect(fine.data?.shipment?.risks).toEqual([]);
  });

  it("re-evaluates only the shipments it is given", async () => {
    const { storeId, ids } = await storeWith(server.tenant.tenantId, {
      a: {
        shipByDate: "2026-11-20T00:00:00Z",
        shipments: [{ syncState: "PENDING", createdAt: "2026-11-20T10:00:00Z" }],
      },
      b: {
        shipByDate: "2026-11-20T00:00:00Z",
        shipments: [{ syncState: "PENDING", createdAt: "2026-11-20T10:00:00Z" }],
      },
    });
    const deps = { now: NOW, publisher: server.publisher, marketplaces };
    const onlyA = await evaluateShipmentRisks(server.database.db, [ids.a!], deps);
    expect(codesOf(onlyA.raised, storeId, ids)).toEqual(["a NOT_UPLOADED"]);
    await server.database.db.shipment.update({
      where: { id: ids.a },
      data: { syncState: "CONFIRMED", syncConfirmedAt: NOW },
    });
    const cleared = await evaluateShipmentRisks(server.database.db, [ids.a!, ids.b!], deps);
    expect(cleared).toMatchObject({ cleared: 1 });
    expect(codesOf(cleared.raised, storeId, ids)).toEqual(["b NOT_UPLOADED"]);
  });
});

describe("sellerRiskRaised", () => {
  it("delivers a raised risk to its store's subscribers, and nothing to another store or tenant", async () => {
    const other = await server.createTenant("Tenant B");
    const { storeId, ids } = await storeWith(server.tenant.tenantId, {
      late: {
        shipByDate: "2026-11-19T00:00:00Z",
        shipments: [{ syncState: "PENDING", createdAt: "2026-11-20T10:00:00Z" }],
      },
    });
    const client = server.wsClient();
    const ours = subscribe(client, print(SellerRiskRaised), {
      storeId: globalId("Store", storeId),
    });
    const ourOtherStore = subscribe(client, print(SellerRiskRaised), {
      storeId: globalId("Store", server.tenant.amazonStoreId),
    });
    const otherClient = server.wsClient(other.apiKey);
    const theirs = subscribe(otherClient, print(SellerRiskRaised), {
      storeId: globalId("Store", other.amazonStoreId),
    });
    const intruder = subscribe(otherClient, print(SellerRiskRaised), {
      storeId: globalId("Store", storeId),
    });
    await Promise.all([settle(client), settle(otherClient)]);

    await sweep(NOW);
    await ours.next(1);
    expect(ours.errors).toEqual([]);
    expect(ours.received[0]?.data).toEqual({
      sellerRiskRaised: {
        code: "NOT_UPLOADED",
        message:
          "The ship-by date is less than 24 hours away or past and the marketplace has not confirmed the tracking number.",
        shipment: { id: globalId("Shipment", ids.late!) },
      },
    });
    await intruder.next(1);
    expect(JSON.stringify(intruder.received[0]?.errors ?? intruder.errors)).toContain(
      "no such store for this API key",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ours.received).toHaveLength(1);
    expect(ourOtherStore.received).toEqual([]);
    expect(theirs.received).toEqual([]);
    for (const sub of [ours, ourOtherStore, theirs, intruder]) sub.dispose();
  });
});
