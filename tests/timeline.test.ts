import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildShipment } from "./helpers/factories.ts";
import { RecordEvents, ShipmentTimeline } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const shenzhen = { city: "Shenzhen", region: "Guangdong", countryCode: "cn" };
const losAngeles = { city: "Los Angeles", region: "CA", postalCode: "90045", countryCode: "US" };

describe("timeline", () => {
  it("lists events oldest first whatever order they were recorded in, keeping offsets", async () => {
    const id = await buildShipment(server);
    const record = await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          {
            occurredAt: "2026-11-08T07:10:00-08:00",
            status: "IN_TRANSIT",
            substatus: "ARRIVED_DESTINATION_COUNTRY",
            rawCode: "AR",
            rawDescription: "Arrived at LAX",
            location: losAngeles,
          },
          {
            occurredAt: "2026-11-03T09:00:00+08:00",
            status: "INFO_RECEIVED",
            substatus: "LABEL_CREATED",
            rawCode: "MP",
            rawDescription: "Label created",
            location: shenzhen,
          },
          {
            occurredAt: "2026-11-03T18:30:00+08:00",
            status: "IN_TRANSIT",
            substatus: "PICKED_UP",
            rawCode: "PU",
            rawDescription: "Picked up",
            location: shenzhen,
          },
        ],
      },
    });
    expect(record.data?.recordTrackingEvents).toMatchObject({
      recordedCount: 3,
      duplicateCount: 0,
      errors: [],
    });

    const { data } = await server.request(ShipmentTimeline, { id });
    const timeline = data?.shipment?.timeline ?? [];
    expect(timeline.map((e) => e.occurredAt)).toEqual([
      "2026-11-03T09:00:00+08:00",
      "2026-11-03T18:30:00+08:00",
      "2026-11-08T07:10:00-08:00",
    ]);
    expect(timeline.map((e) => e.isPhysicalScan)).toEqual([false, true, true]);
    expect(timeline[0]).toMatchObject({
      rawCode: "MP",
      rawDescription: "Label created",
      description: "Shipping label created",
      location: { city: "Shenzhen", countryCode: "CN", postalCode: null },
    });
    expect(data?.shipment).toMatchObject({
      status: "IN_TRANSIT",
      substatus: "ARRIVED_DESTINATION_COUNTRY",
    });
  });

  it("collapses replayed events, including the same instant written in another offset", async () => {
    const id = await buildShipment(server);
    const event = {
      occurredAt: "2026-11-04T02:00:00+08:00",
      status: "IN_TRANSIT" as const,
      rawCode: "DP",
      location: shenzhen,
    };
    const first = await server.request(RecordEvents, {
      input: { shipmentId: id, events: [event, event] },
    });
    expect(first.data?.recordTrackingEvents).toMatchObject({ recordedCount: 1, duplicateCount: 1 });

    const sameInstantInUtc = { ...event, occurredAt: "2026-11-03T18:00:00Z" };
    const replay = await server.request(RecordEvents, {
      input: { shipmentId: id, events: [sameInstantInUtc] },
    });
    expect(replay.data?.recordTrackingEvents).toMatchObject({
      recordedCount: 0,
      duplicateCount: 1,
    });

    const { data } = await server.request(ShipmentTimeline, { id });
    expect(data?.shipment?.timeline).toHaveLength(1);
  });

  it("keeps status from the latest event when an older one arrives late", async () => {
    const id = await buildShipment(server);
    await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          {
            occurredAt: "2026-11-12T14:02:00-05:00",
            status: "DELIVERED",
            substatus: "SIGNED",
            rawCode: "D1",
          },
        ],
      },
    });
    const late = await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          { occurredAt: "2026-11-12T08:00:00-05:00", status: "OUT_FOR_DELIVERY", rawCode: "OF" },
        ],
      },
    });
    expect(late.data?.recordTrackingEvents).toMatchObject({
      recordedCount: 1,
      shipment: {
        status: "DELIVERED",
        substatus: "SIGNED",
        lastEventAt: "2026-11-12T19:02:00.000Z",
      },
    });
    const { data } = await server.request(ShipmentTimeline, { id });
    expect(data?.shipment?.timeline.map((e) => e.status)).toEqual([
      "OUT_FOR_DELIVERY",
      "DELIVERED",
    ]);
  });

  it("describes events in the negotiated locale: zh-TW -> zh-Hant, zh-SG -> zh-Hans, unmatched -> en", async () => {
    const id = await buildShipment(server);
    await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          {
            occurredAt: "2026-11-05T10:00:00+08:00",
            status: "EXCEPTION",
            substatus: "CUSTOMS_HELD",
          },
        ],
      },
    });
    const describe = async (locale: string | null) =>
      (await server.request(ShipmentTimeline, { id, locale })).data?.shipment?.timeline[0]
        ?.description;
    expect(await describe("zh-Hans")).toBe("海关扣留");
    expect(await describe("zh-Hant-TW")).toBe("遭海關扣留");
    expect(await describe("zh-TW")).toBe("遭海關扣留");
    expect(await describe("zh-SG")).toBe("海关扣留");
    expect(await describe("fr-FR")).toBe("Retenu en douane");
    expect(await describe("sw")).toBe("Held by customs");
    expect(await describe(null)).toBe("Held by customs");
  });

  it("maps a raw carrier code to a status when the status is omitted", async () => {
    const id = await buildShipment(server);
    const result = await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          { occurredAt: "2026-11-06T10:00:00-05:00", rawCode: "D", rawDescription: "DELIVERED" },
        ],
      },
    });
    expect(result.data?.recordTrackingEvents.errors).toEqual([]);
    expect(result.data?.recordTrackingEvents.shipment?.status).toBe("DELIVERED");
  });

  it("maps a last-mile carrier's raw code through that carrier's table and names it", async () => {
    const id = await buildShipment(server);
    const result = await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          {
            occurredAt: "2026-11-09T11:20:00-05:00",
            carrier: "usps",
            rawCode: "01",
            rawDescription: "Delivered",
          },
        ],
      },
    });
    expect(result.data?.recordTrackingEvents).toMatchObject({
      errors: [],
      shipment: { status: "DELIVERED" },
    });
    const Scanner = graphql(`
      query Scanner($id: ID!) { shipment(id: $id) { carrier { code } timeline { carrier { code } } } }
    `);
    const { data } = await server.request(Scanner, { id });
    expect(data?.shipment).toEqual({
      carrier: { code: "ups" },
      timeline: [{ carrier: { code: "usps" } }],
    });
  });
});
