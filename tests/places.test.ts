import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildShipment } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ShipmentPlaces = graphql(`
  query ShipmentPlaces($id: ID!) {
    shipment(id: $id) {
      timeline {
        location {
          city region countryCode latitude longitude
          coordinates { latitude longitude precision }
        }
      }
      route { city countryCode coordinates { precision } }
      currentPlace { city countryCode coordinates { latitude longitude precision } }
    }
  }
`);

const rawId = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const scan = (day: number, location: Record<string, unknown> | undefined) => ({
  occurredAt: `2026-11-${String(day).padStart(2, "0")}T09:00:00+08:00`,
  status: "IN_TRANSIT" as const,
  rawCode: `S${day}`,
  location,
});

async function record(id: string, events: ReturnType<typeof scan>[]) {
  const result = await server.request(RecordEvents, { input: { shipmentId: id, events } });
  expect(result.data?.recordTrackingEvents.errors).toEqual([]);
}

async function places(id: string) {
  const result = await server.request(ShipmentPlaces, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.shipment!;
}

describe("places on a map", () => {
  it("geocodes each entry's location when it is stored, and keeps a carrier's coordinates", async () => {
    const id = await buildShipment(server);
    await record(id, [
      scan(3, { city: "SÃO PAULO", countryCode: "br" }),
      scan(4, { city: "Springfield", region: "Massachusetts", countryCode: "US" }),
      scan(5, { city: "Unheard-of", region: "Bavaria", countryCode: "DE" }),
      scan(6, { countryCode: "FR" }),
      scan(7, { city: "Nowhere", countryCode: "XX" }),
      scan(8, { city: "Los Angeles", countryCode: "US", latitude: 33.9425, longitude: -118.408 }),
      scan(9, undefined),
    ]);
    const { timeline } = await places(id);
    expect(timeline.map((e) => e.location?.coordinates?.precision ?? null)).toEqual([
      "CITY",
      "CITY",
      "REGION",
      "COUNTRY",
      null,
      "EXACT",
      null,
    ]);
    expect(timeline[0]!.location).toMatchObject({
      city: "SÃO PAULO",
      coordinates: { latitude: expect.closeTo(-23.55, 1), longitude: expect.closeTo(-46.64, 1) },
    });
    // Springfield, MA, not the more populous one in Missouri.
    expect(timeline[1]!.location?.coordinates?.longitude).toBeCloseTo(-72.59, 1);
    expect(timeline[4]!.location).toMatchObject({ countryCode: "XX", coordinates: null });
    // The deprecated flat fields still say only what the carrier gave.
    expect(timeline.map((e) => e.location?.latitude ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      33.9425,
      null,
    ]);
    const stored = await server.database.db.trackingEvent.findMany({
      where: { shipmentId: rawId(id) },
      orderBy: { occurredAt: "asc" },
      select: { geoPrecision: true },
    });
    expect(stored.map((e) => e.geoPrecision)).toEqual([
      "CITY",
      "CITY",
      "REGION",
      "COUNTRY",
      null,
      "EXACT",
      null,
    ]);
  });

  it("lists the route's stops once per visit, and the latest place with coordinates", async () => {
    const id = await buildShipment(server);
    await record(id, [
      scan(3, { city: "Shenzhen", region: "Guangdong", countryCode: "CN" }),
      scan(4, { city: "SHENZHEN", countryCode: "cn" }),
      scan(5, undefined),
      scan(6, { city: "Hong Kong", countryCode: "HK" }),
      scan(7, { city: "Shenzhen", countryCode: "CN" }),
      scan(8, { city: "Zürich", countryCode: "CH" }),
      scan(9, { city: "Zurich", countryCode: "CH" }),
      scan(10, { city: "Lost", countryCode: "XX" }),
    ]);
    const { route, currentPlace } = await places(id);
    expect(route.map((place) => `${place.city} ${place.coordinates?.precision ?? "-"}`)).toEqual([
      "Shenzhen CITY",
      "Hong Kong CITY",
      "Shenzhen CITY",
      "Zürich CITY",
      "Lost -",
    ]);
    expect(currentPlace).toMatchObject({
      city: "Zürich",
      coordinates: { latitude: expect.closeTo(47.37, 1), precision: "CITY" },
    });
  });

  it("has an empty route and no current place before any located scan", async () => {
    const id = await buildShipment(server);
    await record(id, [scan(3, undefined)]);
    expect(await places(id)).toMatchObject({ route: [], currentPlace: null });
  });

  it("geocodes rows stored before geocoding existed when they are read", async () => {
    const id = await buildShipment(server);
    // As the migration left them: names, no coordinates, no precision.
    await server.database.db.trackingEvent.create({
      data: {
        shipmentId: rawId(id),
        occurredAt: new Date("2026-11-03T01:00:00Z"),
        utcOffsetMinutes: 480,
        status: "IN_TRANSIT",
        rawCode: "OLD",
        rawDescription: "",
        city: "Springfield",
        region: "IL",
        countryCode: "US",
        source: "MANUAL",
        dedupeKey: `legacy-${id}`,
      },
    });
    const { timeline, currentPlace } = await places(id);
    expect(timeline[0]!.location?.coordinates).toEqual({
      latitude: expect.closeTo(39.8, 1),
      longitude: expect.closeTo(-89.64, 1),
      precision: "CITY",
    });
    expect(currentPlace?.city).toBe("Springfield");
  });
});
