import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarBook } from "../src/domain/eta/calendar.ts";
import {
  type ExceptionDeps,
  evaluateShipmentExceptions,
} from "../src/domain/exceptions/evaluate.ts";
import { createStallTables } from "../src/domain/exceptions/stall-history.ts";
import { sweepShipmentExceptions } from "../src/domain/exceptions/sweep.ts";
import { graphql } from "./generated/index.ts";
import { buildShipment, globalId } from "./helpers/factories.ts";
import { settle, subscribe } from "./helpers/live.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let clock = new Date("2026-11-20T12:00:00Z");
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const ShipmentExceptions = graphql(`
  query ShipmentExceptions($id: ID!, $open: Boolean, $locale: Locale) {
    shipment(id: $id) {
      exceptions(open: $open) {
        type
        open
        since
        openedAt
        closedAt
        evidence
        suggestedAction(locale: $locale)
      }
    }
  }
`);

const Exceptions = graphql(`
  query Exceptions($filter: ShipmentExceptionFilter, $first: Int) {
    exceptions(filter: $filter, first: $first) {
      countsByType { type count }
      edges { node { type shipment { id } } }
      pageInfo { hasNextPage }
    }
  }
`);

const ExceptionRaised = graphql(`
  subscription ExceptionRaised($storeId: ID!) {
    exceptionRaised(storeId: $storeId) { type open suggestedAction shipment { id } }
  }
`);

const losAngeles = { city: "Los Angeles", region: "CA", postalCode: "90045", countryCode: "US" };
const shenzhen = { city: "Shenzhen", countryCode: "CN" };

const pickedUp = {
  occurredAt: "2026-11-03T18:30:00+08:00",
  status: "IN_TRANSIT",
  substatus: "PICKED_UP",
  rawCode: "PU",
  rawDescription: "Picked up",
  location: shenzhen,
} as const;
const arrived = {
  occurredAt: "2026-11-16T07:10:00-08:00",
  status: "IN_TRANSIT",
  substatus: "ARRIVED_DESTINATION_COUNTRY",
  rawCode: "AR",
  rawDescription: "Arrived at LAX",
  location: losAngeles,
} as const;
const failed = {
  occurredAt: "2026-11-19T14:00:00-08:00",
  status: "DELIVERY_FAILED",
  substatus: "RECIPIENT_UNAVAILABLE",
  rawCode: "NA",
  rawDescription: "Nobody home",
  location: losAngeles,
} as const;
const outForDelivery = {
  occurredAt: "2026-11-20T08:00:00-08:00",
  status: "OUT_FOR_DELIVERY",
  rawCode: "OD",
  rawDescription: "Out for delivery",
  location: losAngeles,
} as const;

async function record(shipmentId: string, events: object[], apiKey?: string) {
  const result = await server.request(
    RecordEvents,
    { input: { shipmentId, events } as never },
    apiKey,
  );
  expect(result.data?.recordTrackingEvents.errors).toEqual([]);
  await server.drainJobs();
}

const rawId = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;

/** Deps at `now`; the app's clock moves there too, so a scheduled sweep in between agrees. */
function deps(now: Date): ExceptionDeps {
  clock = now;
  const calendars = createCalendarBook();
  return {
    now,
    publisher: server.publisher,
    calendars,
    stallTables: createStallTables({ db: server.database.db, calendars }),
  };
}

