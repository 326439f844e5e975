/**
 * The exception sweep over 100,000 open parcels: a first sweep (opens what the seed planted), a
 * second one with nothing changed (what the 15-minute job costs every time), each with its wall
 * time, statements, pages and peak memory; then checks every parcel holds exactly the exceptions
 * its plan says, so a broken run cannot report a figure.
 * Run: npm run bench:sweep   (in-memory PGlite, or a fresh schema in the PostgreSQL that
 * DATABASE_URL names; BENCH_SHIPMENTS=n seeds another size; see bench/README.md)
 */
import os from "node:os";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createDeliveryEstimates } from "../src/domain/eta/service.ts";
import type { ExceptionDeps } from "../src/domain/exceptions/evaluate.ts";
import { createStallTables } from "../src/domain/exceptions/stall-history.ts";
import { sweepShipmentExceptions } from "../src/domain/exceptions/sweep.ts";
import { createMarketplaceRegistry } from "../src/plugins/registry.ts";
import { isPostgresUrl } from "../src/server/database.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { DELIVERED, PLANS, SHIPMENTS, seedExceptionBench } from "./exception-sweep-seed.ts";

/** A Wednesday two weeks before Thanksgiving. */
const NOW = new Date("2026-11-18T15:00:00Z");
const MB = 1024 * 1024;

const database = await openBenchDatabase();
let statements = 0;
let pages = 0;
/** Statement kinds of the current sweep: count and milliseconds (Prisma's own timing). */
const kinds = new Map<string, { count: number; ms: number; query: string; params: string }>();
let rss = 0;
let heap = 0;
function sample() {
  const now = process.memoryUsage();
  rss = Math.max(rss, now.rss);
  heap = Math.max(heap, now.heapUsed);
}
const db = new PrismaClient({
  adapter: database.handle.adapter,
  log: [{ emit: "event", level: "query" }],
});
db.$on("query", (event) => {
  statements++;
  if (event.query.trimStart().startsWith('SELECT c."id" FROM (')) pages++;
  const kind = event.query.replace(/\s+/g, " ").trim().slice(0, 70);
  const seen = kinds.get(kind) ?? { count: 0, ms: 0, query: event.query, params: event.params };
  seen.count++;
  seen.ms += Number(event.duration);
  kinds.set(kind, seen);
  // The sweep rarely yields to timers on PGlite (its queries resolve as microtasks): sample here too.
  if (statements % 16 === 0) sample();
});
const marketplaces = createMarketplaceRegistry();
const estimates = createDeliveryEstimates({ db, now: () => NOW, marketplaces });
const calendars = estimates.calendars;
let published = 0;
const deps: ExceptionDeps = {
  now: NOW,
  publisher: { exceptionRaised: () => void published++ },
  calendars,
  stallTables: createStallTables({ db, calendars }),
  estimates,
  jobs: database.jobs,
};

/** Peak RSS and heap while `run` runs, sampled every 10 ms (the sweep awaits its database). */
async function measured<T>(label: string, run: () => Promise<T>) {
  const before = process.memoryUsage();
  rss = before.rss;
  heap = before.heapUsed;
  const sampler = setInterval(sample, 10);
  statements = 0;
  pages = 0;
  kinds.clear();
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  // Peak heap includes garbage not yet collected; what is left after a collection is retained.
  globalThis.gc?.();
  const retained = process.memoryUsage().heapUsed;
  console.log(
    `${label.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s ${String(statements).padStart(6)} statements ${String(pages).padStart(4)} pages   peak RSS ${(rss / MB).toFixed(0)} MB (${(before.rss / MB).toFixed(0)} before), heap ${(heap / MB).toFixed(0)} MB (${(before.heapUsed / MB).toFixed(0)} before, ${(retained / MB).toFixed(0)} retained)`,
  );
  if (process.env.BENCH_STATEMENTS === "1") {
    const top = [...kinds].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
    for (const [kind, { count, ms }] of top) {
      console.log(
        `    ${String(count).padStart(6)} x ${(ms / 1000).toFixed(1).padStart(6)} s  ${kind}`,
      );
    }
  }
  return result;
}

