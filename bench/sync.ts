/**
 * Marketplace sync throughput: confirmed shipments pushed to local fake marketplaces by the real
 * app's workers, each store held to its marketplace's rate. Run: npm run bench:sync (about a
 * minute; in-memory PGlite, or a fresh schema in the PostgreSQL that DATABASE_URL names; only
 * 127.0.0.1; see bench/README.md). Options: --amazon-stores N, --shipments M (per store),
 * --no-shopee, --batched (shipments confirmed store after store instead of in turn).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import { createApiKey } from "../src/server/api-keys.ts";
import { buildApp } from "../src/server/app.ts";
import { createTracklinePubSub } from "../src/server/pubsub.ts";
import { createSecretBox } from "../src/server/secret-box.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { type StorePlan, startSyncMarketplaces } from "./sync-marketplaces.ts";
import { unlimitedAccess } from "./unlimited-access.ts";

const HOST = "127.0.0.1";
const POLL_MS = 100;
const DEADLINE_MS = 600_000;

const { values: options } = parseArgs({
  options: {
    "amazon-stores": { type: "string", default: "5" },
    shipments: { type: "string", default: "40" },
    "no-shopee": { type: "boolean", default: false },
    batched: { type: "boolean", default: false },
  },
});
const AMAZON_STORES = Number(options["amazon-stores"]);
const SHIPMENTS = Number(options.shipments);
const ORDERING = options.batched ? "store after store" : "in turn";

const watchdog = setTimeout(() => {
  console.error(`bench/sync.ts: still running after ${DEADLINE_MS / 1000 + 120} s, giving up`);
  process.exit(2);
}, DEADLINE_MS + 120_000);
watchdog.unref();

const { plans, amazon, shopee, verifyAppliedOnce } = await startSyncMarketplaces({
  amazonStores: AMAZON_STORES,
  shipments: SHIPMENTS,
  shopee: !options["no-shopee"],
});

// Every marketplace answer the app's workers get, counted: a 429 here reached the client.
const throttled = new Map<string, number>();
const storeOfOrder = new Map(plans.flatMap((plan) => plan.orderIds.map((id) => [id, plan.name])));
const countingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.status === 429) {
    const url = String(input instanceof Request ? input.url : input);
    const body = typeof init?.body === "string" ? init.body : "";
    const orderId =
      /\/orders\/([^/]+)\/shipmentConfirmation/.exec(url)?.[1] ??
      /"order_sn":"([^"]+)"/.exec(body)?.[1] ??
      "";
    const store = storeOfOrder.get(decodeURIComponent(orderId)) ?? "(token or unknown)";
    throttled.set(store, (throttled.get(store) ?? 0) + 1);
  }
  return response;
};

const database = await openBenchDatabase();
const db = new PrismaClient({ adapter: database.handle.adapter });
const pubsubHandle = createTracklinePubSub();
const app = buildApp({
  access: unlimitedAccess(),
  db,
  pubsub: pubsubHandle.pubsub,
  secretBox: createSecretBox(randomBytes(32)),
  jobs: database.jobs,
  fetch: countingFetch,
});
const url = `http://${HOST}:${await app.listen(0, HOST)}/graphql`;
const tenant = await db.tenant.create({ data: { name: "Sync bench" } });
const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "bench" });

async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!result.data || result.errors) throw new Error(JSON.stringify(result).slice(0, 500));
  return result.data;
}

interface Payload {
  errors: { code: string; message: string }[];
}
function check<P extends Payload>(what: string, payload: P): P {
  if (payload.errors.length > 0) throw new Error(`${what}: ${JSON.stringify(payload.errors)}`);
  return payload;
}

const CONNECT = `mutation($input: ConnectStoreInput!) {
  connectStore(input: $input) { store { id } errors { code message } } }`;
const CREATE_ORDER = `mutation($input: CreateOrderInput!) {
  createOrder(input: $input) { order { id } errors { code message } } }`;
const CONFIRM = `mutation($input: ConfirmShipmentInput!) {
  confirmShipment(input: $input) { shipment { id } errors { code message } } }`;

const upsNumbers = uniqueUpsNumbers();
async function confirmShipment(plan: StorePlan, nativeOrderId: string): Promise<void> {
  const amazonStore = plan.marketplace === "amazon";
  const { createOrder } = await graphql<{ createOrder: Payload & { order: { id: string } } }>(
    CREATE_ORDER,
    {
      input: {
        storeId: plan.id,
        nativeOrderId,
        nativeStatus: amazonStore ? "Unshipped" : "READY_TO_SHIP",
        destinationCountry: amazonStore ? "US" : "SG",
        placedAt: "2026-11-01T09:30:00+08:00",
        items: [{ nativeItemId: "A1", title: "Phone case", quantity: 1 }],
      },
    },
  );
  check("createOrder", createOrder);
  const { confirmShipment } = await graphql<{ confirmShipment: Payload }>(CONFIRM, {
    input: { orderId: createOrder.order.id, carrier: "ups", trackingNumber: upsNumbers.next() },
  });
  check("confirmShipment", confirmShipment);
}

/** Valid UPS numbers, each once (shipments of one number would share a parcel). */
function uniqueUpsNumbers() {
  const carriers = createCarrierRegistry();
  let sequence = 0;
  return {
    next(): string {
      sequence += 1;
      const stem = `1Z5R894003${String(sequence).padStart(7, "0")}`;
      for (let digit = 0; digit <= 9; digit++) {
        if (carriers.validate("ups", `${stem}${digit}`).valid) return `${stem}${digit}`;
      }
      throw new Error(`no check digit completes ${stem}`);
    },
  };
}