describe("exceptions on recorded events", () => {
  it("opens DELIVERY_FAILED with an action in the seller's language, and closes it when the parcel moves again", async () => {
    clock = new Date("2026-11-20T12:00:00Z");
    const id = await buildShipment(server);
    await record(id, [pickedUp, arrived, failed]);

    const opened = await server.request(ShipmentExceptions, { id, locale: "de" });
    expect(opened.data?.shipment?.exceptions).toEqual([
      {
        type: "DELIVERY_FAILED",
        open: true,
        since: "2026-11-19T22:00:00.000Z",
        openedAt: "2026-11-20T12:00:00.000Z",
        closedAt: null,
        evidence: {
          status: "DELIVERY_FAILED",
          substatus: "RECIPIENT_UNAVAILABLE",
          eventAt: "2026-11-19T22:00:00.000Z",
        },
        suggestedAction:
          "UPS konnte das Paket nicht zustellen. Prüfen Sie die Adresse mit dem Käufer und vereinbaren Sie mit UPS eine neue Zustellung oder Abholung.",
      },
    ]);
    // Without a locale: the Amazon US site's language.
    const english = await server.request(ShipmentExceptions, { id });
    expect(english.data?.shipment?.exceptions[0]?.suggestedAction).toMatch(
      /^UPS could not deliver the parcel\./,
    );

    clock = new Date("2026-11-20T17:00:00Z");
    await record(id, [outForDelivery]);
    const closed = await server.request(ShipmentExceptions, { id });
    expect(closed.data?.shipment?.exceptions).toMatchObject([
      { type: "DELIVERY_FAILED", open: false, closedAt: "2026-11-20T17:00:00.000Z" },
    ]);
    const stillOpen = await server.request(ShipmentExceptions, { id, open: true });
    expect(stillOpen.data?.shipment?.exceptions).toEqual([]);
  });

  it("keeps one open exception per type however many evaluations race", async () => {
    clock = new Date("2026-11-20T12:00:00Z");
    const id = await buildShipment(server);
    await record(id, [pickedUp, { ...failed, substatus: "ADDRESS_ISSUE" }]);
    const shipmentId = rawId(id);
    const runs = await Promise.all(
      Array.from({ length: 6 }, () =>
        evaluateShipmentExceptions(server.database.db, [shipmentId], deps(clock)),
      ),
    );
    expect(runs.flatMap((run) => run.raised)).toEqual([]);
    const rows = await server.database.db.shipmentException.findMany({ where: { shipmentId } });
    expect(rows.map((row) => [row.type, row.closedAt])).toEqual([["DELIVERY_FAILED", null]]);
    // Straight into the table, as a racing writer would: the partial unique index refuses it.
    await expect(
      server.database.db.shipmentException.create({
        data: {
          ...rows[0]!,
          id: undefined,
          evidence: {},
        },
      }),
    ).rejects.toThrow(/unique constraint/i);
  });
  it("opens LATE past the latest day of the estimate made at hand-over, when the order has no promise", async () => {
    clock = new Date("2026-11-20T12:00:00Z");
    const id = await buildShipment(server);
    await record(id, [pickedUp, arrived]);
    const early = await server.request(ShipmentExceptions, { id });
    expect(early.data?.shipment?.exceptions).toEqual([]);

    // A month and a half after pick-up, the parcel is still scanned now and then.
    clock = new Date("2026-12-22T12:00:00Z");
    await record(id, [{ ...arrived, occurredAt: "2026-12-21T09:00:00-08:00", rawCode: "AF" }]);
    const late = await server.request(ShipmentExceptions, { id, open: true });
    expect(late.data?.shipment?.exceptions).toHaveLength(1);
    const [found] = late.data?.shipment?.exceptions ?? [];
    expect(found).toMatchObject({ type: "LATE", evidence: { basis: "ESTIMATE" } });
    const day = String((found?.evidence as { date?: string } | undefined)?.date);
    expect(day > "2026-11-03" && day < "2026-12-22", day).toBe(true);
    expect(found?.suggestedAction).toBe(
      `The parcel was due by ${day} and has not been delivered. Tell the buyer, and consider a replacement or a partial refund.`,
    );
  });
});

