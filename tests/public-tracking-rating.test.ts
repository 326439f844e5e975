import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { globalId } from "./helpers/factories.ts";
import { rate, recordEvents, trackedShipment } from "./helpers/public-tracking.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

/** One-tap delivery ratings from the public page, and the seller's report of them (decision 044). */
const DeliveryFeedbackQuery = graphql(`
  query DeliveryFeedbackReport($storeId: ID!, $since: DateTime) {
    deliveryFeedback(storeId: $storeId, since: $since) {
      count
      average
      byCarrier { carrier count average }
      byLane { originCountry destinationCountry count average }
      latestComments { rating comment carrier originCountry destinationCountry ratedAt }
    }
  }
`);

let clock = new Date("2026-11-20T12:00:00Z");
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const delivered = {
  occurredAt: "2026-11-08T14:00:00-08:00",
  status: "DELIVERED" as const,
  rawCode: "DL",
};

async function deliveredShipment(options: Parameters<typeof trackedShipment>[1] = {}) {
  const shipment = await trackedShipment(server, options);
  await recordEvents(server, shipment.shipmentId, [delivered], options.apiKey);
  return shipment;
}

describe("rateDelivery", () => {
  it("refuses a parcel not delivered yet, with a typed code", async () => {
    const { token } = await trackedShipment(server);
    const answer = await rate(server, { token, rating: 5 });
    expect(answer).toMatchObject({
      rating: null,
      errors: [{ code: "NOT_DELIVERED", field: "token" }],
    });
    expect(await server.database.db.deliveryFeedback.count()).toBe(0);
  });

  it("names the field at fault: a rating outside 1-5, a comment over 1000 characters", async () => {
    const { token } = await deliveredShipment();
    const tooLong = await rate(server, { token, rating: 4, comment: "x".repeat(1001) });
    expect(tooLong.errors).toEqual([
      expect.objectContaining({ code: "TOO_LONG", field: "comment" }),
    ]);
    const outOfRange = await rate(server, { token, rating: 6 });
    expect(outOfRange.errors).toEqual([
      expect.objectContaining({ code: "INVALID_INPUT", field: "rating" }),
    ]);
    const unknown = await rate(server, { token: "B".repeat(32), rating: 3 });
    expect(unknown.errors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: "token" }),
    ]);
    const fits = await rate(server, { token, rating: 4, comment: `  ${"y".repeat(1000)}  ` });
    expect(fits.errors).toEqual([]);
  });

  it("keeps one rating per parcel: a second replaces it within 14 days, later ones are refused", async () => {
    const { shipmentId, token } = await deliveredShipment();
    const rawId = Buffer.from(shipmentId, "base64").toString().split(":")[1]!;
    const first = await rate(server, { token, rating: 2, comment: "Box was crushed" });
    expect(first).toEqual({ rating: 2, comment: "Box was crushed", errors: [] });
    clock = new Date("2026-11-30T12:00:00Z");
    const second = await rate(server, { token, rating: 4, comment: "  " });
    expect(second).toEqual({ rating: 4, comment: null, errors: [] });
    const rows = await server.database.db.deliveryFeedback.findMany({
      where: { shipmentId: rawId },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      rating: 4,
      comment: null,
      carrier: "ups",
      originCountry: "CN",
      destinationCountry: "US",
    });
    clock = new Date("2026-12-05T12:00:01Z");
    const late = await rate(server, { token, rating: 1 });
    expect(late.errors).toEqual([
      expect.objectContaining({ code: "RATING_CLOSED", field: "rating" }),
    ]);
    expect(
      (await server.database.db.deliveryFeedback.findFirst({ where: { shipmentId: rawId } }))
        ?.rating,
    ).toBe(4);
    clock = new Date("2026-11-20T12:00:00Z");
  });
});

describe("deliveryFeedback", () => {
  it("counts and averages a store's ratings by carrier and by lane, weakest first, with the latest comments", async () => {
    const seller = await server.createTenant("Rated seller");
    const storeId = globalId("Store", seller.amazonStoreId);
    const fromGermany = [
      {
        occurredAt: "2026-11-03T09:00:00+01:00",
        status: "IN_TRANSIT" as const,
        rawCode: "PU",
        location: { city: "Berlin", countryCode: "DE" },
      },
    ];
    const ratings: [Parameters<typeof trackedShipment>[1], number, string | null][] = [
      [{}, 5, "Fast"],
      [{}, 4, null],
      [{ events: fromGermany }, 1, "Lost for a week"],
      [{ events: fromGermany, carrier: "dhl", trackingNumber: "1234567806" }, 2, null],
    ];
    for (const [options, rating, comment] of ratings) {
      const { token } = await deliveredShipment({ ...options, apiKey: seller.apiKey, storeId });
      expect((await rate(server, { token, rating, comment })).errors).toEqual([]);
    }
    const result = await server.request(DeliveryFeedbackQuery, { storeId }, seller.apiKey);
    expect(result.errors).toBeUndefined();
    const report = result.data?.deliveryFeedback;
    expect(report).toMatchObject({ count: 4, average: 3 });
    expect(report?.byCarrier).toEqual([
      { carrier: "dhl", count: 1, average: 2 },
      { carrier: "ups", count: 3, average: 10 / 3 },
    ]);
    expect(report?.byLane).toEqual([
      { originCountry: "DE", destinationCountry: "US", count: 2, average: 1.5 },
      { originCountry: "CN", destinationCountry: "US", count: 2, average: 4.5 },
    ]);
    expect(report?.latestComments.map((c) => [c.rating, c.comment, c.originCountry])).toEqual([
      [1, "Lost for a week", "DE"],
      [5, "Fast", "CN"],
    ]);
    // A later `since` leaves out what was rated before it.
    const later = await server.request(
      DeliveryFeedbackQuery,
      { storeId, since: "2026-11-21T00:00:00Z" },
      seller.apiKey,
    );
    expect(later.data?.deliveryFeedback).toMatchObject({ count: 0, average: null, byLane: [] });

    // Another tenant sees neither the report nor these ratings in its own.
    const other = await server.createTenant("Other seller");
    const foreign = await server.request(DeliveryFeedbackQuery, { storeId }, other.apiKey);
    expect(foreign.data?.deliveryFeedback).toBeNull();
    const own = await server.request(
      DeliveryFeedbackQuery,
      { storeId: globalId("Store", other.amazonStoreId) },
      other.apiKey,
    );
    expect(own.data?.deliveryFeedback).toMatchObject({ count: 0, latestComments: [] });
  });
});
