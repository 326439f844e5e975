/**
 * GraphQL API throughput and latency under autocannon, against a yoga hello-world baseline.
 * Run: npx tsx bench/api.ts   (about 2.5 min; in-memory PGlite, or a fresh schema in the
 * PostgreSQL that DATABASE_URL names; only 127.0.0.1; see bench/README.md)
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { createSchema, createYoga } from "graphql-yoga";
import { PrismaClient } from "../generated/prisma/client.ts";
import { schema } from "../src/schema/index.ts";
import { buildApp } from "../src/server/app.ts";
import { createTracklinePubSub } from "../src/server/pubsub.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { type AutocannonResult, runAutocannon } from "./api-autocannon.ts";
import {
  LONG_EVENT_COUNT,
  LONG_TRACKING_NUMBER,
  ORDER_COUNT,
  seedBenchData,
  VERY_LONG_EVENT_COUNT,
  VERY_LONG_TRACKING_NUMBER,
} from "./api-seed.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { unlimitedAccess } from "./unlimited-access.ts";

const HOST = "127.0.0.1";
const CONNECTIONS = 10;
const DURATION_S = 10;
const WARMUP_S = 2;
/**
 * When autocannon stops it drops its sockets, but the server still finishes the (at most
 * CONNECTIONS) requests it was executing; closing the database under them logs pool errors.
 */
const DRAIN_MS = 1_000;
/** Hard stop: a hung server or database must not keep the bench (or CI) running. */
const WATCHDOG_MS = 330_000;