describe("the exception sweep", () => {
  it("opens time-based exceptions (STALLED, LATE, NO_SCAN_AFTER_CONFIRMATION) counted in business days", async () => {
    clock = new Date("2026-11-20T12:00:00Z");
    const other = await server.createTenant("Sweep tenant");
    const storeId = globalId("Store", other.amazonStoreId);
    const quiet = await buildShipment(server, { apiKey: other.apiKey, storeId });
    await record(quiet, [pickedUp, arrived], other.apiKey);
    const unscanned = await buildShipment(server, { apiKey: other.apiKey, storeId });
    const db = server.database.db;
    // Confirmed on Friday 20 November; promised for Monday 23 November.
    await db.shipment.update({
      where: { id: rawId(unscanned) },
      data: { syncState: "CONFIRMED", syncConfirmedAt: new Date("2026-11-20T15:00:00Z") },
    });
    const order = await db.shipment.findUniqueOrThrow({ where: { id: rawId(quiet) } });
    await db.order.update({
      where: { id: order.orderId },
      data: {
        promisedDeliveryTo: new Date("2026-11-24T07:59:59Z"),
        promisedDeliveryToOffsetMinutes: -480,
      },
    });

    // Monday 23: the quiet parcel's last scan (Mon 16) is 5 business days old, over the default 4.
    // The unscanned one has one business day since its confirmation (the weekend does not count).
    const monday = await sweepShipmentExceptions(db, deps(new Date("2026-11-23T20:00:00Z")));
    const mine = (run: typeof monday) =>
      run.raised
        .filter((change) => change.tenantId === other.tenantId)
        .map(
          (change) =>
            `${change.shipmentId === rawId(quiet) ? "quiet" : "unscanned"} ${change.type}`,
        )
        .sort();
    expect(mine(monday)).toEqual(["quiet STALLED"]);

    const wednesday = await sweepShipmentExceptions(db, deps(new Date("2026-11-25T20:00:00Z")));
    expect(mine(wednesday)).toEqual(["quiet LATE", "unscanned NO_SCAN_AFTER_CONFIRMATION"]);
    expect(mine(await sweepShipmentExceptions(db, deps(new Date("2026-11-25T21:00:00Z"))))).toEqual(
      [],
    );

    const all = await server.request(Exceptions, { filter: { storeId, open: true } }, other.apiKey);
    expect(all.data?.exceptions?.countsByType).toEqual([
      { type: "STALLED", count: 1 },
      { type: "LATE", count: 1 },
      { type: "NO_SCAN_AFTER_CONFIRMATION", count: 1 },
    ]);
    const page = await server.request(
      Exceptions,
      { filter: { storeId, types: ["STALLED", "LATE"] }, first: 1 },
      other.apiKey,
    );
    expect(page.data?.exceptions?.edges).toHaveLength(1);
    expect(page.data?.exceptions?.pageInfo.hasNextPage).toBe(true);
    expect(page.data?.exceptions?.countsByType).toEqual([
      { type: "STALLED", count: 1 },
      { type: "LATE", count: 1 },
    ]);
    const evidence = await server.request(
      ShipmentExceptions,
      { id: quiet, open: true },
      other.apiKey,
    );
    expect(evidence.data?.shipment?.exceptions.find((e) => e.type === "STALLED")).toMatchObject({
      since: "2026-11-16T15:10:00.000Z",
      evidence: {
        milestone: "ARRIVED_DESTINATION_COUNTRY",
        businessDays: 5,
        thresholdBusinessDays: 4,
        thresholdSource: "DEFAULT",
        lane: "CN>US",
      },
    });

    // Delivered: every exception of the parcel closes at the next evaluation.
    clock = new Date("2026-11-25T22:00:00Z");
    await record(
      quiet,
      [
        {
          ...outForDelivery,
          occurredAt: "2026-11-25T13:00:00-08:00",
          substatus: undefined,
          rawCode: "DL",
          status: "DELIVERED",
          rawDescription: "Delivered",
        },
      ],
      other.apiKey,
    );
    const after = await server.request(ShipmentExceptions, { id: quiet, open: true }, other.apiKey);
    expect(after.data?.shipment?.exceptions).toEqual([]);

    // Another tenant sees none of them.
    const theirs = await server.request(Exceptions, { filter: { open: true } });
    expect(theirs.data?.exceptions?.edges.some((edge) => edge.node.shipment.id === unscanned)).toBe(
      false,
    );
  });
  it("pages by shipment however many exceptions one holds open, and closes a delivered parcel's", async () => {
    const db = server.database.db;
    const { tenantId, amazonStoreId: storeId } = await server.createTenant("Paging tenant");
    const at = new Date("2026-11-10T12:00:00Z");
    // Ids before every cuid: x and y are delivered (only their open exceptions bring them into a
    // page), z is in transit; a page of two must not skip y for z.
    const parcels = [
      ["0-page-x", "DELIVERED"],
      ["0-page-y", "DELIVERED"],
      ["0-page-z", "IN_TRANSIT"],
    ] as const;
    for (const [id, status] of parcels) {
      await db.order.create({
        data: {
          ...{ id, tenantId, storeId, nativeOrderId: id, nativeStatus: "Shipped" },
          ...{ state: "SHIPPED", buyerLocale: "en-US", destinationCountry: "US", placedAt: at },
        },
      });
      await db.shipment.create({
        data: { id, tenantId, storeId, orderId: id, carrier: "ups", trackingNumber: id, status },
      });
    }
    const open = (shipmentId: string, type: string) =>
      ({ tenantId, storeId, shipmentId, type, since: at, evidence: {}, openedAt: at }) as const;
    await db.shipmentException.createMany({
      data: [
        open("0-page-x", "LATE"),
        open("0-page-x", "STALLED"),
        open("0-page-x", "DELIVERY_FAILED"),
        open("0-page-y", "LATE"),
      ],
    });
    await sweepShipmentExceptions(db, deps(new Date("2026-11-20T12:00:00Z")), { pageSize: 2 });
    const stillOpen = await db.shipmentException.count({
      where: { shipmentId: { in: ["0-page-x", "0-page-y"] }, closedAt: null },
    });
    expect(stillOpen).toBe(0);
  });
});

