import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { globalId } from "./helpers/factories.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CreateDatedOrder = graphql(`
  mutation CreateDatedOrder($input: CreateOrderInput!) {
    createOrder(input: $input) {
      order { id placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo }
      errors { code message field }
    }
  }
`);

const OrderDates = graphql(`
  query OrderDates($id: ID!) {
    node(id: $id) { ... on Order { placedAt shipByDate promisedDeliveryFrom promisedDeliveryTo } }
  }
`);

const input = (dates: Record<string, string>) => ({
  storeId: globalId("Store", server.tenant.shopeeStoreId),
  nativeOrderId: `SG-${Math.random().toString(36).slice(2, 10)}`,
  destinationCountry: "SG",
  placedAt: "2026-11-01T09:30:00+08:00",
  ...dates,
});

describe("order dates", () => {
  it("keep the UTC offset each was reported in", async () => {
    const dates = {
      placedAt: "2026-11-01T09:30:00+08:00",
      shipByDate: "2026-11-03T23:59:00+08:00",
      promisedDeliveryFrom: "2026-11-10T00:00:00-05:00",
      promisedDeliveryTo: "2026-11-18T18:00:00+05:30",
    };
    const created = await server.request(CreateDatedOrder, { input: input(dates) });
    expect(created.data?.createOrder.order).toMatchObject(dates);
    const id = created.data!.createOrder.order!.id;
    const read = await server.request(OrderDates, { id });
    expect(read.data?.node).toEqual(dates);
  });

  it("read in UTC for orders stored before offsets were kept", async () => {
    const { db } = server.database;
    const order = await db.order.create({
      data: {
        tenantId: server.tenant.tenantId,
        storeId: server.tenant.shopeeStoreId,
        nativeOrderId: "SG-OLD-1",
        nativeStatus: "READY_TO_SHIP",
        state: "READY_TO_SHIP",
        buyerLocale: "en",
        destinationCountry: "SG",
        placedAt: new Date("2026-11-01T01:30:00Z"),
      },
    });
    const read = await server.request(OrderDates, { id: globalId("Order", order.id) });
    expect(read.data?.node).toEqual({
      placedAt: "2026-11-01T01:30:00Z",
      shipByDate: null,
      promisedDeliveryFrom: null,
      promisedDeliveryTo: null,
    });
  });

  it("call a date that does not exist invalid, not a missing offset", async () => {
    const result = await server.request(CreateDatedOrder, {
      input: input({ placedAt: "2026-02-30T10:00:00+08:00" }),
    });
    const error = result.errors?.[0];
    expect(error?.message).toContain(
      'DateTime "2026-02-30T10:00:00+08:00" is not a valid date: 2026-02-30 does not exist (February 2026 has 28 days)',
    );
    expect(error?.message).not.toContain("offset");
    expect(error?.extensions).toMatchObject({ code: "INVALID_TIMESTAMP" });
  });

  it("still say so when the offset is missing", async () => {
    const result = await server.request(CreateDatedOrder, {
      input: input({ placedAt: "2026-02-28T10:00:00" }),
    });
    expect(result.errors?.[0]?.message).toContain(
      '"2026-02-28T10:00:00" is not ISO-8601 with a UTC offset',
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_TIMESTAMP" });
  });
});
