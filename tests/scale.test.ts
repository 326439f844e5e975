import { type ChildProcess, spawn } from "node:child_process";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { createServer as createNetServer } from "node:net";
import { createClient } from "graphql-ws";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { isPostgresUrl } from "../src/server/database.ts";
import { type ServerProcess, startProcess, startServerProcess } from "./helpers/server-process.ts";

/**
 * Scale mode as deployed: two API instances and a worker, separate processes on one PostgreSQL
 * schema and one Redis (a private redis-server on its own port, so the test can restart it).
 */
const url = process.env.DATABASE_URL;
const schema = `scale_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const processes: ServerProcess[] = [];
let redis: ChildProcess | undefined;
let redisPort = 0;
let env: Record<string, string> = {};
let api1 = "";
let api2 = "";
let worker: ServerProcess;
let apiKey = "";
let shipmentId = "";
let storeId = "";

/** What the webhook receiver saw: each request's webhook-id and the status it answered. */
const received: { messageId: string; status: number | null }[] = [];
let holdNext = false;
let held: ServerResponse | undefined;
const receiver = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
  req.resume();
  const entry = { messageId: String(req.headers["webhook-id"]), status: null as number | null };
  received.push(entry);
  if (holdNext) {
    holdNext = false;
    held = res; // never answered: the worker holding this job is killed meanwhile
    return;
  }
  entry.status = 204;
  res.writeHead(204).end();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startRedis(): Promise<void> {
  redis = spawn(
    "redis-server",
    ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    redis!.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    redis!.once("exit", (code) => reject(new Error(`redis-server exited ${code}: ${output}`)));
  });
}

async function stopRedis(): Promise<void> {
  if (!redis || redis.exitCode !== null) return;
  const exited = new Promise((resolve) => redis!.once("exit", resolve));
  redis.kill("SIGKILL");
  await exited;
}

function start(role: "api" | "worker"): ServerProcess {
  const server = startServerProcess({ ...env, TRACKLINE_ROLE: role });
  processes.push(server);
  return server;
}

async function apiBase(server: ServerProcess): Promise<string> {
  const [, port] = await server.waitFor(/GraphQL: +http:\/\/127\.0\.0\.1:(\d+)\/graphql/);
  return `http://127.0.0.1:${port}`;
}

async function gql<T>(base: string, query: string, variables: object = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
  return body.data;
}

const RECORD = `mutation($input: RecordTrackingEventsInput!) {
  recordTrackingEvents(input: $input) { errors { code message } } }`;

async function record(base: string, status: string, hoursAgo: number) {
  const occurredAt = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const data = await gql<{ recordTrackingEvents: { errors: unknown[] } }>(base, RECORD, {
    input: { shipmentId, events: [{ occurredAt, status, rawCode: status.slice(0, 3) }] },
  });
  expect(data.recordTrackingEvents.errors).toEqual([]);
}

