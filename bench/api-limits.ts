/**
 * The largest requests the API's limits let through: bytes and milliseconds of the biggest
 * allowed `shipments(first: 100) { timeline(first: n) { ... } }` for a few selections, on 100
 * shipments of 500 events each, with ordinary texts and with every text at its input limit.
 * Run: npm run bench:limits   (about 90 s; in-memory PGlite, or a fresh schema in the
 * PostgreSQL that DATABASE_URL names; only 127.0.0.1; see bench/README.md)
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import { PrismaClient } from "../generated/prisma/client.ts";
import { PAGE_LIMITS, TEXT_LIMITS } from "../src/domain/input-limits.ts";
import { schema } from "../src/schema/index.ts";
import { createApiKey } from "../src/server/api-keys.ts";
import { buildApp } from "../src/server/app.ts";
import { isPostgresUrl } from "../src/server/database.ts";
import { createTracklinePubSub } from "../src/server/pubsub.ts";
import { REQUEST_LIMITS } from "../src/server/request-limits.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { unlimitedAccess } from "./unlimited-access.ts";

const SHIPMENTS = 100;
const EVENTS = PAGE_LIMITS.timeline.max;
const ROUNDS = 3;

/** What each timeline entry selects, from a cheap field to every field. */
const SELECTIONS: Record<string, string> = {
  "status only": "status",
  "occurredAt status description": "occurredAt status description",
  "rawDescription only": "rawDescription",
  "every field":
    "cursor occurredAt status substatus description location { city region postalCode countryCode latitude longitude } carrier { code name trackingUrl } rawCode rawDescription isPhysicalScan",
};

const query = (fields: string, first: number) =>
  `{ shipments(first: ${SHIPMENTS}) { edges { node { id timeline(first: ${first}) { ${fields} } } } } }`;

const cost = (text: string) => complexityFromQuery(text, { schema }).complexity;

/** The largest page the cost budget lets every one of the 100 shipments have. */
function largestPage(fields: string): number {
  let low = 0;
  let high = PAGE_LIMITS.timeline.max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cost(query(fields, mid)) <= REQUEST_LIMITS.maxCost) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** 100 shipments of 500 events each; texts ordinary, or each at its input limit. */
async function seed(db: PrismaClient, atLimits: boolean): Promise<string> {
  const tenant = await db.tenant.create({ data: { name: atLimits ? "At limits" : "Ordinary" } });
  const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "bench" });
  const store = await db.store.create({
    data: { tenantId: tenant.id, marketplace: "amazon", site: "US", name: "Bench US" },
  });
  const text = (ordinary: string, limit: number) =>
    atLimits ? ordinary.repeat(Math.ceil(limit / ordinary.length)).slice(0, limit) : ordinary;
  const start = Date.UTC(2026, 9, 1);
  for (let s = 0; s < SHIPMENTS; s++) {
    const order = await db.order.create({
      data: {
        tenantId: tenant.id,
        storeId: store.id,
        nativeOrderId: `114-${String(s).padStart(7, "0")}-0000000`,
        nativeStatus: "Shipped",
        state: "SHIPPED",
        buyerLocale: "en-US",
        destinationCountry: "US",
        placedAt: new Date(start),
      },
    });
    const shipment = await db.shipment.create({
      data: {
        tenantId: tenant.id,
        orderId: order.id,
        storeId: store.id,
        carrier: "usps",
        trackingNumber: `9400${String(1e17 + s * 7919).slice(0, 18)}`,
        status: "IN_TRANSIT",
      },
    });
    await db.trackingEvent.createMany({
      data: Array.from({ length: EVENTS }, (_, i) => ({
        shipmentId: shipment.id,
        occurredAt: new Date(start + i * 600_000),
        utcOffsetMinutes: -300,
        status: "IN_TRANSIT" as const,
        substatus: "ARRIVED_AT_FACILITY",
        rawCode: text("A10", TEXT_LIMITS.code),
        rawDescription: text("Arrived at USPS Regional Facility", TEXT_LIMITS.rawDescription),
        city: text("Jersey City", TEXT_LIMITS.place),
        region: text("NJ", TEXT_LIMITS.place),
        postalCode: text("07097", TEXT_LIMITS.postalCode),
        countryCode: "US",
        latitude: 40.72,
        longitude: -74.07,
        source: "IMPORT" as const,
        dedupeKey: `${s}-${i}`,
      })),
    });
  }
  return apiKey;
}

async function timed(url: string, apiKey: string, body: string) {
  const times: number[] = [];
  let bytes = 0;
  let status = 0;
  let entries = 0;
  let errorCode: string | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body,
    });
    const text = await response.text();
    times.push(performance.now() - started);
    bytes = Buffer.byteLength(text);
    status = response.status;
    const parsed = JSON.parse(text) as {
      data?: { shipments: { edges: { node: { timeline: unknown[] } }[] } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    errorCode = parsed.errors?.[0]?.extensions?.code;
    entries = (parsed.data?.shipments.edges ?? []).reduce((n, e) => n + e.node.timeline.length, 0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, bytes, status, entries, errorCode };
}

const database = await openBenchDatabase();
const db = new PrismaClient({ adapter: database.handle.adapter });
const pubsub = createTracklinePubSub(undefined);
// A throwaway key: the bench's database is fresh every run and holds no webhook secret.
const app = buildApp({
  access: unlimitedAccess(),
  db,
  pubsub: pubsub.pubsub,
  secretBox: createSecretBox(randomBytes(32)),
  jobs: database.jobs,
});
try {
  const keys = { ordinary: await seed(db, false), "at limits": await seed(db, true) };
  const port = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/graphql`;
  console.log(
    `${SHIPMENTS} shipments x ${EVENTS} events per tenant; budget ${REQUEST_LIMITS.maxCost}; ${isPostgresUrl(process.env.DATABASE_URL) ? "PostgreSQL" : "embedded PGlite"}, Node ${process.version}, ${os.cpus().length} CPUs; median of ${ROUNDS}`,
  );
  console.log(
    "texts      selection                       first  cost    entries  bytes        ms    one more",
  );
  for (const [label, fields] of Object.entries(SELECTIONS)) {
    const first = largestPage(fields);
    for (const [texts, apiKey] of Object.entries(keys)) {
      const allowed = await timed(url, apiKey, JSON.stringify({ query: query(fields, first) }));
      if (allowed.status !== 200 || allowed.errorCode) {
        throw new Error(`${label}: HTTP ${allowed.status} ${allowed.errorCode ?? ""}`);
      }
      const refused = await timed(url, apiKey, JSON.stringify({ query: query(fields, first + 1) }));
      const over =
        first === PAGE_LIMITS.timeline.max
          ? "(max page)"
          : `${refused.errorCode} ${refused.ms.toFixed(0)} ms`;
      console.log(
        [
          texts.padEnd(10),
          label.padEnd(31),
          String(first).padStart(5),
          String(cost(query(fields, first))).padStart(7),
          String(allowed.entries).padStart(8),
          String(allowed.bytes).padStart(12),
          allowed.ms.toFixed(0).padStart(6),
          `   ${over}`,
        ].join(" "),
      );
    }
  }
} finally {
  await app.close();
  await db.$disconnect();
  await pubsub.close();
  await database.close();
}