let failed = false;
function check(ok: boolean, what: string) {
  if (!ok) {
    failed = true;
    console.error(`FAILED: ${what}`);
  }
}

try {
  const seedStarted = performance.now();
  await seedExceptionBench(db, NOW);
  const mode = isPostgresUrl(process.env.DATABASE_URL) ? "PostgreSQL" : "embedded PGlite";
  console.log(
    `${SHIPMENTS} open and ${DELIVERED} delivered shipments seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; ${mode}, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const first = await measured("first sweep (opens exceptions)", () =>
    sweepShipmentExceptions(db, deps),
  );
  check(published === first.raised.length, "every opened exception was published");
  const second = await measured("second sweep (nothing changed)", () =>
    sweepShipmentExceptions(db, deps),
  );
  check(second.raised.length === 0 && second.closed === 0, "the second sweep changes nothing");
  const byType = new Map<string, number>();
  for (const change of first.raised) byType.set(change.type, (byType.get(change.type) ?? 0) + 1);
  console.log(
    `opened ${first.raised.length}: ${[...byType].map(([type, n]) => `${type} ${n}`).join(", ")}`,
  );
  await validate(first.raised.length);
  if (process.env.BENCH_EXPLAIN === "1") await explain();
} finally {
  await db.$disconnect();
  await database.close();
}
if (failed) process.exit(1);

/** The plans of the second sweep's costliest statements, as they ran on its last page. */
async function explain() {
  const top = [...kinds.values()].sort((a, b) => b.ms - a.ms).slice(0, 5);
  for (const { query, params } of top) {
    if (!/^\s*(WITH|SELECT)/i.test(query)) continue;
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN (ANALYZE, COSTS OFF) ${query}`,
      ...(JSON.parse(params) as unknown[]),
    );
    console.log(
      `\n${query.trim().slice(0, 100)}...\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`,
    );
  }
}

/** Every open parcel holds exactly the exceptions its plan (the tracking number's third letter) says. */
async function validate(opened: number) {
  const rows = await db.$queryRaw<{ plan: string; types: string; shipments: number }[]>`
    SELECT plan, types, count(*)::int AS shipments FROM (
      SELECT substr(s."trackingNumber", 3, 1) AS plan,
        COALESCE(string_agg(x."type" || CASE WHEN x."type" = 'LATE'
          THEN ':' || (x."evidence"->>'basis') ELSE '' END, ',' ORDER BY x."type"), '') AS types
      FROM "Shipment" s
      LEFT JOIN "ShipmentException" x ON x."shipmentId" = s."id" AND x."closedAt" IS NULL
      WHERE s."status" <> 'DELIVERED'
      GROUP BY s."id") p
    GROUP BY plan, types ORDER BY plan, types`;
  let total = 0;
  let held = 0;
  for (const row of rows) {
    const plan = PLANS.find((p) => p.plan === row.plan);
    const ok = plan?.expected === row.types;
    total += row.shipments;
    held += row.types === "" ? 0 : row.types.split(",").length * row.shipments;
    console.log(
      `  plan ${row.plan} ${String(row.shipments).padStart(6)}  ${(row.types || "none").padEnd(28)} ${ok ? "as planted" : `EXPECTED ${plan?.expected || "none"}`}  (${plan?.what ?? "?"})`,
    );
    check(ok, `plan ${row.plan} holds ${row.types || "none"}`);
  }
  check(total === SHIPMENTS, `${total} open shipments, ${SHIPMENTS} seeded`);
  check(held === opened, `${held} open exceptions, the first sweep opened ${opened}`);
  check(
    PLANS.every((p) => rows.some((row) => row.plan === p.plan)),
    "every plan was seeded",
  );
}
