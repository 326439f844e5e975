import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import type { CanonicalEvent } from "../src/carriers/types.ts";
import { overruledByOverallStatus } from "../src/domain/carrier-payloads.ts";
import type { ShipmentChange } from "../src/domain/changes.ts";
import { MAX_EVENTS_PER_BATCH } from "../src/domain/record-events.ts";
import { processDelivery } from "../src/domain/webhook-inbox.ts";
import type { TrackingStatus } from "../src/vocabulary/index.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";
import {
  type AftershipPayload,
  aftershipDelivered,
  confirmFixtureParcel,
  createAftershipEndpoint,
  postWebhook,
  SIGN,
} from "./helpers/webhooks.ts";

let server: TestServer;
let endpointId = "";
const SECRET = "whsec_delivery_0123456789";
const NOW = new Date("2026-11-20T12:00:00Z");
const findAdapter = createCarrierRegistry().adapter;

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  endpointId = await createAftershipEndpoint(server, SECRET);
});
afterAll(() => server.close());

let sequence = 0;

/** AfterShip's delivered fixture under a number of its own, on a shipment confirmed for it. */
async function aftershipDelivery(): Promise<AftershipPayload> {
  sequence += 1;
  const payload = aftershipDelivered(
    `delivery-test-${sequence}`,
    `YT26030212345${String(sequence).padStart(5, "0")}`,
  );
  await confirmFixtureParcel(server, payload.msg.tracking_number);
  return payload;
}

async function post(payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  const path = `/webhooks/carriers/aftership/${endpointId}`;
  const response = await postWebhook(server, path, body, SIGN.aftership!(body, SECRET));
  await server.drainJobs();
  return response.status;
}

const deliveryOf = (eventId: string) =>
  server.database.db.webhookDelivery.findFirstOrThrow({ where: { eventId } });

const eventsOf = (trackingNumber: string) =>
  server.database.db.trackingEvent.findMany({
    where: { shipment: { trackingNumber } },
    orderBy: { occurredAt: "asc" },
  });

const shipmentOf = (trackingNumber: string) =>
  server.database.db.shipment.findFirstOrThrow({ where: { trackingNumber } });

describe("a delivery with more checkpoints than one batch", () => {
  it("ingests every checkpoint in batches and ends on the latest status", async () => {
    const payload = await aftershipDelivery();
    const template = payload.msg.checkpoints[3]!;
    const delivered = payload.msg.checkpoints.at(-1)!;
    const count = MAX_EVENTS_PER_BATCH * 2 + 37;
    const start = Date.parse("2026-03-02T00:00:00Z");
    payload.msg.checkpoints = Array.from({ length: count }, (_, index) => ({
      ...(index === count - 1 ? delivered : template),
      message: `scan ${index}`,
      checkpoint_time: new Date(start + index * 60_000).toISOString().replace(".000Z", "Z"),
    }));

    expect(await post(payload)).toBe(202);
    expect(await deliveryOf(payload.event_id)).toMatchObject({
      state: "PROCESSED",
      eventCount: count,
      error: null,
    });
    expect(await eventsOf(payload.msg.tracking_number)).toHaveLength(count);
    expect(await shipmentOf(payload.msg.tracking_number)).toMatchObject({ status: "DELIVERED" });
  });
});

describe("control characters in a carrier's words", () => {
  it("drops NUL, turns other controls into a space, and keeps the delivery", async () => {
    const payload = await aftershipDelivery();
    const [first, second] = payload.msg.checkpoints;
    first!.message = "Shipment\u0000 information received";
    second!.message = "Picked\r\nup\u0007";
    second!.city = "Shen\tzhen\u0085";

    expect(await post(payload)).toBe(202);
    expect(await deliveryOf(payload.event_id)).toMatchObject({
      state: "PROCESSED",
      eventCount: payload.msg.checkpoints.length,
      error: null,
    });
    const [infoReceived, pickedUp] = await eventsOf(payload.msg.tracking_number);
    expect(infoReceived?.rawDescription).toBe("Shipment information received");
    expect(pickedUp).toMatchObject({ rawDescription: "Picked up", city: "Shen zhen" });
    expect(await shipmentOf(payload.msg.tracking_number)).toMatchObject({ status: "DELIVERED" });
  });
});

