import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, print } from "graphql";
import { afterAll, beforeAll, expect, it, onTestFailed } from "vitest";
import { type FakeAmazon, startFakeAmazon } from "../fakes/amazon-sp-api.ts";
import { SELLER } from "../helpers/amazon-client.ts";
import { uniqueUpsNumber } from "../helpers/factories.ts";
import { CreateOrder } from "../helpers/operations.ts";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.ts";
import { ConfirmForSync, ConnectStore, ShipmentSync } from "./operations.ts";

/**
 * The demand: Amazon dies mid-run and the worker is killed mid-job, and every confirmed
 * shipment still reaches Amazon exactly once, counted on Amazon's (the fake's) side. The server
 * is the real one (`tsx src/server/main.ts`) killed with SIGKILL and started again on the same
 * embedded data directory; nothing in it is shortened for the test (30 s back-off, the queue's
 * own settings), so the test waits on conditions, each with a deadline, never on a fixed time.
 */

const ORDER_IDS = Array.from({ length: 10 }, (_, i) => `113-7770000-${String(i).padStart(7, "0")}`);
const API_KEY = `tl_test_crash_${process.pid}`;
const CONFIRMATION = /\/shipmentConfirmation$/;
const POLL_MS = 50;

let fake: FakeAmazon;
let dataDir: string;
const runs: { label: string; server: ServerProcess }[] = [];
const timeline: string[] = [];
const started = Date.now();
const mark = (what: string) =>
  timeline.push(`${((Date.now() - started) / 1000).toFixed(1)} s  ${what}`);

beforeAll(async () => {
  fake = await startFakeAmazon({
    sellers: [SELLER],
    orders: ORDER_IDS.map((orderId) => ({
      orderId,
      marketplaceId: "ATVPDKIKX0DER",
      items: [{ orderItemId: "A1", quantity: 1 }],
    })),
  });
  dataDir = mkdtempSync(path.join(tmpdir(), "trackline-crash-"));
});

