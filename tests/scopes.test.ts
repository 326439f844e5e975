import { type ExecutionResult, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READ_FIELD_SCOPES, SCOPES } from "../src/domain/scopes.ts";
import { schema } from "../src/schema/index.ts";
import { createApiKey, type StoredScope } from "../src/server/api-keys.ts";
import { graphql } from "./generated/index.ts";
import { buildShipment, globalId } from "./helpers/factories.ts";
import { CreateOrder } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
let shipmentId: string;
const keys: Record<"writeOnly" | "readOnly" | "none", string> = {
  writeOnly: "",
  readOnly: "",
  none: "",
};

beforeAll(async () => {
  server = await startTestServer();
  shipmentId = await buildShipment(server);
  const key = (scopes: StoredScope[]) =>
    createApiKey(server.database.db, { tenantId: server.tenant.tenantId, name: "t", scopes });
  keys.writeOnly = await key(["write"]);
  keys.readOnly = await key(["read"]);
  keys.none = await key([]);
});
afterAll(() => server.close());

const Stores = graphql(`query ScopeStores { stores { id name } }`);

const ShipmentUpdatedScope = graphql(`
  subscription ShipmentUpdatedScope($id: ID!) { shipmentUpdated(id: $id) { id status } }
`);

async function postStatus(apiKey: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as ExecutionResult };
}

describe("the read alias (orders:read and metrics:read)", () => {
  it("is needed for every query: a write-only key gets FORBIDDEN, HTTP 403", async () => {
    const { status, body } = await postStatus(keys.writeOnly, print(Stores));
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "this API key lacks the orders:read scope stores needs",
        extensions: { code: "FORBIDDEN" },
      }),
    ]);
  });

  it("is needed by a key with no scopes at all", async () => {
    const { status } = await postStatus(keys.none, "{ carriers { code } }");
    expect(status).toBe(403);
  });

  it("is enough for queries, and a key made without scopes has every fine scope", async () => {
    const readOnly = await server.request(Stores, {}, keys.readOnly);
    expect(readOnly.errors).toBeUndefined();
    expect(readOnly.data?.stores.length).toBeGreaterThan(0);
    const defaults = await server.database.db.apiKey.findFirstOrThrow({
      where: { tenantId: server.tenant.tenantId, name: "test" },
    });
    expect(defaults.scopes).toEqual([...SCOPES]);
  });

  it("is not needed to write: a write-only (legacy write) key creates an order and reads its payload", async () => {
    const result = await server.request(
      CreateOrder,
      {
        input: {
          storeId: globalId("Store", server.tenant.amazonStoreId),
          nativeOrderId: "114-7000000-0000001",
          destinationCountry: "US",
          placedAt: "2026-11-01T09:30:00Z",
        },
      },
      keys.writeOnly,
    );
    expect(result.data?.createOrder).toMatchObject({
      order: { nativeOrderId: "114-7000000-0000001" },
      errors: [],
    });
  });

  it("is needed for subscriptions over graphql-ws", async () => {
    const client = server.wsClient(keys.writeOnly);
    const result = await new Promise<ExecutionResult>((resolve, reject) => {
      let first: ExecutionResult | undefined;
      client.subscribe(
        { query: print(ShipmentUpdatedScope), variables: { id: shipmentId } },
        {
          next: (value) => {
            first ??= value as ExecutionResult;
          },
          error: (error) => resolve({ errors: error as ExecutionResult["errors"] }),
          complete: () => (first ? resolve(first) : reject(new Error("no message"))),
        },
      );
    });
    expect(JSON.stringify(result.errors)).toContain(
      "this API key lacks the orders:read scope shipmentUpdated needs",
    );
  });

  it("is needed for subscriptions over SSE, answered 403", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: `Bearer ${keys.writeOnly}`,
      },
      body: JSON.stringify({ query: print(ShipmentUpdatedScope), variables: { id: shipmentId } }),
    });
    const text = await response.text();
    expect(text).toContain("this API key lacks the orders:read scope shipmentUpdated needs");
  });
});

describe("fine scopes", () => {
  const fine = (...scopes: StoredScope[]) =>
    createApiKey(server.database.db, { tenantId: server.tenant.tenantId, name: "f", scopes });
  const metrics = `query { sellerMetrics(storeId: "${globalId("Store", "x")}", window: DAYS_7) { __typename } }`;

  it("checks each root field: metrics:read reads metrics, not orders, and the reverse", async () => {
    const metricsOnly = await fine("metrics:read");
    expect((await postStatus(metricsOnly, metrics)).status).toBe(200);
    const stores = await postStatus(metricsOnly, print(Stores));
    expect(stores.status).toBe(403);
    expect(JSON.stringify(stores.body.errors)).toContain("lacks the orders:read scope stores");

    const ordersOnly = await fine("orders:read");
    const both = await postStatus(ordersOnly, `{ stores { id } ${metrics.slice(8, -2)} }`);
    expect(both.status).toBe(403);
    expect(JSON.stringify(both.body.errors)).toContain("metrics:read scope sellerMetrics");
    // A fragment on the root type is looked into too.
    const viaFragment = await postStatus(
      ordersOnly,
      "query { ...Keys } fragment Keys on Query { apiKeys { id } }",
    );
    expect(viaFragment.status).toBe(403);
    expect((await postStatus(ordersOnly, "{ __typename }")).status).toBe(200);
  });

  it("maps each mutation to its scope, answered FORBIDDEN in the payload", async () => {
    const trackingOnly = await fine("tracking:write");
    const record = await postStatus(
      trackingOnly,
      `mutation { recordTrackingEvents(input: { shipmentId: "${shipmentId}", events: [] }) { errors { code } } }`,
    );
    expect(JSON.stringify(record.body)).not.toContain("FORBIDDEN");
    const order = await postStatus(
      trackingOnly,
      `mutation { createStore(input: { marketplace: "amazon", site: "US", name: "n" }) { errors { code message } } }`,
    );
    expect(JSON.stringify(order.body)).toContain("this API key lacks the orders:write scope");

    const webhook = `mutation { createCarrierWebhook(input: { provider: "aftership", secret: "${"s".repeat(32)}" }) { errors { code message } } }`;
    expect(JSON.stringify((await postStatus(await fine("orders:write"), webhook)).body)).toContain(
      "lacks the webhooks:manage scope",
    );
    expect(
      JSON.stringify((await postStatus(await fine("webhooks:manage"), webhook)).body),
    ).not.toContain("FORBIDDEN");
  });

  it("gives the legacy write alias orders:write, tracking:write and webhooks:manage, never keys:manage", async () => {
    const webhook = `mutation { createCarrierWebhook(input: { provider: "easypost", secret: "${"t".repeat(32)}" }) { errors { code } } }`;
    expect(JSON.stringify((await postStatus(keys.writeOnly, webhook)).body)).not.toContain(
      "FORBIDDEN",
    );
    const create = await postStatus(
      keys.writeOnly,
      `mutation { createApiKey(input: { name: "x", scopes: [ORDERS_READ] }) { key errors { code message } } }`,
    );
    expect(JSON.stringify(create.body)).toContain("lacks the keys:manage scope");
    const list = await postStatus(keys.readOnly, "{ apiKeys { id } }");
    expect(list.status).toBe(403);
  });

  it("declares a scope for every root query and subscription field", () => {
    for (const root of [schema.getQueryType(), schema.getSubscriptionType()]) {
      for (const name of Object.keys(root?.getFields() ?? {})) {
        expect(READ_FIELD_SCOPES, `${root?.name}.${name}`).toHaveProperty([name]);
      }
    }
  });
});
