import type { ExecutionResult, GraphQLObjectType } from "graphql";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { schema } from "../src/schema/index.ts";
import { graphql } from "./generated/index.ts";
import { buildShipment, globalId, uniqueUpsNumber } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { rate, recordEvents, trackedShipment } from "./helpers/public-tracking.ts";
import { argumentsFor, documentFor, type Probe, takesProbe } from "./helpers/schema-walk.ts";
import { startTestServer, type TestServer, type TestTenant } from "./helpers/test-server.ts";
import { postWebhook, SIGN } from "./helpers/webhooks.ts";

/**
 * Tenant A's key against tenant B's data, for every root field the schema has: each argument that
 * takes an id gets one of B's ids (each kind in turn), each tracking number B's (which A's own
 * shipment shares), each order number B's. Nothing of B may come back, and B's data must be as it
 * was. Generated from the schema, so a field added later is tried without anyone writing a test.
 */

let server: TestServer;
let a: TestTenant;
let b: TestTenant;
/** One tracking number shipped by both tenants. */
const shared = uniqueUpsNumber();
/** B's ids by kind (global ids), and every string that would show B's data leaked. */
const idsOf = new Map<string, string[]>();
const secrets = new Set<string>();
let nativeOrderId = "";
let bShipment = "";
const B_COMMENT = "b-buyer-comment-never-for-a";

const Subscribe = graphql(`
  mutation MatrixSubscribe($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) { webhookSubscription { id } errors { code } }
  }
`);
const CarrierHook = graphql(`
  mutation MatrixCarrierHook($input: CreateCarrierWebhookInput!) {
    createCarrierWebhook(input: $input) { webhook { id path } errors { code } }
  }
`);
const CarrierAccount = graphql(`
  mutation MatrixCarrierAccount($input: ConnectCarrierAccountInput!) {
    connectCarrierAccount(input: $input) { account { id } errors { code } }
  }
`);
const NewKey = graphql(`
  mutation MatrixKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { apiKey { id } errors { code } }
  }
`);

/** What B can see of itself, without fields that move on their own (lastUsedAt). */
const HARVEST = `{
  stores { id name }
  orders(first: 50) { edges { node { id nativeOrderId state
    shipments { id trackingNumber carrier { code } status syncState timelineCount
      exceptions { id type open closedAt } risks { id clearedAt } } } } }
  exceptions(first: 50) { edges { node { id } } }
  webhookSubscriptions { id url enabled events disabledAt previousSecretExpiresAt }
  apiKeys { id name scopes revokedAt expiresAt }
  carrierWebhooks { id provider previousSecretExpiresAt }
  carrierAccounts { id carrier status credentialNames lastError }
}`;

async function post(query: string, variables: Record<string, unknown>, apiKey: string) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

const harvest = async () => JSON.parse((await post(HARVEST, {}, b.apiKey)).text) as ExecutionResult;

/** The lists whose rows show their ids as stored (not as Relay global ids). */
const PLAIN_IDS: Record<string, string> = {
  apiKeys: "ApiKey",
  carrierWebhooks: "CarrierWebhook",
  carrierAccounts: "CarrierAccount",
};

/** A Relay global id's type and row id; null for anything else. */
function decode(id: string): [string, string] | null {
  const match = /^([A-Z][A-Za-z]+):([\w-]{8,})$/.exec(Buffer.from(id, "base64").toString());
  return match ? [match[1]!, match[2]!] : null;
}

/** Every id in an answer, by the type it belongs to, and the row ids inside the global ids. */
function collectIds(value: unknown, plainKind?: string): void {
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, plainKind);
    return;
  }
  if (!value || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) {
    if (key !== "id" || typeof item !== "string") {
      collectIds(item, PLAIN_IDS[key]);
      continue;
    }
    const decoded = decode(item);
    const kind = decoded?.[0] ?? plainKind;
    if (!kind) continue;
    idsOf.set(kind, [...new Set([...(idsOf.get(kind) ?? []), item])]);
    secrets.add(item);
    if (decoded) secrets.add(decoded[1]);
  }
}

/**
 * B's ids and strings in an answer. An error may name the id the request sent (that tells the
 * caller nothing it did not know); the data may not, nor anything of B's the request did not send.
 */
function leaked(text: string, variables: object): string[] {
  const sent = JSON.stringify(variables);
  const sentRows = [...sent.matchAll(/"([A-Za-z0-9+/=]{12,})"/g)].flatMap(
    ([, id]) => decode(id!)?.[1] ?? [],
  );
  const data = JSON.stringify((JSON.parse(text) as { data?: unknown }).data ?? null);
  return [...secrets].filter((secret) =>
    sent.includes(secret) || sentRows.includes(secret)
      ? data.includes(secret)
      : text.includes(secret),
  );
}

