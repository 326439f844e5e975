/**
 * Subscription fan-out: 1,000 and 10,000 graphql-ws subscribers on one instance, all on one
 * parcel or spread over 1,000 parcels. Measures the delay from `recordTrackingEvents` returning
 * to each message arriving, SQL statements per recorded event, and memory per idle subscriber.
 * Run: npm run bench:fanout   (tsx --expose-gc; in-memory PGlite, or a fresh schema in the
 * PostgreSQL that DATABASE_URL names; Redis pub/sub when REDIS_URL is set; see bench/README.md)
 * FANOUT_SIZES=1000 and FANOUT_LAYOUT=one|spread limit the runs; the subscribers run in a child process (bench/fanout-clients.ts).
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import { SWEEP_CATCHES_UP } from "../src/domain/jobs.ts";
import { recordTrackingEvents } from "../src/domain/record-events.ts";
import { createApiKey } from "../src/server/api-keys.ts";
import { buildApp } from "../src/server/app.ts";
import { changeChannels, createTracklinePubSub } from "../src/server/pubsub.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { openBenchDatabase } from "./bench-database.ts";
import type { FromClients, Subscriber, ToClients } from "./fanout-clients.ts";
import { unlimitedAccess } from "./unlimited-access.ts";

const PARCELS = 1_000;
const SIZES = (process.env.FANOUT_SIZES ?? "1000,10000").split(",").map(Number);
/** FANOUT_LAYOUT=one or =spread runs only that layout. */
const SPREADS = [false, true].filter(
  (spread) => !process.env.FANOUT_LAYOUT || (process.env.FANOUT_LAYOUT === "spread") === spread,
);
/** Events recorded one after another on the single parcel; each waits for every message. */
const ONE_PARCEL_ROUNDS = 10;
const LOCALES = ["en", "zh-Hans", "de", "ja", "pt-BR"];
const WATCHDOG_MS = 30 * 60_000;

const watchdog = setTimeout(() => {
  console.error(`bench/fanout.ts: still running after ${WATCHDOG_MS / 60_000} min, giving up`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc (npm run bench:fanout does)");
const now = () => performance.timeOrigin + performance.now();

const database = await openBenchDatabase();
const db = new PrismaClient({
  adapter: database.handle.adapter,
  log: [{ emit: "event", level: "query" }],
});
let statements = 0;
db.$on("query", () => statements++);
const pubsub = createTracklinePubSub(process.env.REDIS_URL);
const secretBox = createSecretBox(randomBytes(32));
const app = buildApp({
  access: unlimitedAccess(),
  db,
  pubsub: pubsub.pubsub,
  secretBox,
  jobs: database.jobs,
  graphiql: false,
});
const port = await app.listen(0, "127.0.0.1");
const url = `ws://127.0.0.1:${port}/graphql`;
const { publisher } = changeChannels(pubsub.pubsub);
const carriers = createCarrierRegistry();

// One tenant, one store, 1,000 orders with one shipment each.
const tenant = await db.tenant.create({ data: { name: "Fan-out Seller" } });
const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "bench" });
const store = await db.store.create({
  data: { tenantId: tenant.id, marketplace: "amazon", site: "US", name: "Fan-out US" },
});
const shipmentIds: string[] = [];
for (let i = 0; i < PARCELS; i++) {
  const order = await db.order.create({
    data: {
      tenantId: tenant.id,
      storeId: store.id,
      nativeOrderId: `114-${String(6_000_000 + i).padStart(7, "0")}-${2000 + i}`,
      nativeStatus: "Shipped",
      state: "SHIPPED",
      buyerLocale: "en-US",
      destinationCountry: "US",
      placedAt: new Date("2026-11-01T00:00:00Z"),
    },
  });
  const shipment = await db.shipment.create({
    data: {
      tenantId: tenant.id,
      orderId: order.id,
      storeId: store.id,
      carrier: "yunexpress",
      trackingNumber: `YT26${String(13_000_000_000_000 + i * 104_729)}`,
      shippedAt: new Date("2026-11-02T00:00:00Z"),
      syncState: "CONFIRMED",
    },
  });
  shipmentIds.push(shipment.id);
}
const relayId = (id: string) => Buffer.from(`Shipment:${id}`).toString("base64");

let clock = Date.parse("2026-11-05T00:00:00Z");
/** Records one event on a shipment; returns when recordTrackingEvents returned, and its lastEventAt. */
async function record(shipmentId: string): Promise<{ t0: number; lastEventAt: string }> {
  clock += 60_000;
  const occurredAt = new Date(clock);
  const result = await recordTrackingEvents(
    db,
    tenant.id,
    {
      selector: { shipmentId },
      events: [{ occurredAt: { instant: occurredAt, offsetMinutes: 0 }, status: "IN_TRANSIT" }],
      source: "MANUAL",
    },
    {
      now: new Date(clock + 3_600_000),
      lookup: carriers.lookupCode,
      publisher,
      jobs: SWEEP_CATCHES_UP,
    },
  );
  const t0 = now();
  if (result.recordedCount !== 1) throw new Error(`not recorded: ${JSON.stringify(result.errors)}`);
  return { t0, lastEventAt: occurredAt.toISOString() };
}

function startClients(): ChildProcess {
  return fork(new URL("./fanout-clients.ts", import.meta.url).pathname, {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

function ask<T extends FromClients["type"]>(
  child: ChildProcess,
  message: ToClients,
  answer: T,
): Promise<Extract<FromClients, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: FromClients) => {
      if (reply.type !== answer) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(reply as Extract<FromClients, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`clients exited (${code})`));
    child.on("message", onMessage);
    child.once("exit", onExit);
    child.send(message);
  });
}