let exitCode = 0;
try {
  const setupStarted = Date.now();
  for (const plan of plans) {
    const { connectStore } = await graphql<{ connectStore: Payload & { store: { id: string } } }>(
      CONNECT,
      {
        input: {
          marketplace: plan.marketplace,
          site: plan.site,
          name: plan.name,
          credentials: plan.credentials,
          apiBaseUrl: plan.apiBaseUrl,
          tokenUrl: plan.tokenUrl,
        },
      },
    );
    plan.id = check("connectStore", connectStore).store.id;
    // Rows hold the database id; the API's is the relay id ("Store:<id>" in base64).
    plan.rowId = Buffer.from(plan.id, "base64")
      .toString("utf8")
      .replace(/^Store:/, "");
  }
  // The pushes are queued now (in each confirmation's transaction); no worker runs them yet.
  // A few requests at a time; the queue's order (oldest first) is what --batched changes.
  const work = plans.flatMap((plan) => plan.orderIds.map((id, i) => ({ plan, id, i })));
  if (!options.batched) work.sort((a, b) => a.i - b.i);
  for (let next = 0; next < work.length; next += plans.length) {
    const slice = work.slice(next, next + plans.length);
    await Promise.all(slice.map(({ plan, id }) => confirmShipment(plan, id)));
  }
  const setupSeconds = (Date.now() - setupStarted) / 1000;

  const total = plans.length * SHIPMENTS;
  const started = new Date();
  await app.startWorkers();
  for (;;) {
    const states = await db.shipment.groupBy({ by: ["syncState"], _count: true });
    const count = (state: string) => states.find((row) => row.syncState === state)?._count ?? 0;
    if (count("CONFIRMED") === total) break;
    if (count("FAILED") > 0) throw new Error(`${count("FAILED")} pushes FAILED`);
    if (Date.now() - started.getTime() > DEADLINE_MS) {
      throw new Error(`only ${count("CONFIRMED")} of ${total} CONFIRMED after ${DEADLINE_MS} ms`);
    }
    await sleep(POLL_MS);
  }

  // Counted on the marketplaces' side too: every order got its tracking, once.
  verifyAppliedOnce();

  const shipments = await db.shipment.findMany({
    select: { storeId: true, syncConfirmedAt: true, syncAttempts: true },
  });
  const seconds = (at: Date | null) => ((at?.getTime() ?? Number.NaN) - started.getTime()) / 1000;
  const rows = plans.map((plan) => {
    const mine = shipments.filter((shipment) => shipment.storeId === plan.rowId);
    const times = mine.map((shipment) => seconds(shipment.syncConfirmedAt));
    const last = Math.max(...times);
    return {
      store: plan.name,
      allows: plan.allowance,
      shipments: String(mine.length),
      first: Math.min(...times).toFixed(1),
      last: last.toFixed(1),
      perSecond: (mine.length / last).toFixed(2),
      attempts: String(mine.reduce((sum, shipment) => sum + shipment.syncAttempts, 0)),
      throttled: String(throttled.get(plan.name) ?? 0),
    };
  });
  const allLast = Math.max(...shipments.map((shipment) => seconds(shipment.syncConfirmedAt)));
  const all429 = [...throttled.values()].reduce((sum, n) => sum + n, 0);
  rows.push({
    store: "all",
    allows: "",
    shipments: String(total),
    first: Math.min(...shipments.map((shipment) => seconds(shipment.syncConfirmedAt))).toFixed(1),
    last: allLast.toFixed(1),
    perSecond: (total / allLast).toFixed(2),
    attempts: String(shipments.reduce((sum, shipment) => sum + shipment.syncAttempts, 0)),
    throttled: String(all429),
  });

  console.log(
    `trackline sync bench: ${database.handle.mode} database, Node ${process.version}, ` +
      `${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? "unknown"}); ` +
      `${plans.length} stores x ${SHIPMENTS} shipments confirmed ${ORDERING} ` +
      `(set-up ${setupSeconds.toFixed(1)} s), then the workers started\n`,
  );
  printTable([
    ["store", "allows", "shipments", "first s", "last s", "confirmed/s", "attempts", "429s"],
    ...rows.map((row) => Object.values(row)),
  ]);
  console.log(
    `\nall ${total} CONFIRMED ${allLast.toFixed(1)} s after the workers started; ` +
      `429s that reached the client: ${all429}`,
  );
  if (all429 > 0) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await app.close();
  await database.close();
  await pubsubHandle.close();
  await db.$disconnect();
  await amazon.close();
  await shopee.close();
}
process.exitCode = exitCode;

function printTable(table: string[][]): void {
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, col) => (col < 2 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
      .join("  ");
  const [header, ...body] = table;
  console.log(line(header!));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of body) console.log(line(row));
}
