import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildShipment } from "./helpers/factories.ts";
import { settle, subscribe } from "./helpers/live.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
let redisDown = false;
beforeAll(async () => {
  server = await startTestServer({
    readinessChecks: {
      redis: async () => {
        if (redisDown) throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
      },
    },
  });
});
afterAll(() => server.close());

const get = (path: string) => fetch(server.url.replace("/graphql", path));

describe("operations endpoints", () => {
  it("answers /healthz while the process runs", async () => {
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz 200 when every dependency answers, 503 naming the one that does not", async () => {
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: { database: "ok", jobs: "ok", redis: "ok" },
    });
    redisDown = true;
    try {
      const down = await get("/readyz");
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({
        status: "unavailable",
        failing: ["redis"],
        checks: { database: "ok", jobs: "ok", redis: "connect ECONNREFUSED 127.0.0.1:6379" },
      });
    } finally {
      redisDown = false;
    }
  });

  it("exposes Prometheus metrics: requests, events recorded, jobs, connections", async () => {
    const before = await metric("trackline_events_recorded_total");
    const shipmentId = await buildShipment(server);
    await server.request(RecordEvents, {
      input: {
        shipmentId,
        events: [
          { occurredAt: "2026-11-10T09:00:00-05:00", status: "IN_TRANSIT", rawCode: "IT" },
          { occurredAt: "2026-11-11T09:00:00-05:00", status: "OUT_FOR_DELIVERY", rawCode: "OT" },
        ],
      },
    });
    expect(await metric("trackline_events_recorded_total")).toBe(before + 2);
    const { db, jobs } = server.database;
    const inAnHour = new Date(Date.now() + 3_600_000);
    await db.$transaction((tx) =>
      jobs.enqueue(tx, "seller-risk-sweep", {}, { key: "metrics-test", startAfter: inAnHour }),
    );
    const client = server.wsClient();
    subscribe(client, "subscription { trackingEventAdded { events { status } } }", {});
    await settle(client);
    const text = await (await get("/metrics")).text();
    expect(text).toMatch(/^graphql_envelop_request\{.*operationName="RecordEvents".*\} \d+/m);
    expect(text).toMatch(
      /^graphql_envelop_request_duration_bucket\{.*operationName="RecordEvents"/m,
    );
    expect(text).toMatch(/^graphql_yoga_http_duration_bucket\{/m);
    // Dropped for their per-request cost (ops.ts GRAPHQL_METRICS).
    expect(text).not.toMatch(/^graphql_envelop_deprecated_field/m);
    expect(text).not.toMatch(/^graphql_envelop_request_time_summary/m);
    expect(text).toMatch(/^trackline_websocket_connections [1-9]/m);
    expect(text).toMatch(/^trackline_jobs\{queue="seller-risk-sweep",state="created"\} [1-9]/m);
    expect(text).toMatch(/^trackline_jobs\{queue="webhook-delivery",state="failed"\} 0/m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  });

  it("counts open exceptions by type", async () => {
    const failedBefore = await labelled("trackline_open_exceptions", 'type="DELIVERY_FAILED"');
    const shipmentId = await buildShipment(server);
    await server.request(RecordEvents, {
      input: {
        shipmentId,
        events: [{ occurredAt: "2026-11-19T09:00:00-05:00", status: "DELIVERY_FAILED" }],
      },
    });
    await server.drainJobs();
    expect(await labelled("trackline_open_exceptions", 'type="DELIVERY_FAILED"')).toBe(
      failedBefore + 1,
    );
    // Every type has its series, at 0 when none is open.
    expect(await labelled("trackline_open_exceptions", 'type="CUSTOMS_HELD"')).toBe(0);
  });
});

async function labelled(name: string, labels: string): Promise<number> {
  const text = await (await get("/metrics")).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name}{${labels}} `));
  if (!line) throw new Error(`no ${name}{${labels}} in /metrics`);
  return Number(line.split(" ")[1]);
}

async function metric(name: string): Promise<number> {
  const text = await (await get("/metrics")).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1] ?? 0);
}