/** Whether the answer's root field holds something: a row, a non-empty list or page. */
function found(text: string, field: string): boolean {
  const value = (JSON.parse(text) as { data?: Record<string, unknown> }).data?.[field];
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some((item) => item !== null);
  const edges = (value as { edges?: unknown[] }).edges;
  return edges === undefined || edges.length > 0;
}

function probes(): Probe[] {
  return [...idsOf.keys()].map((kind) => ({
    kind,
    idOf: (wanted) => idsOf.get(wanted)?.[0] ?? idsOf.get(kind)![0]!,
    trackingNumber: shared,
    nativeOrderId,
  }));
}

/** Each root field of the type with each probe (one request when no argument can carry one). */
function requests(type: GraphQLObjectType, operation: "query" | "mutation" | "subscription") {
  const found = new Map<string, { field: string; query: string; variables: object }>();
  for (const field of Object.values(type.getFields())) {
    for (const probe of takesProbe(field) ? probes() : probes().slice(0, 1)) {
      const variables = argumentsFor(field.args, probe);
      const query = documentFor(operation, field, variables);
      found.set(`${query} ${JSON.stringify(variables)}`, { field: field.name, query, variables });
    }
  }
  return [...found.values()];
}

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(), webhookAllowHosts: "127.0.0.1" });
  a = server.tenant;
  b = await server.createTenant("Tenant B");
  await buildShipment(server, { trackingNumber: shared });
  bShipment = await buildShipment(server, {
    apiKey: b.apiKey,
    storeId: globalId("Store", b.amazonStoreId),
    trackingNumber: shared,
  });
  const hook = await server.request(
    Subscribe,
    { input: { url: "http://127.0.0.1:9/b", events: ["SHIPMENT_UPDATED"] } },
    b.apiKey,
  );
  expect(hook.data?.createWebhookSubscription.errors).toEqual([]);
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  await server.request(
    RecordEvents,
    {
      input: {
        shipmentId: bShipment,
        events: [
          { occurredAt: hoursAgo(5), status: "IN_TRANSIT", rawCode: "PU" },
          { occurredAt: hoursAgo(4), status: "DELIVERY_FAILED", rawCode: "NA" },
        ],
      },
    },
    b.apiKey,
  );
  // A buyer of B rated a delivery: its comment must not reach A (deliveryFeedback).
  const rated = await trackedShipment(server, {
    apiKey: b.apiKey,
    storeId: globalId("Store", b.amazonStoreId),
  });
  await recordEvents(
    server,
    rated.shipmentId,
    [{ occurredAt: hoursAgo(3), status: "DELIVERED", rawCode: "DL" }],
    b.apiKey,
  );
  expect(
    (await rate(server, { token: rated.token, rating: 2, comment: B_COMMENT })).errors,
  ).toEqual([]);
  const carrierHook = await server.request(
    CarrierHook,
    { input: { provider: "aftership", secret: "b-secret-0123456789abcdef" } },
    b.apiKey,
  );
  expect(carrierHook.data?.createCarrierWebhook.errors).toEqual([]);
  const account = await server.request(
    CarrierAccount,
    { input: { carrier: "dhl", credentials: [{ name: "apiKey", value: "b-dhl-key-secret" }] } },
    b.apiKey,
  );
  expect(account.data?.connectCarrierAccount.errors).toEqual([]);
  const key = await server.request(
    NewKey,
    { input: { name: "b-partner", scopes: ["ORDERS_READ"] } },
    b.apiKey,
  );
  expect(key.data?.createApiKey.errors).toEqual([]);
  await server.drainJobs();

  const seen = await harvest();
  expect(seen.errors).toBeUndefined();
  collectIds(seen.data);
  const subscriptionId = idsOf.get("WebhookSubscription")![0]!;
  const deliveries = await post(
    `{ webhookDeliveries(subscriptionId: "${subscriptionId}") { edges { node { id } } } }`,
    {},
    b.apiKey,
  );
  collectIds(JSON.parse(deliveries.text));
  const order = (seen.data as { orders: { edges: { node: { nativeOrderId: string } }[] } }).orders;
  nativeOrderId = order.edges[0]!.node.nativeOrderId;
  secrets.add(nativeOrderId);
  secrets.add("Tenant B");
  secrets.add("b-dhl-key-secret");
  secrets.add(B_COMMENT);
}, 60_000);
afterAll(() => server.close());

