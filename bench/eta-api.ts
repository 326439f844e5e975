/**
 * Delivery estimates through the API: a 25,000-row history import (rows/s) and estimateDeliveries
 * of 1000 quotes (first call fits the model; then the median of 10 calls).
 * Run: npm run bench:eta-api   (synthetic rows, in-memory PGlite or DATABASE_URL; ~1 min)
 */
import { randomBytes } from "node:crypto";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createApiKey } from "../src/server/api-keys.ts";
import { buildApp } from "../src/server/app.ts";
import { createTracklinePubSub } from "../src/server/pubsub.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { unlimitedAccess } from "./unlimited-access.ts";

const ROWS = 25_000;
const QUOTES = 1000;
const HOST = "127.0.0.1";
const STATES = ["SP", "RJ", "MG", "PR", "RS", "SC", "BA", "PE", "CE", "GO", "DF", "ES"];

// mulberry32: the same synthetic history every run.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function history(): string {
  const random = prng(33);
  const lines = [
    "origin_country,origin_region,origin_postal_code,destination_country,destination_region,destination_postal_code,carrier,service,ordered_at,shipped_at,delivered_at,promised_date",
  ];
  const start = Date.parse("2025-06-01T00:00:00Z");
  for (let i = 0; i < ROWS; i++) {
    const from = STATES[Math.floor(random() * 3)]!;
    const to = STATES[Math.floor(random() * STATES.length)]!;
    const ordered = start + Math.floor(random() * 400) * 86_400_000 + 36_000_000;
    const shipped = ordered + Math.floor(1 + random() * 3) * 86_400_000;
    const delivered = shipped + Math.floor(2 + random() * random() * 20) * 86_400_000;
    const iso = (ms: number) =>
      new Date(ms).toISOString().replace("Z", "-03:00").replace(".000", "");
    const zip = String(Math.floor(random() * 1000)).padStart(3, "0");
    lines.push(
      `BR,${from},,BR,${to},${zip}00,correios,PAC,${iso(ordered)},${iso(shipped)},${iso(delivered)},`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const database = await openBenchDatabase();
const db = new PrismaClient({ adapter: database.handle.adapter });
const pubsub = createTracklinePubSub();
const tenant = await db.tenant.create({ data: { name: "bench" } });
const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "bench" });
const now = () => new Date("2026-08-01T12:00:00Z");
const app = buildApp({
  access: unlimitedAccess(),
  db,
  pubsub: pubsub.pubsub,
  secretBox: createSecretBox(randomBytes(32)),
  jobs: database.jobs,
  now,
});
const port = await app.listen(0, HOST);
const base = `http://${HOST}:${port}`;
const auth = { authorization: `Bearer ${apiKey}` };

const csv = history();
let t = performance.now();
const imported = await fetch(`${base}/imports/delivery-history`, {
  method: "POST",
  headers: { ...auth, "content-type": "text/csv" },
  body: csv,
});
const importMs = performance.now() - t;
const answer = (await imported.json()) as { accepted: number; rejected: number };
console.log(
  `import: ${answer.accepted} rows accepted, ${answer.rejected} rejected, ${(csv.length / 1e6).toFixed(1)} MB in ${(importMs / 1000).toFixed(2)} s = ${Math.round(answer.accepted / (importMs / 1000))} rows/s`,
);
t = performance.now();
const again = await fetch(`${base}/imports/delivery-history`, {
  method: "POST",
  headers: { ...auth, "content-type": "text/csv" },
  body: csv,
});
const againBody = (await again.json()) as { duplicates: number };
console.log(
  `same file again: ${againBody.duplicates} duplicates in ${((performance.now() - t) / 1000).toFixed(2)} s`,
);

const random = prng(7);
const inputs = Array.from({ length: QUOTES }, () => ({
  origin: { countryCode: "BR", region: STATES[Math.floor(random() * 3)] },
  destination: {
    countryCode: "BR",
    region: STATES[Math.floor(random() * STATES.length)],
    postalCode: "04000",
  },
  shippedAt: "2026-08-03T10:00:00-03:00",
}));
const query = `query($inputs: [DeliveryEstimateInput!]!) { estimateDeliveries(inputs: $inputs) { earliest latest mostLikely confidence basis { level sampleSize lane } legs { milestone earliest latest } } }`;
const call = async () => {
  const started = performance.now();
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ query, variables: { inputs } }),
  });
  const body = (await response.json()) as {
    data?: { estimateDeliveries: unknown[] };
    errors?: unknown;
  };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return performance.now() - started;
};
console.log(
  `estimateDeliveries x${QUOTES}, first call (fits the model on ${answer.accepted} rows): ${Math.round(await call())} ms`,
);
const times: number[] = [];
for (let i = 0; i < 10; i++) times.push(await call());
times.sort((a, b) => a - b);
console.log(
  `estimateDeliveries x${QUOTES}, fitted: median ${Math.round(times[5]!)} ms, max ${Math.round(times[9]!)} ms`,
);
console.log(
  `(${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}, Node ${process.version})`,
);
await app.close();
await pubsub.close();
await db.$disconnect();
await database.close();
