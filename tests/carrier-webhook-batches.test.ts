import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import type { ShipmentChange } from "../src/domain/changes.ts";
import { NO_SUCH_SHIPMENT } from "../src/domain/record-events.ts";
import { processDeliveries } from "../src/domain/webhook-inbox.ts";
import { createDeliveryWriter } from "../src/domain/webhook-intake.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";
import {
  type AftershipPayload,
  aftershipDelivered,
  confirmFixtureParcel,
  createAftershipEndpoint,
  postWebhook,
  SIGN,
} from "./helpers/webhooks.ts";

/**
 * Decision 049: a worker's batch of carrier webhook deliveries is ingested in one transaction,
 * concurrent deliveries are stored by one transaction per group, and endpoints are read through
 * a short cache. What each keeps: every event once, every delivery's own outcome, and no
 * neighbour lost to one bad delivery.
 */

const SECRET = "whsec_batches_0123456789";
const NOW = new Date("2026-11-20T12:00:00Z");
const findAdapter = createCarrierRegistry().adapter;

let server: TestServer;
let endpointId = "";

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  endpointId = await createAftershipEndpoint(server, SECRET);
});
afterAll(() => server.close());

let sequence = 0;

/** AfterShip's delivered fixture (6 checkpoints) under a new number; `confirm` ships it first. */
async function aftershipPayload(confirm = true): Promise<AftershipPayload> {
  sequence += 1;
  const payload = aftershipDelivered(
    `batch-test-${sequence}`,
    `YT26030219876${String(sequence).padStart(5, "0")}`,
  );
  if (confirm) await confirmFixtureParcel(server, payload.msg.tracking_number);
  return payload;
}

async function stored(rawBody: string, eventId: string): Promise<string> {
  const delivery = await server.database.db.webhookDelivery.create({
    data: { endpointId, eventId, rawBody },
  });
  return delivery.id;
}

const storedPayload = (payload: AftershipPayload, eventId = payload.event_id) =>
  stored(JSON.stringify(payload), eventId);

function capture(): { published: ShipmentChange[]; deps: Parameters<typeof processDeliveries>[2] } {
  const published: ShipmentChange[] = [];
  return {
    published,
    deps: {
      now: NOW,
      findAdapter,
      jobs: server.database.jobs,
      publisher: {
        publish: (change) => published.push(change),
        riskRaised: () => {},
        exceptionRaised: () => {},
      },
      retry: { attempts: 3, baseDelayMs: 1 },
    },
  };
}

const deliveryRow = (id: string) =>
  server.database.db.webhookDelivery.findUniqueOrThrow({ where: { id } });
const shipmentOf = (trackingNumber: string) =>
  server.database.db.shipment.findFirstOrThrow({ where: { trackingNumber } });
const eventCount = (trackingNumber: string) =>
  server.database.db.trackingEvent.count({ where: { shipment: { trackingNumber } } });

describe("a batch of deliveries ingested together", () => {
  it("keeps each delivery's own outcome: events, replays, unknown numbers, bad bodies", async () => {
    const first = await aftershipPayload();
    const second = await aftershipPayload();
    const unknown = await aftershipPayload(false);
    const ids = [
      await storedPayload(first),
      // The same checkpoints again under another event id, in the same batch.
      await storedPayload(first, `${first.event_id}-again`),
      await storedPayload(second),
      await storedPayload(unknown),
      await stored("{ not json", "batch-test-bad-body"),
    ];
    const { published, deps } = capture();
    await processDeliveries(server.database.db, ids, deps);

    const rows = await Promise.all(ids.map(deliveryRow));
    expect(rows.map((row) => [row.state, row.eventCount])).toEqual([
      ["PROCESSED", 6],
      ["PROCESSED", 0],
      ["PROCESSED", 6],
      ["PROCESSED", 0],
      ["FAILED", 0],
    ]);
    expect(rows[0]!.error).toBeNull();
    expect(rows[3]!.error).toBe(`${unknown.msg.tracking_number}: ${NO_SUCH_SHIPMENT}`);
    expect(rows[4]!.error).toMatch(/JSON/);
    expect(await eventCount(first.msg.tracking_number)).toBe(6);
    expect(await eventCount(second.msg.tracking_number)).toBe(6);
    expect(await shipmentOf(first.msg.tracking_number)).toMatchObject({ status: "DELIVERED" });
    expect(await shipmentOf(second.msg.tracking_number)).toMatchObject({ status: "DELIVERED" });
    // Announced after the commit, once per parcel that got events.
    expect(published.map((change) => change.eventIds.length)).toEqual([6, 6]);
  });

  it("leaves a delivery that is no longer RECEIVED alone", async () => {
    const payload = await aftershipPayload();
    const id = await storedPayload(payload);
    await server.database.db.webhookDelivery.update({
      where: { id },
      data: { state: "FAILED", error: "set aside by hand" },
    });
    await processDeliveries(server.database.db, [id], capture().deps);
    expect(await deliveryRow(id)).toMatchObject({ state: "FAILED", error: "set aside by hand" });
    expect(await eventCount(payload.msg.tracking_number)).toBe(0);
  });

  it("costs as many statements for eight deliveries as for two", async () => {
    const statementsFor = async (size: number) => {
      const ids: string[] = [];
      for (let i = 0; i < size; i++) ids.push(await storedPayload(await aftershipPayload()));
      await server.drainJobs();
      server.database.queries.length = 0;
      // Follow-up jobs are queued but nobody is woken: only this batch's statements count.
      const { deps } = capture();
      await processDeliveries(server.database.db, ids, {
        ...deps,
        jobs: { ...deps.jobs, wake: () => {} },
      });
      const statements = server.database.queries.length;
      for (const id of ids) expect(await deliveryRow(id)).toMatchObject({ eventCount: 6 });
      return statements;
    };
    const two = await statementsFor(2);
    const eight = await statementsFor(8);
    // A transaction per delivery was about 12 statements each.
    expect(eight).toBe(two);
  });

  it("processes each delivery on its own when the batch cannot commit", async () => {
    const first = await aftershipPayload();
    const second = await aftershipPayload();
    const ids = [await storedPayload(first), await storedPayload(second)];
    const { published, deps } = capture();
    await processDeliveries(failingFirstTransaction(server.database.db), ids, deps);
    const rows = await Promise.all(ids.map(deliveryRow));
    expect(rows.map((row) => [row.state, row.eventCount])).toEqual([
      ["PROCESSED", 6],
      ["PROCESSED", 6],
    ]);
    expect(published.map((change) => change.eventIds.length)).toEqual([6, 6]);
  });
});

