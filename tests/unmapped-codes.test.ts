import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildShipment } from "./helpers/factories.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const Unmapped = graphql(`query UnmappedCodes { unmappedCarrierCodes { carrier rawCode count } }`);

/** Stores events as an ingest of a carrier payload with codes its table lacks would. */
async function storeUnknownCodes(
  shipmentGlobalId: string,
  codes: { code: string; carrier?: string }[],
) {
  const shipmentId = Buffer.from(shipmentGlobalId, "base64").toString().split(":")[1]!;
  await server.database.db.trackingEvent.createMany({
    data: codes.map(({ code, carrier }, index) => ({
      shipmentId,
      occurredAt: new Date(Date.UTC(2026, 10, 3, index)),
      utcOffsetMinutes: 0,
      status: "IN_TRANSIT",
      rawCode: code,
      rawDescription: "new scan type",
      carrier: carrier ?? null,
      codeKnown: false,
      source: "WEBHOOK",
      dedupeKey: `${code}-${index}`,
    })),
  });
}

describe("unmappedCarrierCodes", () => {
  it("counts the caller's stored unknown-code events by scanning carrier, most frequent first", async () => {
    const shipment = await buildShipment(server);
    await storeUnknownCodes(shipment, [
      { code: "NEW1" },
      { code: "NEW1" },
      { code: "NEW1" },
      { code: "HANDOFF9", carrier: "usps" },
    ]);
    const other = await server.createTenant("Tenant B");
    const theirs = await buildShipment(server, {
      apiKey: other.apiKey,
      storeId: Buffer.from(`Store:${other.amazonStoreId}`).toString("base64"),
    });
    await storeUnknownCodes(theirs, [{ code: "THEIRS" }]);

    const mine = (await server.request(Unmapped, {})).data?.unmappedCarrierCodes;
    expect(mine).toEqual([
      { carrier: "ups", rawCode: "NEW1", count: 3 },
      { carrier: "usps", rawCode: "HANDOFF9", count: 1 },
    ]);
    const seenByB = (await server.request(Unmapped, {}, other.apiKey)).data?.unmappedCarrierCodes;
    expect(seenByB).toEqual([{ carrier: "ups", rawCode: "THEIRS", count: 1 }]);
  });
});
