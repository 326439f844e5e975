import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrackingEvent } from "../generated/prisma/client.ts";
import { type ColumnTypes, insertRows, newRowId } from "../src/domain/insert-rows.ts";
import { buildSellerOrder, buildStore } from "./helpers/seller-data.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

type Row = Pick<
  TrackingEvent,
  | "id"
  | "shipmentId"
  | "occurredAt"
  | "utcOffsetMinutes"
  | "status"
  | "substatus"
  | "rawCode"
  | "rawDescription"
  | "codeKnown"
  | "latitude"
  | "geoPrecision"
  | "source"
  | "dedupeKey"
>;
const COLUMNS: ColumnTypes<Row> = {
  id: "text",
  shipmentId: "text",
  occurredAt: "timestamptz",
  utcOffsetMinutes: "int4",
  status: '"TrackingStatus"',
  substatus: "text",
  rawCode: "text",
  rawDescription: "text",
  codeKnown: "boolean",
  latitude: "float8",
  geoPrecision: '"GeoPrecision"',
  source: '"EventSource"',
  dedupeKey: "text",
};

let database: TestDatabase;
let shipmentId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.db.tenant.create({ data: { name: "insert rows" } });
  const storeId = await buildStore(database.db, tenant.id, "amazon", "US");
  const order = await buildSellerOrder(
    database.db,
    { tenantId: tenant.id, storeId },
    { shipments: [{}] },
  );
  shipmentId = order.shipmentIds[0]!;
});

afterAll(async () => {
  await database.close();
});

function row(overrides: Partial<Row>): Row {
  return {
    id: newRowId(),
    shipmentId,
    occurredAt: new Date("2026-11-02T03:04:05.678Z"),
    utcOffsetMinutes: -300,
    status: "IN_TRANSIT",
    substatus: null,
    rawCode: "I",
    rawDescription: "Departed, with 'quotes', \"double\", {braces}, commas, and ünïcode",
    codeKnown: true,
    latitude: 38.174_499_9,
    geoPrecision: "CITY",
    source: "WEBHOOK",
    dedupeKey: `key-${Math.random()}`,
    ...overrides,
  };
}

describe("insertRows", () => {
  it("stores every cell as Prisma reads it back, nulls and awkward text included", async () => {
    const rows = [
      row({}),
      row({ substatus: "FAILED_ATTEMPT", codeKnown: false, latitude: null, geoPrecision: null }),
    ];
    const returned = await insertRows<Row, TrackingEvent>(
      database.db,
      "TrackingEvent",
      COLUMNS,
      rows,
      {
        returning: "*",
      },
    );
    const stored = await database.db.trackingEvent.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
    });
    for (const written of rows) {
      const read = stored.find((event) => event.id === written.id)!;
      expect(read).toMatchObject(written);
      // RETURNING * comes back typed as Prisma's own read (Dates, numbers, booleans, nulls).
      expect(returned.find((event) => event.id === written.id)).toEqual(read);
    }
  });

  it("skips rows a unique index already holds when asked, and returns only the new ones", async () => {
    const first = row({ dedupeKey: "same" });
    await insertRows(database.db, "TrackingEvent", COLUMNS, [first]);
    const again = [row({ dedupeKey: "same" }), row({ dedupeKey: "other" })];
    const returned = await insertRows<Row, { dedupeKey: string }>(
      database.db,
      "TrackingEvent",
      COLUMNS,
      again,
      { ignoreConflicts: true, returning: `"dedupeKey"` },
    );
    expect(returned).toEqual([{ dedupeKey: "other" }]);
    await expect(
      insertRows(database.db, "TrackingEvent", COLUMNS, [row({ dedupeKey: "same" })]),
    ).rejects.toThrow();
  });

  it("writes nothing and asks nothing for no rows", async () => {
    database.queries.length = 0;
    expect(await insertRows(database.db, "TrackingEvent", COLUMNS, [])).toEqual([]);
    expect(database.queries).toEqual([]);
  });
});

describe("newRowId", () => {
  it("makes cuid-shaped ids that sort in the order they were made", () => {
    const ids = Array.from({ length: 1000 }, () => newRowId());
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
