import { type ExecutionResult, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, type Scope } from "../src/server/api-keys.ts";
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
  const key = (scopes: Scope[]) =>
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

describe("the read scope", () => {
  it("is needed for every query: a write-only key gets FORBIDDEN, HTTP 403", async () => {
    const { status, body } = await postStatus(keys.writeOnly, print(Stores));
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "this API key lacks the read scope a query needs",
        extensions: { code: "FORBIDDEN" },
      }),
    ]);
  });

  it("is needed by a key with no scopes at all", async () => {
    const { status } = await postStatus(keys.none, "{ carriers { code } }");
    expect(status).toBe(403);
  });

  it("is enough for queries, and the default key has read and write", async () => {
    const readOnly = await server.request(Stores, {}, keys.readOnly);
    expect(readOnly.errors).toBeUndefined();
    expect(readOnly.data?.stores.length).toBeGreaterThan(0);
    const defaults = await server.database.db.apiKey.findFirstOrThrow({
      where: { tenantId: server.tenant.tenantId, scopes: { equals: ["read", "write"] } },
    });
    expect(defaults.scopes).toEqual(["read", "write"]);
  });

  it("is not needed to write: a write-only key creates an order and reads its payload", async () => {
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
      "this API key lacks the read scope a subscription needs",
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
    expect(text).toContain("this API key lacks the read scope a subscription needs");
  });
});