describe("exceptionRaised", () => {
  it("delivers an opened exception to its store's subscribers, and nothing to another store or tenant", async () => {
    clock = new Date("2026-11-20T12:00:00Z");
    // A tenant of its own: no other test's shipment can raise anything in its stores.
    const mine = await server.createTenant("Tenant C");
    const other = await server.createTenant("Tenant B");
    const client = server.wsClient(mine.apiKey);
    const ours = subscribe(client, print(ExceptionRaised), {
      storeId: globalId("Store", mine.amazonStoreId),
    });
    const ourOtherStore = subscribe(client, print(ExceptionRaised), {
      storeId: globalId("Store", mine.shopeeStoreId),
    });
    const otherClient = server.wsClient(other.apiKey);
    const theirs = subscribe(otherClient, print(ExceptionRaised), {
      storeId: globalId("Store", other.amazonStoreId),
    });
    const intruder = subscribe(otherClient, print(ExceptionRaised), {
      storeId: globalId("Store", mine.amazonStoreId),
    });
    await Promise.all([settle(client), settle(otherClient)]);

    const storeId = globalId("Store", mine.amazonStoreId);
    const id = await buildShipment(server, { apiKey: mine.apiKey, storeId });
    await record(
      id,
      [pickedUp, { ...failed, status: "EXCEPTION", substatus: "CUSTOMS_HELD" }],
      mine.apiKey,
    );
    await ours.next(1);
    expect(ours.errors).toEqual([]);
    expect(ours.received[0]?.data).toEqual({
      exceptionRaised: {
        type: "CUSTOMS_HELD",
        open: true,
        suggestedAction:
          "Customs is holding the parcel. Send UPS the invoice and customs documents, and ask whether duties are due.",
        shipment: { id },
      },
    });
    await intruder.next(1);
    expect(JSON.stringify(intruder.received[0]?.errors ?? intruder.errors)).toContain(
      "no such store for this API key",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ours.received).toHaveLength(1);
    expect(ourOtherStore.received).toEqual([]);
    expect(theirs.received).toEqual([]);
    for (const sub of [ours, ourOtherStore, theirs, intruder]) sub.dispose();
  });
});
