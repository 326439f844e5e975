/**
 * Sustained ingestion on PostgreSQL through the carrier webhook route, with two server
 * instances (separate processes, role all: each takes webhooks and runs ingestion jobs).
 * Signed AfterShip deliveries are posted to both instances by a pool of concurrent clients;
 * the figure is new tracking events stored per second, from the first POST until the last event
 * is in the database (end to end: accepted, queued, ingested).
 * Run: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/<db> npm run bench:ingest
 *   (about a minute; a throwaway schema, dropped at the end; only 127.0.0.1)
 * Sizes: INGEST_SHIPMENTS (2000), INGEST_DELIVERIES (2 per shipment), INGEST_CHECKPOINTS (10 per
 * delivery), INGEST_CONCURRENCY (32 clients).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { isPostgresUrl, openPostgres } from "../src/server/database.ts";

const SHIPMENTS = Number(process.env.INGEST_SHIPMENTS ?? 2000);
const DELIVERIES = Number(process.env.INGEST_DELIVERIES ?? 2);
const CHECKPOINTS = Number(process.env.INGEST_CHECKPOINTS ?? 10);
const CONCURRENCY = Number(process.env.INGEST_CONCURRENCY ?? 32);
const SECRET = "bench-aftership-secret-0123456789";
const ROOT = path.resolve(import.meta.dirname, "..");

const url = process.env.DATABASE_URL;
if (!isPostgresUrl(url)) {
  console.error("bench:ingest needs DATABASE_URL=postgresql://... (two instances share it)");
  process.exit(2);
}
const schema = `bench_ingest_${process.pid}`;
const children: ChildProcess[] = [];

/**
 * CPU seconds (user + system) used so far by the processes these pids name, from /proc: a
 * figure per event that a busy machine disturbs less than the wall clock does. Linux only;
 * 0 where /proc is not there.
 */
function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // The fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone, or no /proc
    }
  }
  return ticks / 100; // USER_HZ, 100 on Linux
}

/** Every PostgreSQL server process on this machine (the server and its backends). */
function postgresPids(): number[] {
  try {
    return readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

function startInstance(env: Record<string, string>): Promise<string> {
  // INGEST_PROFILE=<dir>: each instance writes a CPU profile there when it stops.
  const profile = process.env.INGEST_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.INGEST_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL: +(http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`instance exited ${code}: ${output}`)));
  });
}