/** A graphql-ws subscriber to the shipment on an instance; the statuses it has been sent. */
function watch(base: string) {
  const statuses: string[] = [];
  const client = createClient({
    url: `${base.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    retryAttempts: 0,
  });
  client.subscribe<{ shipmentUpdated: { status: string } }>(
    {
      query: `subscription($id: ID!) { shipmentUpdated(id: $id) { status } }`,
      variables: { id: shipmentId },
    },
    {
      next: (value) => {
        if (value.data) statuses.push(value.data.shipmentUpdated.status);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return { statuses, client };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!isPostgresUrl(url))("scale mode on PostgreSQL and Redis", () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    redisPort = await freePort();
    await startRedis();
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    env = {
      DATABASE_URL: `${url}${url!.includes("?") ? "&" : "?"}schema=${schema}`,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      TRACKLINE_SECRET_KEY: Buffer.alloc(32, 5).toString("base64"),
      TRACKLINE_WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
      TRACKLINE_GRAPHIQL: "0",
      TRACKLINE_LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: "0",
    };
    const first = start("api");
    api1 = await apiBase(first); // migrated the schema before the others start
    const [second, firstWorker] = [start("api"), start("worker")];
    api2 = await apiBase(second);
    await firstWorker.waitFor(/Health: +http/);
    worker = firstWorker;

    const tenant = startProcess("src/server/tenant-create.ts", ["--name", "Scale"], env);
    [, apiKey] = (await tenant.waitFor(/API key: +(tl_\w+)/)) as unknown as [string, string];
    const store = await gql<{ createStore: { store: { id: string } } }>(
      api1,
      `mutation { createStore(input: { marketplace: "amazon", site: "US", name: "Scale US" }) { store { id } } }`,
    );
    storeId = store.createStore.store.id;
    await gql(
      api1,
      `mutation($id: ID!) { setStoreSyncPolicy(storeId: $id, syncPolicy: MANUAL) { errors { code } } }`,
      { id: storeId },
    );
    const order = await gql<{ createOrder: { order: { id: string } } }>(
      api2,
      `mutation($input: CreateOrderInput!) { createOrder(input: $input) { order { id } } }`,
      {
        input: {
          storeId,
          nativeOrderId: "113-0000000-0000001",
          destinationCountry: "US",
          placedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        },
      },
    );
    const confirmed = await gql<{ confirmShipment: { shipment: { id: string } } }>(
      api1,
      `mutation($input: ConfirmShipmentInput!) { confirmShipment(input: $input) { shipment { id } } }`,
      {
        input: {
          orderId: order.createOrder.order.id,
          carrier: "ups",
          trackingNumber: "1Z5R89390357567127",
        },
      },
    );
    shipmentId = confirmed.confirmShipment.shipment.id;
  }, 180_000);

  afterAll(async () => {
    for (const { child } of processes) if (child.exitCode === null) child.kill("SIGKILL");
    held?.destroy();
    receiver.close();
    await stopRedis();
    if (!isPostgresUrl(url)) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
    await admin.end();
  });

  it("sends a subscriber on one instance the event recorded through the other", async () => {
    const subscriber = watch(api1);
    await pause(500);
    await record(api2, "IN_TRANSIT", 30);
    await until(() => subscriber.statuses.includes("IN_TRANSIT"), "the cross-instance event");
    await subscriber.client.dispose();
  });

  it("finishes, on another worker and once, the job of a worker killed in the middle of it", async () => {
    const subscribed = await gql<{ createWebhookSubscription: { errors: unknown[] } }>(
      api1,
      `mutation($input: CreateWebhookSubscriptionInput!) {
        createWebhookSubscription(input: $input) { errors { code message } } }`,
      {
        input: {
          url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
          events: ["SHIPMENT_UPDATED"],
        },
      },
    );
    expect(subscribed.createWebhookSubscription.errors).toEqual([]);
    holdNext = true;
    await record(api2, "OUT_FOR_DELIVERY", 20);
    await until(() => received.length === 1, "the worker to start the delivery");
    worker.child.kill("SIGKILL");
    await worker.exited;

    const second = start("worker");
    await second.waitFor(/Health: +http/);
    // The dead worker's job expires (60 s) and pg-boss hands it to the live one.
    await until(
      () => received.some((entry) => entry.status === 204),
      "the retried delivery",
      200_000,
    );
    expect(received.map((entry) => entry.messageId)).toEqual([
      received[0]!.messageId,
      received[0]!.messageId,
    ]);
    const deliveries = await gql<{
      webhookSubscriptions: { id: string }[];
    }>(api1, "{ webhookSubscriptions { id } }");
    const log = await gql<{
      webhookDeliveries: { edges: { node: { state: string; lastStatusCode: number } }[] };
    }>(
      api2,
      `query($id: ID!) { webhookDeliveries(subscriptionId: $id) { edges { node { state lastStatusCode } } } }`,
      {
        id: deliveries.webhookSubscriptions[0]!.id,
      },
    );
    expect(log.webhookDeliveries.edges.map((edge) => edge.node)).toEqual([
      { state: "DELIVERED", lastStatusCode: 204 },
    ]);
    // Nothing more arrives: the job finished once.
    await pause(3_000);
    expect(received).toHaveLength(2);
  }, 240_000);

  it("keeps subscribers and stores every event across a Redis restart", async () => {
    const subscriber = watch(api1);
    await pause(500);
    await stopRedis();
    // Recorded while Redis is down: stored, though no instance can be told.
    await record(api2, "DELIVERY_FAILED", 10);
    await startRedis();
    // ioredis reconnects and subscribes again; the next event reaches the subscriber.
    await until(
      async () => {
        await record(api2, "OUT_FOR_DELIVERY", 5);
        await pause(300);
        return subscriber.statuses.includes("OUT_FOR_DELIVERY");
      },
      "an event after Redis came back",
      30_000,
    );
    const timeline = await gql<{ shipment: { timeline: { status: string }[] } }>(
      api1,
      `query($id: ID!) { shipment(id: $id) { timeline { status } } }`,
      { id: shipmentId },
    );
    expect(timeline.shipment.timeline.map((entry) => entry.status)).toContain("DELIVERY_FAILED");
    await subscriber.client.dispose();
  }, 90_000);
});