describe("tenant isolation, generated from the schema", () => {
  it("has B's data of every kind to aim at", () => {
    expect([...idsOf.keys()].sort()).toEqual(
      expect.arrayContaining([
        "ApiKey",
        "CarrierAccount",
        "CarrierWebhook",
        "Order",
        "Shipment",
        "ShipmentException",
        "Store",
        "WebhookDelivery",
        "WebhookSubscription",
      ]),
    );
  });

  it("answers A's queries with nothing of B, while the same queries find B's data with B's key", async () => {
    const reached: string[] = [];
    const leaks: string[] = [];
    for (const request of requests(schema.getQueryType()!, "query")) {
      const asA = await post(request.query, request.variables as never, a.apiKey);
      if (leaked(asA.text, request.variables).length > 0) {
        leaks.push(`${request.field} ${JSON.stringify(request.variables)}: ${asA.text}`);
      }
      const asB = await post(request.query, request.variables as never, b.apiKey);
      if (found(asB.text, request.field)) reached.push(request.field);
    }
    expect(leaks).toEqual([]);
    // The generated requests do reach data: B's key gets its own back from each of these.
    expect([...new Set(reached)]).toEqual(
      expect.arrayContaining([
        "node",
        "nodes",
        "shipment",
        "shipments",
        "orders",
        "stores",
        "trackShipment",
        "exceptions",
        "webhookSubscriptions",
        "webhookDeliveries",
        "apiKeys",
        "carrierWebhooks",
        "carrierAccounts",
        "deliveryFeedback",
      ]),
    );
  }, 120_000);

  it("lets none of A's mutations read or change B's data", async () => {
    const before = await harvest();
    const leaks: string[] = [];
    for (const request of requests(schema.getMutationType()!, "mutation")) {
      const asA = await post(request.query, request.variables as never, a.apiKey);
      if (leaked(asA.text, request.variables).length > 0) {
        leaks.push(`${request.field} ${JSON.stringify(request.variables)}: ${asA.text}`);
      }
    }
    await server.drainJobs();
    expect(leaks).toEqual([]);
    expect(await harvest()).toEqual(before);
  }, 120_000);

  it("sends A's subscriptions nothing of B's changes", async () => {
    const received: { field: string; variables: object; text: string }[] = [];
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${a.apiKey}` },
      retryAttempts: 0,
    });
    const disposers = requests(schema.getSubscriptionType()!, "subscription").map((request) =>
      client.subscribe(
        { query: request.query, variables: request.variables as never },
        {
          next: (value) => received.push({ ...request, text: JSON.stringify(value) }),
          error: (error) => received.push({ ...request, text: JSON.stringify(error) }),
          complete: () => {},
        },
      ),
    );
    // B's own subscription proves the change below is announced.
    const bClient = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${b.apiKey}` },
      retryAttempts: 0,
    });
    let bSaw = "";
    bClient.subscribe(
      {
        query: "subscription($id: ID!) { shipmentUpdated(id: $id) { id status } }",
        variables: { id: bShipment },
      },
      {
        next: (value) => {
          bSaw += JSON.stringify(value);
        },
        error: () => {},
        complete: () => {},
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.request(
      RecordEvents,
      {
        input: {
          shipmentId: bShipment,
          events: [
            {
              occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
              status: "OUT_FOR_DELIVERY",
              rawCode: "OD",
            },
          ],
        },
      },
      b.apiKey,
    );
    await server.drainJobs();
    for (let i = 0; i < 40 && !bSaw; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bSaw).toContain(bShipment);
    const leaks = received
      .filter(({ text, variables }) => leaked(text, variables).length > 0)
      .map(({ field, variables, text }) => `${field} ${JSON.stringify(variables)}: ${text}`);
    expect(leaks).toEqual([]);
    for (const dispose of disposers) dispose();
    await Promise.all([client.dispose(), bClient.dispose()]);
  });

  it("applies a carrier webhook on B's endpoint to B's shipment only, though A ships the same number", async () => {
    const hook = await server.request(
      CarrierHook,
      { input: { provider: "aftership", secret: "b-secret-for-the-shared-number" } },
      b.apiKey,
    );
    const path = hook.data!.createCarrierWebhook.webhook!.path;
    const body = JSON.stringify({
      event: "tracking_update",
      msg: {
        tracking_number: shared,
        slug: "ups",
        tag: "Delivered",
        checkpoints: [
          {
            checkpoint_time: new Date(Date.now() - 1_800_000).toISOString(),
            tag: "Delivered",
            subtag: "Delivered_001",
            message: "Delivered",
            city: "Austin",
            country_iso3: "USA",
          },
        ],
      },
    });
    const response = await postWebhook(
      server,
      path,
      body,
      SIGN.aftership!(body, "b-secret-for-the-shared-number"),
    );
    expect(response.status).toBe(202);
    await server.drainJobs();
    const statusFor = async (apiKey: string) => {
      const answer = await post(
        `query($n: String!) { trackShipment(trackingNumber: $n) { status } }`,
        { n: shared },
        apiKey,
      );
      return (JSON.parse(answer.text) as { data: { trackShipment: { status: string } } }).data
        .trackShipment.status;
    };
    expect(await statusFor(b.apiKey)).toBe("DELIVERED");
    expect(await statusFor(a.apiKey)).not.toBe("DELIVERED");
  });
});
