/**
 * Seller metrics on a store with 100,000 shipments: `sellerMetrics` (DAYS_30), the first page
 * of 50 of `validTrackingReport`, and the risk sweep, each timed directly (the domain function
 * on the database) and the two queries also over HTTP (the real app, a real request).
 * Run: npm run bench:metrics   (about 2 minutes embedded; in-memory PGlite, or a fresh schema in
 * the PostgreSQL that DATABASE_URL names; BENCH_EXPLAIN=1 prints each statement's plan; see
 * bench/README.md)
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import { sellerMetrics } from "../src/domain/seller-metrics.ts";
import { sweepSellerRisks } from "../src/domain/seller-risks.ts";
import { validTrackingReport } from "../src/domain/valid-tracking-report.ts";
import { createMarketplaceRegistry } from "../src/plugins/registry.ts";
import { buildApp } from "../src/server/app.ts";
import { isPostgresUrl } from "../src/server/database.ts";
import { createTracklinePubSub } from "../src/server/pubsub.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { SHIPMENTS, seedSellerBench } from "./seller-metrics-seed.ts";
import { unlimitedAccess } from "./unlimited-access.ts";

const RUNS = 20;
const NOW = new Date("2026-11-20T12:00:00Z");

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
  console.log(`${label.padEnd(46)} ${median.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}`);
}

const database = await openBenchDatabase();
const statements: { query: string; params: string }[] = [];
const db = new PrismaClient({
  adapter: database.handle.adapter,
  log: [{ emit: "event", level: "query" }],
});
db.$on("query", (event) => statements.push({ query: event.query, params: event.params }));
const marketplaces = createMarketplaceRegistry();
const carriers = createCarrierRegistry();
const pubsub = createTracklinePubSub(undefined);
const app = buildApp({
  access: unlimitedAccess(),
  db,
  pubsub: pubsub.pubsub,
  now: () => NOW,
  marketplaces,
  carriers,
  secretBox: createSecretBox(randomBytes(32)),
  jobs: database.jobs,
});
const publisher = { riskRaised: () => {} };

try {
  const seedStarted = performance.now();
  const data = await seedSellerBench(db, NOW);
  const seconds = ((performance.now() - seedStarted) / 1000).toFixed(1);
  const mode = isPostgresUrl(process.env.DATABASE_URL) ? "PostgreSQL" : "embedded PGlite";
  console.log(
    `${SHIPMENTS} shipments seeded in ${seconds} s; ${mode}, Node ${process.version}, ${os.cpus().length} CPUs; ${RUNS} runs after a warm-up, ms`,
  );
  const found = marketplaces.site("amazon", "US")!;
  const input = { tenantId: data.tenantId, storeId: data.storeId, now: NOW, ...found };
  const metrics = await sellerMetrics(db, { ...input, window: "DAYS_30" });
  for (const [name, metric] of Object.entries(metrics)) {
    console.log(`  ${name}: ${metric.numerator}/${metric.denominator}`);
  }
  const page = { limit: 51, inverted: false };
  const report = () => validTrackingReport(db, { ...input, window: "DAYS_30", carriers, page });
  console.log(`  validTrackingReport first page: ${(await report()).length - 1} rows`);
  statements.length = 0;
  const started = performance.now();
  const first = await sweepSellerRisks(db, { now: NOW, publisher, marketplaces });
  const firstMs = performance.now() - started;
  console.log(`  first sweep raised ${first.raised.length} risks in ${firstMs.toFixed(0)} ms`);

  if (process.env.BENCH_EXPLAIN === "1") {
    statements.length = 0;
    await sellerMetrics(db, { ...input, window: "DAYS_30" });
    await report();
    await sweepSellerRisks(db, { now: NOW, publisher, marketplaces });
    const captured = [...statements];
    for (const { query, params } of captured) {
      if (!/^\s*(WITH|SELECT|\()/i.test(query) || query.includes('"public"."')) continue;
      const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN (ANALYZE, COSTS OFF) ${query}`,
        ...(JSON.parse(params) as unknown[]),
      );
      console.log(
        `\n${query.trim().slice(0, 80)}...\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`,
      );
    }
  }

  console.log(`\n${"".padEnd(46)} ${"median".padStart(8)} ${"p95".padStart(8)}`);
  await time("sellerMetrics DAYS_30 (direct)", () =>
    sellerMetrics(db, { ...input, window: "DAYS_30" }),
  );
  await time("validTrackingReport first 50 (direct)", report);
  await time("sweepSellerRisks, nothing new (direct)", () =>
    sweepSellerRisks(db, { now: NOW, publisher, marketplaces }),
  );
  const port = await app.listen(0, "127.0.0.1");
  const storeId = Buffer.from(`Store:${data.storeId}`).toString("base64");
  const post = async (query: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${data.apiKey}` },
      body: JSON.stringify({ query, variables: { storeId } }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const metric = "rate numerator denominator target healthy offendingOrders { id nativeOrderId }";
  await time("sellerMetrics DAYS_30 (HTTP)", () =>
    post(`query ($storeId: ID!) { sellerMetrics(storeId: $storeId, window: DAYS_30) {
      validTrackingRate { ${metric} } lateShipmentRate { ${metric} }
      onTimeDeliveryRate { ${metric} } preFulfillmentCancelRate { ${metric} } } }`),
  );
  await time("validTrackingReport(first: 50) (HTTP)", () =>
    post(`query ($storeId: ID!) { validTrackingReport(storeId: $storeId, window: DAYS_30, first: 50) {
      edges { node { reasons reportedAt marketplaceError shipment { id trackingNumber status } } }
      pageInfo { hasNextPage endCursor } } }`),
  );
} finally {
  await app.close();
  await db.$disconnect();
  await pubsub.close();
  await database.close();
}
