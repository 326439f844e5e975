import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  isTravelling,
  SUBSTATUSES_BY_STATUS,
  TRACKING_STATUSES,
  type TrackingSubstatus,
} from "../src/vocabulary/index.ts";
import { type DocumentType, graphql } from "./generated/index.ts";
import { buildShipment, globalId } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const Travelling = graphql(`
  query ShipmentsTravelling($travelling: Boolean, $storeId: ID, $after: String) {
    shipments(first: 2, after: $after, filter: { travelling: $travelling, storeId: $storeId }) {
      edges { node { id status substatus } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

let server: TestServer;
let secondStore = "";
/** Shipment ids of tenant A by what their latest event made them. */
const ids: Record<string, string> = {};

async function shipmentAt(
  name: string,
  event: { status: (typeof TRACKING_STATUSES)[number]; substatus?: TrackingSubstatus } | null,
  storeId?: string,
) {
  const id = await buildShipment(server, storeId ? { storeId } : {});
  if (event) {
    const result = await server.request(RecordEvents, {
      input: { shipmentId: id, events: [{ occurredAt: "2026-11-10T09:00:00+08:00", ...event }] },
    });
    expect(result.data?.recordTrackingEvents.errors).toEqual([]);
  }
  ids[name] = id;
}

/** Every page of the filtered list, so paging is covered too (pages of 2). */
async function allIds(travelling: boolean | null, storeId?: string, apiKey?: string) {
  const found: string[] = [];
  let after: string | null = null;
  do {
    const page: { data?: DocumentType<typeof Travelling> | null; errors?: unknown } =
      await server.request(Travelling, { travelling, storeId: storeId ?? null, after }, apiKey);
    expect(page.errors).toBeUndefined();
    const connection = page.data!.shipments;
    found.push(...connection.edges.map((edge) => edge.node.id));
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor! : null;
  } while (after);
  return found.sort();
}

beforeAll(async () => {
  server = await startTestServer();
  await shipmentAt("noEvents", null);
  await shipmentAt("inTransit", { status: "IN_TRANSIT" });
  await shipmentAt("outForDelivery", { status: "OUT_FOR_DELIVERY" });
  await shipmentAt("failed", { status: "DELIVERY_FAILED" });
  await shipmentAt("returning", { status: "EXCEPTION", substatus: "RETURNING_TO_SENDER" });
  await shipmentAt("returned", { status: "EXCEPTION", substatus: "RETURNED_TO_SENDER" });
  await shipmentAt("delivered", { status: "DELIVERED", substatus: "SIGNED" });
  await shipmentAt("expired", { status: "EXPIRED" });
  // A second Amazon store (the factories' orders speak Amazon's vocabulary).
  const store = await server.database.db.store.create({
    data: {
      tenantId: server.tenant.tenantId,
      marketplace: "amazon",
      site: "DE",
      name: "Tenant A DE",
      syncPolicy: "MANUAL",
    },
  });
  secondStore = globalId("Store", store.id);
  await shipmentAt("otherStoreInTransit", { status: "IN_TRANSIT" }, secondStore);
});
afterAll(() => server.close());

describe("shipments(filter: { travelling })", () => {
  const travelling = ["noEvents", "inTransit", "outForDelivery", "failed", "returning"];
  const over = ["returned", "delivered", "expired"];
  const idsOf = (names: string[]) => names.map((name) => ids[name]!).sort();

  it("true lists the parcels still on their way, across pages", async () => {
    expect(await allIds(true)).toEqual(idsOf([...travelling, "otherStoreInTransit"]));
  });

  it("false lists delivered, expired and returned parcels", async () => {
    expect(await allIds(false)).toEqual(idsOf(over));
  });

  it("combines with the store filter", async () => {
    expect(await allIds(true, secondStore)).toEqual(idsOf(["otherStoreInTransit"]));
    const amazon = globalId("Store", server.tenant.amazonStoreId);
    expect(await allIds(true, amazon)).toEqual(idsOf(travelling));
  });

  it("shows another tenant nothing of this one", async () => {
    const other = await server.createTenant("Tenant travelling B");
    expect(await allIds(true, undefined, other.apiKey)).toEqual([]);
    expect(await allIds(false, undefined, other.apiKey)).toEqual([]);
  });

  it("agrees with isTravelling, which the live map applies to live events", async () => {
    const shipments = await allIds(null);
    const filtered = new Set(await allIds(true));
    expect(shipments.length).toBe(Object.keys(ids).length);
    for (const status of TRACKING_STATUSES) {
      const substatuses: (TrackingSubstatus | null)[] = [null, ...SUBSTATUSES_BY_STATUS[status]];
      for (const substatus of substatuses) {
        const expected =
          !["DELIVERED", "EXPIRED"].includes(status) && substatus !== "RETURNED_TO_SENDER";
        expect(isTravelling(status, substatus), `${status}/${substatus}`).toBe(expected);
      }
    }
    for (const name of Object.keys(ids)) {
      expect(filtered.has(ids[name]!), name).toBe(
        travelling.includes(name) || name === "otherStoreInTransit",
      );
    }
  });
});
