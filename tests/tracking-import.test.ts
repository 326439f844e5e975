import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrder, uniqueUpsNumber } from "./helpers/factories.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";
import {
  getReport,
  postTracking,
  TRACKING_HEADER,
  trackingRow,
} from "./helpers/tracking-import.ts";

let server: TestServer;
let storeName: string;
beforeAll(async () => {
  server = await startTestServer();
  const store = await server.database.db.store.findUniqueOrThrow({
    where: { id: server.tenant.amazonStoreId },
  });
  storeName = store.name;
});
afterAll(() => server.close());

let sequence = 0;
/** A new Unshipped order in the tenant's Amazon store; its marketplace order id. */
async function newOrder(): Promise<string> {
  sequence += 1;
  const nativeOrderId = `113-4000000-${String(sequence).padStart(7, "0")}`;
  await buildOrder(server, { nativeOrderId });
  return nativeOrderId;
}

const shipmentsOf = (nativeOrderId: string) =>
  server.database.db.shipment.findMany({
    where: { order: { nativeOrderId }, tenantId: server.tenant.tenantId },
    orderBy: { packageReference: "asc" },
  });

describe("POST /imports/tracking", () => {
  it("applies the good rows and names the row, column and code of each bad one", async () => {
    const [a, b, c, d, e] = [
      await newOrder(),
      await newOrder(),
      await newOrder(),
      await newOrder(),
      await newOrder(),
    ];
    const [numberA, numberB] = [uniqueUpsNumber(), uniqueUpsNumber()];
    const csv = [
      TRACKING_HEADER,
      trackingRow({
        orderId: a,
        store: storeName,
        trackingNumber: numberA,
        shippingMethod: "UPS Ground",
      }),
      trackingRow({
        orderId: b,
        store: server.tenant.amazonStoreId,
        trackingNumber: ` ${numberB.toLowerCase()} `,
      }),
      trackingRow({
        orderId: "113-9999999-9999999",
        store: storeName,
        trackingNumber: uniqueUpsNumber(),
      }),
      trackingRow({ orderId: c, store: "No Such Store", trackingNumber: uniqueUpsNumber() }),
      trackingRow({
        orderId: c,
        store: storeName,
        carrier: "usps",
        trackingNumber: "RB123456786US",
      }),
      trackingRow({
        orderId: d,
        store: storeName,
        trackingNumber: uniqueUpsNumber(),
        shippedAt: "2026-11-02 10:00",
      }),
      trackingRow({
        orderId: e,
        store: storeName,
        carrier: "yanwen",
        trackingNumber: "YW-2026-00042",
      }),
    ].join("\n");
    const { status, body } = await postTracking(server, csv);
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 3, applied: 3, unchanged: 0, rejected: 4 });
    expect(body.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [4, "order_id", "NOT_FOUND"],
      [5, "store", "NOT_FOUND"],
      [6, "tracking_number", "CHECK_DIGIT_MISMATCH"],
      [7, "shipped_at", "INVALID_TIMESTAMP"],
    ]);
    expect(body.errors[0]?.value).toBe("113-9999999-9999999");
    expect(body.errors[2]?.suggestions?.map((s) => s.trackingNumber)).toContain("RB123456785US");
    expect(body.errors[3]?.message).toContain("offset");
    // An unknown format is attached with a warning, as confirmShipment attaches it.
    expect(body.warnings).toContainEqual(
      expect.objectContaining({ row: 8, column: "tracking_number", code: "NO_KNOWN_FORMAT" }),
    );
    expect(await shipmentsOf(a)).toMatchObject([
      {
        trackingNumber: numberA,
        carrier: "ups",
        shippingMethod: "UPS Ground",
        packageReference: 1,
      },
    ]);
    expect(await shipmentsOf(b)).toMatchObject([{ trackingNumber: numberB }]);
    expect(await shipmentsOf(c)).toEqual([]);
    expect((await shipmentsOf(e))[0]?.trackingNumber).toBe("YW202600042");
    const order = await server.database.db.order.findFirstOrThrow({ where: { nativeOrderId: a } });
    expect(order.state).toBe("SHIPPED");
    const record = await server.database.db.trackingImport.findUniqueOrThrow({
      where: { id: body.importId ?? "" },
    });
    expect(record).toMatchObject({ state: "FINISHED", rows: 7, applied: 3, rejected: 4 });
    expect(record.finishedAt).not.toBeNull();
  });

  it("changes nothing when the same file comes again", async () => {
    const [a, b] = [await newOrder(), await newOrder()];
    const csv = [
      TRACKING_HEADER,
      trackingRow({ orderId: a, store: storeName, trackingNumber: uniqueUpsNumber() }),
      trackingRow({ orderId: b, store: storeName, trackingNumber: uniqueUpsNumber() }),
      trackingRow({
        orderId: "113-9999999-0000000",
        store: storeName,
        trackingNumber: uniqueUpsNumber(),
      }),
    ].join("\r\n");
    const first = await postTracking(server, csv);
    expect(first.body).toMatchObject({ accepted: 2, applied: 2, unchanged: 0, rejected: 1 });
    const before = await server.database.db.shipment.count();
    // An order that moved on since (a return asked for) still counts its number as attached.
    await server.database.db.order.updateMany({
      where: { nativeOrderId: a },
      data: { state: "RETURN_REQUESTED" },
    });
    const again = await postTracking(server, csv);
    expect(again.body).toMatchObject({ accepted: 2, applied: 0, unchanged: 2, rejected: 1 });
    expect(again.body.importId).not.toBe(first.body.importId);
    expect(await server.database.db.shipment.count()).toBe(before);
  });

  it("adds a second parcel for a different number, as confirmShipment does", async () => {
    const order = await newOrder();
    const [first, second] = [uniqueUpsNumber(), uniqueUpsNumber()];
    await postTracking(
      server,
      [
        TRACKING_HEADER,
        trackingRow({ orderId: order, store: storeName, trackingNumber: first }),
      ].join("\n"),
    );
    const { body } = await postTracking(
      server,
      [
        TRACKING_HEADER,
        trackingRow({ orderId: order, store: storeName, trackingNumber: second }),
        // The same row twice in one file is applied once.
        trackingRow({ orderId: order, store: storeName, trackingNumber: second }),
      ].join("\n"),
    );
    expect(body).toMatchObject({ applied: 1, unchanged: 1, rejected: 0 });
    expect((await shipmentsOf(order)).map((s) => [s.trackingNumber, s.packageReference])).toEqual([
      [first, 1],
      [second, 2],
    ]);
  });

  it("checks items against the order and refuses a header without a required column", async () => {
    const order = await newOrder();
    const { body } = await postTracking(
      server,
      [
        TRACKING_HEADER,
        trackingRow({
          orderId: order,
          store: storeName,
          trackingNumber: uniqueUpsNumber(),
          items: "A1;B9",
        }),
      ].join("\n"),
    );
    expect(body.errors).toMatchObject([
      { row: 2, column: "items", code: "NOT_FOUND", value: "A1;B9" },
    ]);
    const missing = await postTracking(
      server,
      "order_id,store,carrier,shipped_at\nx,y,ups,2026-11-02T10:00:00Z\n",
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      {
        row: 1,
        column: "tracking_number",
        code: "MISSING_COLUMN",
        message: "the header has no tracking_number column",
      },
    ]);
  });

  it("queues the marketplace push once per newly confirmed shipment", async () => {
    const { db } = server.database;
    const store = await db.store.create({
      data: {
        tenantId: server.tenant.tenantId,
        marketplace: "amazon",
        site: "US",
        name: "Pushing store",
        syncPolicy: "CONFIRM_ON_FIRST_SCAN",
        credentials: "sealed-elsewhere",
      },
    });
    const orders = ["113-5000000-0000001", "113-5000000-0000002"];
    for (const nativeOrderId of orders) {
      await buildOrder(server, {
        nativeOrderId,
        storeId: Buffer.from(`Store:${store.id}`).toString("base64"),
      });
      // Held for its first scan until a ship-by date far ahead: the job is queued, not run.
      await db.order.updateMany({
        where: { nativeOrderId },
        data: { shipByDate: new Date("2027-06-01T00:00:00Z") },
      });
    }
    const csv = [
      TRACKING_HEADER,
      ...orders.map((orderId) =>
        trackingRow({ orderId, store: "pushing store", trackingNumber: uniqueUpsNumber() }),
      ),
    ].join("\n");
    const pushJobs = async () => {
      const ids = (await db.shipment.findMany({ where: { storeId: store.id } })).map((s) => s.id);
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${server.database.handle.jobSchema}.job WHERE name = 'marketplace-sync' AND data->>'shipmentId' = ANY($1::text[]) AND start_after = '2027-06-01T00:00:00Z'`,
        ids,
      );
      return Number(rows[0]?.n);
    };
    expect((await postTracking(server, csv)).body).toMatchObject({ applied: 2 });
    expect(await pushJobs()).toBe(2);
    const shipments = await db.shipment.findMany({ where: { storeId: store.id } });
    expect(shipments.map((s) => s.syncState)).toEqual(["WAITING_FOR_SCAN", "WAITING_FOR_SCAN"]);
    expect((await postTracking(server, csv)).body).toMatchObject({ applied: 0, unchanged: 2 });
    expect(await pushJobs()).toBe(2);
  });

  it("serves the error report as CSV with formulas escaped", async () => {
    const csv = [
      TRACKING_HEADER,
      // Quoted as a spreadsheet writes a cell holding quotes.
      trackingRow({
        orderId: '"=HYPERLINK(""http://evil.example"")"',
        store: storeName,
        trackingNumber: uniqueUpsNumber(),
      }),
      trackingRow({ orderId: "@SUM(A1)", store: storeName, trackingNumber: uniqueUpsNumber() }),
    ].join("\n");
    const { body } = await postTracking(server, csv);
    expect(body.rejected).toBe(2);
    const response = await getReport(server, body.importId ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const cells = parse(await response.text()) as string[][];
    expect(cells[0]).toEqual([
      "row",
      "column",
      "value",
      "severity",
      "code",
      "message",
      "suggestions",
    ]);
    expect(cells[1]?.slice(0, 5)).toEqual([
      "2",
      "order_id",
      `'=HYPERLINK("http://evil.example")`,
      "error",
      "NOT_FOUND",
    ]);
    expect(cells[2]?.[2]).toBe("'@SUM(A1)");
    const other = await server.createTenant("Report stranger");
    expect((await getReport(server, body.importId ?? "", other.apiKey)).status).toBe(404);
  });
});