/**
 * The load generator's POST: node:http over kept-alive connections, which costs this process
 * (on the same two cores as the servers) less than fetch does. Resolves with the status.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode ?? 0));
    });
    request.once("error", reject);
    request.end(body);
  });
}

async function gql<T>(base: string, key: string, query: string, variables = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
  return body.data;
}

/** Delivery `k` of shipment `i`: checkpoints k*C .. k*C+C-1, an hour apart, all new. */
function payload(trackingNumber: string, k: number, start: number): string {
  const checkpoints = Array.from({ length: CHECKPOINTS }, (_, j) => {
    const n = k * CHECKPOINTS + j;
    return {
      checkpoint_time: new Date(start + n * 3_600_000).toISOString(),
      tag: "InTransit",
      subtag: "InTransit_001",
      message: `Scan ${n}`,
      city: n % 2 ? "Los Angeles" : "Shenzhen",
      country_iso3: n % 2 ? "USA" : "CHN",
    };
  });
  return JSON.stringify({
    event: "tracking_update",
    msg: { tracking_number: trackingNumber, slug: "ups", tag: "InTransit", checkpoints },
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`CREATE SCHEMA "${schema}"`);
let exitCode = 0;
try {
  const env = {
    DATABASE_URL: `${url}${url!.includes("?") ? "&" : "?"}schema=${schema}`,
    TRACKLINE_SECRET_KEY: randomBytes(32).toString("base64"),
    TRACKLINE_GRAPHIQL: "0",
    TRACKLINE_LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: "0",
  };
  const one = await startInstance(env); // migrates the schema before the second starts
  const two = await startInstance(env);
  const tenant = spawn(
    process.execPath,
    ["--import", "tsx", "src/server/tenant-create.ts", "--name", "Bench"],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
    },
  );
  let printed = "";
  tenant.stdout!.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  await new Promise((resolve) => tenant.once("exit", resolve));
  const key = /API key: +(tl_\w+)/.exec(printed)?.[1];
  if (!key) throw new Error(`tenant:create printed no key: ${printed}`);

  const { createStore } = await gql<{ createStore: { store: { id: string } } }>(
    one,
    key,
    `mutation { createStore(input: { marketplace: "amazon", site: "US", name: "Bench US" }) { store { id } } }`,
  );
  const { createCarrierWebhook } = await gql<{
    createCarrierWebhook: { webhook: { path: string } };
  }>(
    one,
    key,
    `mutation($s: String!) { createCarrierWebhook(input: { provider: "aftership", secret: $s }) { webhook { path } } }`,
    { s: SECRET },
  );
  const hookPath = createCarrierWebhook.webhook.path;

  // Orders and shipments written in bulk: the figure is about ingestion, not about seeding.
  const handle = openPostgres(url!, schema);
  const db = new PrismaClient({ adapter: handle.adapter });
  const tenantRow = await db.tenant.findFirstOrThrow({ where: { name: "Bench" } });
  const storeId = Buffer.from(createStore.store.id, "base64").toString().split(":")[1]!;
  const numbers = Array.from(
    { length: SHIPMENTS },
    (_, i) => `1ZBENCH${String(i).padStart(11, "0")}`,
  );
  const orderIds = numbers.map((_, i) => `bench-order-${i}`);
  const placedAt = new Date(Date.now() - 20 * 86_400_000);
  await db.order.createMany({
    data: orderIds.map((id, i) => ({
      id,
      tenantId: tenantRow.id,
      storeId,
      nativeOrderId: `113-${String(i).padStart(7, "0")}-0000000`,
      nativeStatus: "Shipped",
      state: "SHIPPED" as const,
      destinationCountry: "US",
      buyerLocale: "en-US",
      placedAt,
    })),
  });
  await db.shipment.createMany({
    data: numbers.map((trackingNumber, i) => ({
      tenantId: tenantRow.id,
      storeId,
      orderId: orderIds[i]!,
      carrier: "ups",
      trackingNumber,
    })),
  });
  const start = placedAt.getTime() + 86_400_000;
  // Signed before the clock starts: signing is the carrier's work, not the server's.
  const bodies = numbers.flatMap((number) =>
    Array.from({ length: DELIVERIES }, (_, k) => {
      const body = payload(number, k, start);
      return { body, signature: createHmac("sha256", SECRET).update(body).digest("base64") };
    }),
  );
  const expected = SHIPMENTS * DELIVERIES * CHECKPOINTS;

  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const instancePids = children.slice(0, 2).map((child) => child.pid!);
  const cpuBefore = {
    instances: cpuSeconds(instancePids),
    postgres: cpuSeconds(postgresPids()),
    client: process.cpuUsage(),
  };
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = next++; i < bodies.length; i = next++) {
        const { body, signature } = bodies[i]!;
        const base = (i + worker) % 2 === 0 ? one : two;
        const sent = performance.now();
        const status = await post(`${base}${hookPath}`, body, {
          "content-type": "application/json",
          "aftership-hmac-sha256": signature,
        });
        latencies.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const accepted = performance.now();
  let stored = 0;
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    stored = await db.trackingEvent.count();
    if (stored >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const done = performance.now();
  const cpu = {
    instances: cpuSeconds(instancePids) - cpuBefore.instances,
    // Backends that ended during the run are missed: the pools keep theirs open.
    postgres: cpuSeconds(postgresPids()) - cpuBefore.postgres,
    client: (() => {
      const used = process.cpuUsage(cpuBefore.client);
      return (used.user + used.system) / 1e6;
    })(),
  };
  const deliveredShipments = await db.shipment.count({ where: { status: "IN_TRANSIT" } });
  await db.$disconnect();
  await handle.close();

  latencies.sort((a, b) => a - b);
  const seconds = (done - began) / 1000;
  console.log(
    `trackline ingestion bench: PostgreSQL, two instances, Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  console.log(
    `${SHIPMENTS} shipments, ${bodies.length} signed AfterShip deliveries of ${CHECKPOINTS} new checkpoints, ${CONCURRENCY} clients`,
  );
  console.log(`HTTP answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(
    `accepted: ${(bodies.length / ((accepted - began) / 1000)).toFixed(0)} deliveries/s, POST p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    `stored: ${stored} of ${expected} events in ${seconds.toFixed(1)} s: ${(stored / seconds).toFixed(0)} events/s end to end`,
  );
  const perThousand = (seconds: number) => ((seconds / stored) * 1000).toFixed(2);
  console.log(
    `CPU per 1,000 events: instances ${perThousand(cpu.instances)} s, PostgreSQL ${perThousand(cpu.postgres)} s, load generator ${perThousand(cpu.client)} s (this process, with its polling)`,
  );
  if (stored !== expected || statuses.get(202) !== bodies.length) {
    console.error("FAILED: not every delivery was accepted and every event stored");
    exitCode = 1;
  }
  if (deliveredShipments !== SHIPMENTS) {
    console.error(`FAILED: ${deliveredShipments} of ${SHIPMENTS} shipments moved to IN_TRANSIT`);
    exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    children.map((child) =>
      child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null,
    ),
  );
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
  await admin.end();
}
process.exit(exitCode);