const watchdog = setTimeout(() => {
  console.error(`bench/api.ts: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

interface Scenario {
  name: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Throws unless the response is the one the scenario is meant to measure. */
  check(data: Record<string, unknown>): void;
}

interface Row {
  name: string;
  result: AutocannonResult;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      if (typeof address === "object" && address) resolve(address.port);
      else reject(new Error("server has no TCP address"));
    });
  });
}

async function post(scenario: Scenario): Promise<{ status: number; text: string }> {
  const response = await fetch(scenario.url, {
    method: "POST",
    headers: scenario.headers,
    body: scenario.body,
  });
  return { status: response.status, text: await response.text() };
}

/** One request outside the load, asserted; its body is what every loaded response must equal. */
async function checkedBody(scenario: Scenario): Promise<string> {
  const { status, text } = await post(scenario);
  const parsed = JSON.parse(text) as GraphQLResponse;
  if (status !== 200 || parsed.errors?.length || !parsed.data) {
    throw new Error(`${scenario.name}: HTTP ${status}: ${text.slice(0, 500)}`);
  }
  scenario.check(parsed.data);
  return text;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

interface TimelineEntry {
  status: string;
  location?: { city: string | null; countryCode: string | null } | null;
}
interface ShipmentNode {
  id: string;
  timeline: TimelineEntry[];
}

async function measure(scenario: Scenario): Promise<AutocannonResult> {
  const expectBody = await checkedBody(scenario);
  const options = {
    url: scenario.url,
    method: "POST" as const,
    headers: scenario.headers,
    body: scenario.body,
    connections: CONNECTIONS,
    // One worker thread: the load generator gets its own event loop (the second core) instead
    // of competing with the server on the main thread, which would flatter slow scenarios.
    workers: 1,
    // Responses are deterministic, so any body that differs (an `errors` entry, a partial
    // result, a 4xx/5xx page) is counted as a mismatch.
    expectBody,
  };
  await runAutocannon({ ...options, duration: WARMUP_S });
  const result = await runAutocannon({ ...options, duration: DURATION_S });
  const failures = {
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
  };
  if (Object.values(failures).some((count) => count > 0) || result.requests.total === 0) {
    throw new Error(
      `${scenario.name}: ${JSON.stringify(failures)} of ${result.requests.total} requests, ` +
        `status codes ${JSON.stringify(result.statusCodeStats)}`,
    );
  }
  return result;
}

function printTable(rows: Row[]): void {
  const baseline = rows[0]!.result.requests.mean;
  const table = [
    ["scenario", "req/s (mean)", "p50 ms", "p99 ms", "requests", "vs baseline"],
    ...rows.map(({ name, result }) => [
      name,
      result.requests.mean.toFixed(0),
      result.latency.p50.toFixed(1),
      result.latency.p99.toFixed(1),
      String(result.requests.total),
      `${((result.requests.mean / baseline) * 100).toFixed(1)} %`,
    ]),
  ];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  const line = (row: string[]) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)));
  const [header, ...body] = table;
  console.log(line(header!).join("  "));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of body) console.log(line(row).join("  "));
}

/** The whole timeline: past 100 entries (the default page) it asks for them all. */
const longQuery = (events: number) =>
  `query($id: ID!) { shipment(id: $id) { id status timeline${events > 100 ? `(first: ${events})` : ""} { occurredAt status substatus description location { city countryCode } rawCode rawDescription isPhysicalScan } } }`;
const listQuery = (first: number) =>
  `{ shipments(first: ${first}) { edges { node { id status timeline { occurredAt status description } } } } }`;
const LIST_SHORT = 5;

const started = Date.now();
const database = await openBenchDatabase();
const db = new PrismaClient({ adapter: database.handle.adapter });
const pubsubHandle = createTracklinePubSub();
const { apiKey, ordinaryEventCount, firstEventCounts } = await seedBenchData(db, new Date());
// A fresh database each run, so a throwaway key seals nothing that must outlive it.
const secretBox = createSecretBox(randomBytes(32));
// The key's budget is charged on every request as in production, but never runs out. The
// uncached app computes every answer; the cached one (decision 049) serves repeats from memory.
const app = buildApp({
  db,
  pubsub: pubsubHandle.pubsub,
  secretBox,
  jobs: database.jobs,
  access: unlimitedAccess(),
});
const apiPort = await app.listen(0, HOST);
const cachedApp = buildApp({
  db,
  pubsub: pubsubHandle.pubsub,
  secretBox,
  jobs: database.jobs,
  access: unlimitedAccess(),
  responseCache: { generation: database.handle.generation },
});
const cachedPort = await cachedApp.listen(0, HOST);

const hello = createServer(
  createYoga({
    schema: createSchema({
      typeDefs: "type Query { hello: String! }",
      resolvers: { Query: { hello: () => "world" } },
    }),
  }),
);
const helloPort = await listen(hello);
// trackline's own schema with no key check, no limits, no scopes: what auth and limits cost is
// the difference on the same query.
const bare = createServer(createYoga({ schema, landingPage: false, graphiql: false }));
const barePort = await listen(bare);

const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
const apiUrl = `http://${HOST}:${apiPort}/graphql`;
const cachedUrl = `http://${HOST}:${cachedPort}/graphql`;

// The relay ids of the long parcels come from the API itself rather than from their encoding.
async function lookupId(trackingNumber: string): Promise<string> {
  const lookup = await post({
    name: "lookup",
    url: apiUrl,
    headers,
    body: JSON.stringify({
      query: "query($n: String!) { trackShipment(trackingNumber: $n) { id } }",
      variables: { n: trackingNumber },
    }),
    check: () => {},
  });
  const id = (JSON.parse(lookup.text) as { data?: { trackShipment?: { id: string } | null } }).data
    ?.trackShipment?.id;
  assert(id, `could not look up ${trackingNumber}: ${lookup.text.slice(0, 300)}`);
  return id;
}
const longId = await lookupId(LONG_TRACKING_NUMBER);
const veryLongId = await lookupId(VERY_LONG_TRACKING_NUMBER);

function timelineScenario(name: string, url: string, id: string, events: number): Scenario {
  return {
    name,
    url,
    headers,
    body: JSON.stringify({ query: longQuery(events), variables: { id } }),
    check: (data) => {
      const shipment = data.shipment as ShipmentNode | null;
      assert(shipment?.id === id, `shipment(id) did not return the ${events}-event parcel`);
      assert(
        shipment.timeline.length === events,
        `timeline has ${shipment.timeline.length} entries`,
      );
      assert(shipment.timeline[0]?.location?.city === "Shenzhen", "timeline is not oldest first");
    },
  };
}

function listScenario(name: string, url: string, first: number): Scenario {
  return {
    name,
    url,
    headers,
    body: JSON.stringify({ query: listQuery(first) }),
    check: (data) => {
      const edges = (data.shipments as { edges: { node: ShipmentNode }[] }).edges;
      assert(edges.length === first, `shipments returned ${edges.length} edges`);
      const events = edges.reduce((sum, edge) => sum + edge.node.timeline.length, 0);
      const stored = firstEventCounts(first);
      assert(events === stored, `list has ${events} events, ${stored} stored`);
    },
  };
}

const allScenarios: Scenario[] = [
  {
    name: "baseline hello",
    url: `http://${HOST}:${helloPort}/graphql`,
    headers,
    body: JSON.stringify({ query: "{ hello }" }),
    check: (data) => assert(data.hello === "world", "hello did not say world"),
  },
  {
    name: "{ __typename }, no auth or limits",
    url: `http://${HOST}:${barePort}/graphql`,
    headers,
    body: JSON.stringify({ query: "{ __typename }" }),
    check: (data) => assert(data.__typename === "Query", "no __typename"),
  },
  {
    name: "{ __typename }, key + limits",
    url: apiUrl,
    headers,
    body: JSON.stringify({ query: "{ __typename }" }),
    check: (data) => assert(data.__typename === "Query", "no __typename"),
  },
  timelineScenario(`shipment, ${LONG_EVENT_COUNT} events`, apiUrl, longId, LONG_EVENT_COUNT),
  timelineScenario(
    `shipment, ${VERY_LONG_EVENT_COUNT} events`,
    apiUrl,
    veryLongId,
    VERY_LONG_EVENT_COUNT,
  ),
  listScenario(`shipments(first: ${LIST_SHORT})`, apiUrl, LIST_SHORT),
  listScenario(`shipments(first: ${ORDER_COUNT})`, apiUrl, ORDER_COUNT),
  timelineScenario(
    `shipment, ${LONG_EVENT_COUNT} events, cached`,
    cachedUrl,
    longId,
    LONG_EVENT_COUNT,
  ),
  timelineScenario(
    `shipment, ${VERY_LONG_EVENT_COUNT} events, cached`,
    cachedUrl,
    veryLongId,
    VERY_LONG_EVENT_COUNT,
  ),
  listScenario(`shipments(first: ${LIST_SHORT}), cached`, cachedUrl, LIST_SHORT),
  listScenario(`shipments(first: ${ORDER_COUNT}), cached`, cachedUrl, ORDER_COUNT),
];

// API_ONLY=<regex>: only the scenarios whose names match (the baseline always runs), for a
// profile of one path (`node --cpu-prof --import tsx bench/api.ts`).
const only = process.env.API_ONLY ? new RegExp(process.env.API_ONLY) : null;
const scenarios = allScenarios.filter(
  (scenario, index) => index === 0 || !only || only.test(scenario.name),
);

const setupSeconds = (Date.now() - started) / 1000;
let exitCode = 0;
try {
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    rows.push({ name: scenario.name, result: await measure(scenario) });
  }
  console.log(
    `trackline API bench: ${database.handle.mode} database, Node ${process.version}, ` +
      `${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? "unknown"}), ` +
      `${CONNECTIONS} connections, ${DURATION_S} s per scenario after ${WARMUP_S} s warm-up, ` +
      `set-up ${setupSeconds.toFixed(1)} s`,
  );
  console.log(
    `data: ${ORDER_COUNT} shipments with ${ordinaryEventCount} events in all, ` +
      `one with ${LONG_EVENT_COUNT}, one with ${VERY_LONG_EVENT_COUNT}\n`,
  );
  printTable(rows);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await sleep(DRAIN_MS);
  await app.close();
  await cachedApp.close();
  for (const server of [hello, bare]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await pubsubHandle.close();
  await db.$disconnect();
  await database.close();
}
process.exitCode = exitCode;
