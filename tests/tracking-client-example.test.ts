import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  createLiveClient,
  fetchTimeline,
  ShipmentUpdated,
  subscribe,
  TrackingEventAdded,
  TracklineError,
} from "../examples/tracking-client/client.ts";
import { buildShipment } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

/** The example of examples/tracking-client/ against the real server, so it cannot rot. */

let server: TestServer;
let id = "";
const options = () => ({ url: server.url, apiKey: server.tenant.apiKey });

async function record(occurredAt: string, status: string, city: string, countryCode: string) {
  const result = await server.request(RecordEvents, {
    input: {
      shipmentId: id,
      events: [{ occurredAt, status, rawCode: occurredAt, location: { city, countryCode } }],
    } as never,
  });
  expect(result.data?.recordTrackingEvents.errors).toEqual([]);
}

beforeAll(async () => {
  server = await startTestServer();
  id = await buildShipment(server);
  await record("2026-11-10T09:00:00+08:00", "IN_TRANSIT", "Shenzhen", "CN");
  await record("2026-11-12T07:00:00-08:00", "IN_TRANSIT", "Los Angeles", "US");
});
afterAll(() => server.close());

describe("the typed client example", () => {
  it("reads a timeline, the current place and the estimate", async () => {
    const shipment = await fetchTimeline(options(), id, "en");
    expect(shipment?.id).toBe(id);
    expect(shipment?.carrier.name).toBe("UPS");
    expect(shipment?.timeline.map((entry) => [entry.location?.city, entry.status])).toEqual([
      ["Shenzhen", "IN_TRANSIT"],
      ["Los Angeles", "IN_TRANSIT"],
    ]);
    expect(shipment?.timeline[0]?.description).toEqual(expect.any(String));
    expect(shipment?.currentPlace).toMatchObject({
      city: "Los Angeles",
      countryCode: "US",
      coordinates: { precision: "CITY" },
    });
    expect(shipment?.currentPlace?.coordinates?.longitude).toBeCloseTo(-118.24, 1);
    // Not delivered: an estimate with a window (its dates depend on the lane's defaults).
    const estimate = shipment?.estimatedDelivery;
    expect(estimate && estimate.earliest <= estimate.latest).toBe(true);
  });

  it("answers null for a shipment the key cannot see, and throws the API's error for a bad key", async () => {
    const other = await server.createTenant("Example tenant B");
    expect(await fetchTimeline({ ...options(), apiKey: other.apiKey }, id)).toBeNull();
    const bad = fetchTimeline({ ...options(), apiKey: `${server.tenant.apiKey}x` }, id);
    await expect(bad).rejects.toBeInstanceOf(TracklineError);
    await expect(bad).rejects.toMatchObject({ code: "MALFORMED_API_KEY" });
  });

  it("follows a shipment and the tenant's events over graphql-ws", async () => {
    const client = createLiveClient({ ...options(), webSocketImpl: WebSocket });
    const statuses: string[] = [];
    const events: string[] = [];
    const errors: unknown[] = [];
    const stops = [
      subscribe(
        client,
        ShipmentUpdated,
        { id },
        (data) => statuses.push(data.shipmentUpdated.status),
        (e) => errors.push(e),
      ),
      subscribe(
        client,
        TrackingEventAdded,
        { locale: "en" },
        (data) => {
          events.push(...data.trackingEventAdded.events.map((event) => event.status));
        },
        (e) => errors.push(e),
      ),
    ];
    // Subscriptions are in place once the server acknowledged the connection and both started.
    await new Promise<void>((resolve) => client.on("connected", () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await record("2026-11-13T08:00:00-08:00", "OUT_FOR_DELIVERY", "Los Angeles", "US");
    await expect
      .poll(() => [statuses, events], { timeout: 5000 })
      .toEqual([["OUT_FOR_DELIVERY"], ["OUT_FOR_DELIVERY"]]);
    expect(errors).toEqual([]);
    for (const stop of stops) stop();
    await client.dispose();
  });
});