/** The test database, except that the first `failures` transactions fail as a dropped link would. */
function flakyDatabase(db: PrismaClient, failures: number): PrismaClient {
  let left = failures;
  return new Proxy(db, {
    get(target, property) {
      if (property === "$transaction" && left > 0) {
        left -= 1;
        return () => Promise.reject(new Error("Connection terminated unexpectedly"));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("a transient database failure while ingesting", () => {
  async function storedDelivery(): Promise<{ id: string; trackingNumber: string }> {
    const payload = await aftershipDelivery();
    const delivery = await server.database.db.webhookDelivery.create({
      data: { endpointId, eventId: payload.event_id, rawBody: JSON.stringify(payload) },
    });
    return { id: delivery.id, trackingNumber: payload.msg.tracking_number };
  }

  it("is retried after a back-off and the delivery is processed", async () => {
    const { id, trackingNumber } = await storedDelivery();
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const published: ShipmentChange[] = [];
    const changes = await processDelivery(flakyDatabase(server.database.db, 2), id, {
      now: NOW,
      findAdapter,
      jobs: server.database.jobs,
      publisher: {
        publish: (change) => published.push(change),
        riskRaised: () => {},
        exceptionRaised: () => {},
      },
      retry: { attempts: 3, baseDelayMs: 50, sleep },
    });
    expect(waits).toEqual([50, 100]);
    expect(changes.flatMap((change) => change.eventIds)).toHaveLength(6);
    expect(published.map((change) => change.eventIds.length)).toEqual([6]);
    expect(
      await server.database.db.webhookDelivery.findUniqueOrThrow({ where: { id } }),
    ).toMatchObject({ state: "PROCESSED", eventCount: 6, error: null });
    expect(await shipmentOf(trackingNumber)).toMatchObject({ status: "DELIVERED" });
  });

  it("gives up after the last attempt and keeps the reason on a FAILED row", async () => {
    const { id, trackingNumber } = await storedDelivery();
    const waits: number[] = [];
    await processDelivery(flakyDatabase(server.database.db, 5), id, {
      now: NOW,
      findAdapter,
      jobs: server.database.jobs,
      publisher: { publish: () => {}, riskRaised: () => {}, exceptionRaised: () => {} },
      retry: { attempts: 3, baseDelayMs: 10, sleep: async (ms) => void waits.push(ms) },
    });
    expect(waits).toEqual([10, 20]);
    const row = await server.database.db.webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("FAILED");
    expect(row.error).toMatch(/Connection terminated/);
    expect(await eventsOf(trackingNumber)).toHaveLength(0);
  });
});

describe("overruledByOverallStatus (decision 023)", () => {
  const event = (status: TrackingStatus, occurredAt: string): CanonicalEvent => ({
    carrier: "usps",
    trackingNumber: "X1",
    occurredAt,
    rawCode: status,
    rawDescription: "",
    status,
    substatus: null,
    known: true,
  });
  const events = [
    event("IN_TRANSIT", "2026-03-04T10:00:00-05:00"),
    event("DELIVERED", "2026-03-05T10:00:00-05:00"),
    event("OUT_FOR_DELIVERY", "2026-03-05T15:00:00Z"),
    // Later on the wall clock, earlier as an instant: not after the delivery.
    event("IN_TRANSIT", "2026-03-05T15:30:00+01:00"),
  ];

  it("overrules non-delivery scans timed at or after the latest delivery, by instant", () => {
    expect(overruledByOverallStatus(events, "DELIVERED")).toEqual([false, false, true, false]);
  });

  it("overrules nothing when the provider does not say DELIVERED or no scan is a delivery", () => {
    expect(overruledByOverallStatus(events, "EXCEPTION")).toEqual([false, false, false, false]);
    expect(overruledByOverallStatus(events, null)).toEqual([false, false, false, false]);
    const undelivered = events.filter((e) => e.status !== "DELIVERED");
    expect(overruledByOverallStatus(undelivered, "DELIVERED")).toEqual([false, false, false]);
  });
});