afterAll(async () => {
  for (const { server } of runs) if (server.child.exitCode === null) server.child.kill("SIGKILL");
  await Promise.all(runs.map(({ server }) => server.exited));
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Running {
  request<R, V>(doc: TypedDocumentNode<R, V>, variables: V): Promise<ExecutionResult<R>>;
  kill(): Promise<void>;
}

/**
 * The server on the test's data directory, once it listens. startServerProcess passes on no
 * DATABASE_URL (nor TRACKLINE_*): when the suite runs on PostgreSQL, a child given that URL
 * would start in PostgreSQL mode and skip what this test is about, the embedded start-up after a
 * crash (the stale data-directory lock taken over, the jobs the dead process left active retried).
 */
async function startServer(label: string): Promise<Running> {
  mark(`start ${label}`);
  const server = startServerProcess({
    TRACKLINE_DATA_DIR: dataDir,
    PORT: "0",
    // The demo seed gives the test a tenant and this key: the child owns the database.
    TRACKLINE_DEMO_API_KEY: API_KEY,
    // A commit reaches the OS before it is acknowledged, which is all a SIGKILL can test (the
    // fsync per commit is for the machine crashing); it makes the first start much quicker.
    TRACKLINE_FSYNC: "0",
  });
  runs.push({ label, server });
  const [, url] = await server.waitFor(/Graph(?:iQL|QL): +(http:\/\/\S+\/graphql)/);
  mark(`${label} listening`);
  return {
    request: async (doc, variables) => {
      const response = await fetch(url!, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${API_KEY}` },
        body: JSON.stringify({ query: print(doc), variables }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
    kill: async () => {
      server.child.kill("SIGKILL");
      await server.exited;
      mark(`${label} killed`);
    },
  };
}

async function waitUntil<T>(
  what: string,
  deadlineMs: number,
  probe: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      mark(what);
      return value;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function syncStates(server: Running, shipmentIds: string[]) {
  return Promise.all(
    shipmentIds.map(async (id) => {
      const result = await server.request(ShipmentSync, { id });
      const sync = result.data?.shipment?.marketplaceSync;
      if (!sync) throw new Error(`no sync state for ${id}: ${JSON.stringify(result)}`);
      return sync;
    }),
  );
}

async function confirmShipments(server: Running, storeId: string): Promise<string[]> {
  const shipmentIds: string[] = [];
  for (const nativeOrderId of ORDER_IDS) {
    const created = await server.request(CreateOrder, {
      input: {
        storeId,
        nativeOrderId,
        nativeStatus: "Unshipped",
        destinationCountry: "US",
        placedAt: "2026-11-01T09:30:00-08:00",
        items: [{ nativeItemId: "A1", title: "Phone case", quantity: 1 }],
      },
    });
    const orderId = created.data?.createOrder.order?.id;
    if (!orderId) throw new Error(JSON.stringify(created));
    const confirmed = await server.request(ConfirmForSync, {
      input: { orderId, carrier: "ups", trackingNumber: uniqueUpsNumber() },
    });
    const shipment = confirmed.data?.confirmShipment.shipment;
    if (!shipment) throw new Error(JSON.stringify(confirmed));
    shipmentIds.push(shipment.id);
  }
  return shipmentIds;
}

it("pushes every confirmed shipment to Amazon once through an outage and two kills", async () => {
  onTestFailed(() => {
    process.stdout.write(`\n--- crash test timeline ---\n${timeline.join("\n")}\n`);
    for (const { label, server } of runs) {
      process.stdout.write(`\n--- server ${label}: its output ---\n${server.output()}\n`);
    }
  });

  // 1. A store on the fake, and a confirmed shipment for each of its orders, while Amazon hangs.
  const first = await startServer("first");
  const connected = await first.request(ConnectStore, {
    input: {
      marketplace: "amazon",
      site: "US",
      name: "Amazon US (crash test)",
      credentials: { amazon: SELLER },
      apiBaseUrl: fake.url,
      tokenUrl: fake.tokenUrl,
    },
  });
  expect(connected.data?.connectStore.errors).toEqual([]);
  const gate = fake.hold();
  const shipmentIds = await confirmShipments(first, connected.data!.connectStore.store!.id);

  // 2. Killed mid-job: some pushes are at Amazon unanswered, others wait for the rate gate or in
  // the queue. Amazon goes down and applies the pushes it had received: their answers go
  // nowhere, so trackline cannot know that they landed.
  await gate.arrived(3);
  await first.kill();
  await fake.down();
  const received = fake.requests.filter((request) => CONFIRMATION.test(request.path)).length;
  gate.open();
  const appliedBeforeCrash = await waitUntil("Amazon applied what it received", 5_000, () => {
    const applied = fake.appliedPackages();
    return applied.length === received ? applied.map((pkg) => pkg.orderId) : undefined;
  });

  // 3. Started during the outage, killed while its pushes fail and are rescheduled.
  const second = await startServer("second (outage)");
  await waitUntil("a push failed on the outage", 20_000, async () => {
    const states = await syncStates(second, shipmentIds);
    expect(states.filter((sync) => sync.state !== "PENDING")).toEqual([]);
    return states.some((sync) => sync.attempts > 0 && sync.lastErrorCode) ? true : undefined;
  });
  await second.kill();

  // 4. Amazon is back, and so is trackline: it finishes what both dead processes left.
  await fake.up();
  const third = await startServer("third");
  const final = await waitUntil("every shipment CONFIRMED", 60_000, async () => {
    const states = await syncStates(third, shipmentIds);
    return states.every((sync) => sync.state === "CONFIRMED") ? states : undefined;
  });
  expect(final.every((sync) => sync.attempts >= 1)).toBe(true);
  for (const { label, server } of runs) {
    expect(server.output(), `server ${label} logged a failure`).not.toMatch(/failed|error/i);
  }

  // 5. On Amazon's side every package was applied once. Delivery is at least once: a push Amazon
  // applied while trackline died is sent again, since only the answer tells trackline that it
  // landed. The resend has the same packageReferenceId and content, which Amazon takes as the
  // same package (a repeat, not a second package), so "applied" stays 1.
  const packages = fake.appliedPackages();
  expect(packages.map((pkg) => pkg.orderId).sort()).toEqual(ORDER_IDS);
  for (const pkg of packages) {
    expect(pkg, pkg.orderId).toMatchObject({ packageReferenceId: "1", applied: 1 });
  }
  expect(appliedBeforeCrash.length).toBeGreaterThan(0);
  for (const orderId of appliedBeforeCrash) {
    expect(fake.applied(orderId, "1")!.repeats, orderId).toBeGreaterThanOrEqual(1);
  }
  // Nothing else reached Amazon: no refusal, no throttling, only first pushes and repeats.
  const repeats = packages.reduce((sum, pkg) => sum + pkg.repeats, 0);
  const confirmations = fake.requests.filter((request) => CONFIRMATION.test(request.path));
  expect(confirmations.length).toBe(packages.length + repeats);
}, 150_000);