/** The first transaction fails as a dropped connection would; the rest go through. */
function failingFirstTransaction(db: PrismaClient): PrismaClient {
  let failed = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "$transaction" && !failed) {
        failed = true;
        return () => Promise.reject(new Error("Connection terminated unexpectedly"));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("storing concurrent deliveries (group commit)", () => {
  it("writes the deliveries that arrive during a write in one transaction, replays once", async () => {
    const write = createDeliveryWriter(server.database.db, server.database.jobs);
    await server.drainJobs();
    // Every job the queue ever held, in any state (the writer's wake may run some at once).
    const queued = async () =>
      (await server.database.jobs.stateCounts())
        .filter((row) => row.queue === "carrier-webhook")
        .reduce((sum, row) => sum + row.count, 0);
    const before = await queued();
    server.database.queries.length = 0;
    const bodies = Array.from({ length: 10 }, (_, i) => ({
      endpointId,
      eventId: `group-${sequence}-${i}`,
      rawBody: `{"n":${i}}`,
    }));
    const answers = await Promise.all([
      ...bodies.map((body) => write(body)),
      // A replay of the second, inside the same group: stored once.
      write(bodies[1]!),
    ]);
    const inserts = server.database.queries.filter((sql) =>
      /INSERT INTO "(\w+"\.")?WebhookDelivery"/.test(sql),
    );
    // The first is written at once; the other nine and the replay wait for it, then go together.
    expect(inserts).toHaveLength(2);
    expect(answers.slice(0, 10).every((id) => typeof id === "string")).toBe(true);
    expect(answers[10]).toBeNull();
    // One ingestion job per stored delivery, none for the replay.
    expect((await queued()) - before).toBe(10);
    await server.drainJobs();
  });

  it("fails only the delivery that cannot be stored, not its group", async () => {
    const write = createDeliveryWriter(server.database.db, server.database.jobs);
    const good = (i: number) => ({ endpointId, eventId: `fk-${sequence}-${i}`, rawBody: "{}" });
    const results = await Promise.allSettled([
      write(good(0)),
      write(good(1)),
      write({ endpointId: "no-such-endpoint", eventId: "fk-orphan", rawBody: "{}" }),
      write(good(2)),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    expect(
      await server.database.db.webhookDelivery.count({
        where: { eventId: { startsWith: `fk-${sequence}-` } },
      }),
    ).toBe(3);
    await server.drainJobs();
  });
});

describe("the endpoint cache of the webhook route", () => {
  const path = () => `/webhooks/carriers/aftership/${endpointId}`;
  async function post(payload: AftershipPayload, secret: string): Promise<number> {
    const body = JSON.stringify(payload);
    const response = await postWebhook(server, path(), body, SIGN.aftership!(body, secret));
    return response.status;
  }

  it("reads an endpoint once for a burst, and at once again for a rotated secret", async () => {
    const payloads = [await aftershipPayload(), await aftershipPayload(), await aftershipPayload()];
    await server.drainJobs();
    server.database.queries.length = 0;
    expect(await post(payloads[0]!, SECRET)).toBe(202);
    expect(await post(payloads[1]!, SECRET)).toBe(202);
    const endpointReads = () =>
      // The route's read is the one with the secret (the ingestion job reads provider and tenant).
      server.database.queries.filter(
        (sql) => /FROM "(\w+"\.")?WebhookEndpoint"/.test(sql) && sql.includes('"secret"'),
      ).length;
    expect(endpointReads()).toBe(1);

    // Rotated straight in the table: the cached endpoint still holds the old secret.
    const rotated = "whsec_batches_rotated_987654321";
    await server.database.db.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secret: server.secretBox.seal(rotated) },
    });
    expect(await post(payloads[2]!, rotated)).toBe(202);
    await server.drainJobs();
    expect(await eventCount(payloads[2]!.msg.tracking_number)).toBe(6);
  });

  it("answers 404 and stores nothing for an endpoint deleted after it was cached", async () => {
    const endpoint = await server.database.db.webhookEndpoint.create({
      data: {
        tenantId: server.tenant.tenantId,
        provider: "aftership",
        secret: server.secretBox.seal(SECRET),
      },
    });
    const payload = await aftershipPayload();
    const other = await aftershipPayload();
    const postTo = async (body: AftershipPayload) => {
      const text = JSON.stringify(body);
      return (
        await postWebhook(
          server,
          `/webhooks/carriers/aftership/${endpoint.id}`,
          text,
          SIGN.aftership!(text, SECRET),
        )
      ).status;
    };
    expect(await postTo(payload)).toBe(202);
    await server.drainJobs();
    await server.database.db.webhookEndpoint.delete({ where: { id: endpoint.id } });
    expect(await postTo(other)).toBe(404);
    expect(
      await server.database.db.webhookDelivery.count({ where: { eventId: other.event_id } }),
    ).toBe(0);
  });
});
