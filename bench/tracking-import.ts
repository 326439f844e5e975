/**
 * 3PL tracking files through the API: a 100,000-row CSV posted to /imports/tracking (rows/s),
 * then the same file again (all unchanged). Half the orders are in a store that pushes tracking,
 * so 49,500 marketplace-sync jobs are queued (no worker runs them here); 1 % of rows name an
 * order that does not exist.
 * Run: npm run bench:import   (synthetic rows, in-memory PGlite or DATABASE_URL; ~1-2 min)
 */
import { randomBytes } from "node:crypto";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import { createApiKey } from "../src/server/api-keys.ts";
import { buildApp } from "../src/server/app.ts";
import { createTracklinePubSub } from "../src/server/pubsub.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { openBenchDatabase } from "./bench-database.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const HOST = "127.0.0.1";
const carriers = createCarrierRegistry();

/** A valid UPS number for a sequence number (the check digit found by trying each). */
function upsNumber(n: number): string {
  const stem = `1Z5R8939${String(n).padStart(9, "0")}`;
  for (let digit = 0; digit <= 9; digit++) {
    if (carriers.validate("ups", `${stem}${digit}`).valid) return `${stem}${digit}`;
  }
  throw new Error(`no check digit completes ${stem}`);
}

const database = await openBenchDatabase();
const db = new PrismaClient({ adapter: database.handle.adapter });
const pubsub = createTracklinePubSub();
const tenant = await db.tenant.create({ data: { name: "bench" } });
const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "bench" });
const store = (name: string, pushes: boolean) =>
  db.store.create({
    data: {
      tenantId: tenant.id,
      marketplace: "amazon",
      site: "US",
      name,
      syncPolicy: pushes ? "CONFIRM_AT_ONCE" : "MANUAL",
      credentials: pushes ? "sealed-elsewhere" : null,
    },
  });
const stores = [await store("Bench manual", false), await store("Bench push", true)];

// Orders straight into the table, 10,000 a statement (seeding is not what is measured).
let t = performance.now();
const nativeId = (i: number) => `113-${String(i).padStart(7, "0")}-0000001`;
for (let start = 0; start < ROWS; start += 10_000) {
  const ids = Array.from({ length: 10_000 }, (_, k) => start + k);
  await db.$executeRawUnsafe(
    `INSERT INTO "Order" ("id", "tenantId", "storeId", "nativeOrderId", "nativeStatus", "state", "buyerLocale", "destinationCountry", "placedAt", "updatedAt")
     SELECT 'o' || n, $1, ($2::text[])[n % 2 + 1], '113-' || lpad(n::text, 7, '0') || '-0000001', 'Unshipped', 'READY_TO_SHIP', 'en-US', 'US', '2026-11-01T17:30:00Z', now()
     FROM unnest($3::int[]) AS n`,
    tenant.id,
    stores.map((s) => s.id),
    ids,
  );
}
console.log(`seeded ${ROWS} orders in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const lines = ["order_id,store,carrier,tracking_number,shipped_at,shipping_method"];
for (let i = 0; i < ROWS; i++) {
  // Every hundredth row names an order nobody has: refused alone.
  const order = i % 100 === 99 ? `999-${i}` : nativeId(i);
  const storeName = stores[i % 2]?.name;
  lines.push(`${order},${storeName},ups,${upsNumber(i)},2026-11-02T10:00:00-08:00,UPS Ground`);
}
const csv = `${lines.join("\n")}\n`;

const app = buildApp({
  db,
  pubsub: pubsub.pubsub,
  secretBox: createSecretBox(randomBytes(32)),
  jobs: database.jobs,
  now: () => new Date("2026-11-20T12:00:00Z"),
});
const port = await app.listen(0, HOST);
const post = async (label: string) => {
  const started = performance.now();
  const response = await fetch(`http://${HOST}:${port}/imports/tracking`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "text/csv" },
    body: csv,
  });
  const ms = performance.now() - started;
  const answer = (await response.json()) as Record<string, number>;
  console.log(
    `${label}: HTTP ${response.status}, ${answer.applied} applied, ${answer.unchanged} unchanged, ${answer.rejected} rejected, ${(csv.length / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(2)} s = ${Math.round(ROWS / (ms / 1000))} rows/s`,
  );
};
t = performance.now();
await post("first upload");
await post("same file again");
const jobs = await db.$queryRawUnsafe<{ n: number }[]>(
  `SELECT count(*)::int AS n FROM ${database.handle.jobSchema}.job WHERE name = 'marketplace-sync'`,
);
console.log(`marketplace-sync jobs queued: ${jobs[0]?.n}`);
await app.close();
await pubsub.close();
await db.$disconnect();
await database.close();