function memory() {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed + usage.external, rss: usage.rss };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Row {
  scenario: string;
  subscribers: number;
  events: number;
  messages: number;
  missing: number;
  p50: number;
  p99: number;
  max: number;
  statementsPerEvent: number;
  heapKB: number;
  rssKB: number;
  connectS: number;
}

async function run(size: number, spread: boolean): Promise<Row> {
  const scenario = spread ? `${size} on ${PARCELS} parcels` : `${size} on one parcel`;
  const subscribers: Subscriber[] = Array.from({ length: size }, (_, i) => ({
    shipmentId: relayId(shipmentIds[spread ? i % PARCELS : 0]!),
    locale: LOCALES[i % LOCALES.length]!,
  }));
  const child = startClients();
  const before = memory();
  const ready = await ask(child, { type: "connect", url, apiKey, subscribers }, "ready");
  if (ready.failed > 0) throw new Error(`${scenario}: ${ready.failed} subscribers failed`);
  // graphql-ws has no "subscribed" ack: give the last subscribe resolvers time to finish.
  await sleep(2_000);
  const after = memory();

  // t0 of each (shipment, lastEventAt): what each message is measured from.
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let messages = 0;
  let missing = 0;
  let events = 0;
  let roundStatements = 0;
  const rounds = spread ? 1 : ONE_PARCEL_ROUNDS;
  // A warm-up event first (JIT, caches), not measured.
  for (let round = -1; round < rounds; round++) {
    sent.clear();
    const targets = spread ? shipmentIds : [shipmentIds[0]!];
    const collected = ask(
      child,
      { type: "collect", expected: size, timeoutMs: 120_000 },
      "arrivals",
    );
    const startStatements = statements;
    for (const shipmentId of targets) {
      const { t0, lastEventAt } = await record(shipmentId);
      sent.set(`${relayId(shipmentId)}|${lastEventAt}`, t0);
    }
    const { arrivals, errors } = await collected;
    if (errors.length) throw new Error(`${scenario}: ${errors.length} errors, e.g. ${errors[0]}`);
    if (round < 0) continue;
    events += targets.length;
    roundStatements += statements - startStatements;
    for (const [subscriber, lastEventAt, at] of arrivals) {
      const t0 = sent.get(`${subscribers[subscriber]!.shipmentId}|${lastEventAt}`);
      if (t0 === undefined) throw new Error(`${scenario}: message for an event not sent`);
      latencies.push(Math.max(0, at - t0));
    }
    messages += arrivals.length;
    missing += size - arrivals.length;
  }
  await ask(child, { type: "disconnect" }, "disconnected");
  child.disconnect();
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    subscribers: size,
    events,
    messages,
    missing,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    statementsPerEvent: roundStatements / events,
    heapKB: (after.heap - before.heap) / 1024 / size,
    rssKB: (after.rss - before.rss) / 1024 / size,
    connectS: ready.ms / 1000,
  };
}

function printTable(rows: Row[]): void {
  const table = [
    [
      "scenario",
      "events",
      "messages",
      "missing",
      "p50 ms",
      "p99 ms",
      "max ms",
      "SQL/event",
      "heap KB/sub",
      "RSS KB/sub",
      "connect s",
    ],
    ...rows.map((row) => [
      row.scenario,
      String(row.events),
      String(row.messages),
      String(row.missing),
      row.p50.toFixed(1),
      row.p99.toFixed(1),
      row.max.toFixed(1),
      row.statementsPerEvent.toFixed(2),
      row.heapKB.toFixed(1),
      row.rssKB.toFixed(1),
      row.connectS.toFixed(1),
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

// What recording an event costs with nobody subscribed, to read the SQL/event column against.
await record(shipmentIds[0]!);
const baselineStart = statements;
for (let i = 0; i < 5; i++) await record(shipmentIds[0]!);
const recordingStatements = (statements - baselineStart) / 5;

const rows: Row[] = [];
for (const size of SIZES) {
  for (const spread of SPREADS) {
    const row = await run(size, spread);
    console.log(JSON.stringify(row));
    rows.push(row);
  }
}
const mode = process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite";
const bus = process.env.REDIS_URL ? "Redis" : "in-process";
console.log(
  `\n${mode}, ${bus} pub/sub, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model})`,
);
console.log(`recording one event alone: ${recordingStatements} SQL statements`);
printTable(rows);
await app.close();
await db.$disconnect();
await pubsub.close();
await database.close();
const failed = rows.some((row) => row.missing > 0);
process.exit(failed ? 1 : 0);
