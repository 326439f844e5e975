import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/server/api-keys.ts";
import { HEADER, postHistory } from "./helpers/delivery-history.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const GOOD = [
  "CN,GD,518000,US,CA,94105,yunexpress,Standard,2026-09-01T10:00:00+08:00,2026-09-02T09:00:00+08:00,2026-09-12T14:00:00-07:00,2026-09-20",
  ",,,US,NY,,ups,,,2026-09-03T08:00:00-04:00,2026-09-08T12:00:00-04:00,",
  "BR,SP,01000,BR,BA,40000,correios,PAC,2026-08-01T10:00:00-03:00,,2026-08-12T10:00:00-03:00,",
];
const BAD = [
  // row 5: no destination country
  "CN,GD,,,CA,,yunexpress,,,2026-09-02T09:00:00+08:00,2026-09-12T14:00:00-07:00,",
  // row 6: a timestamp without its offset
  "CN,GD,,US,CA,,yunexpress,,,2026-09-02T09:00:00,2026-09-12T14:00:00-07:00,",
  // row 7: delivered before it was shipped
  "CN,GD,,US,CA,,yunexpress,,,2026-09-12T09:00:00+08:00,2026-09-02T14:00:00-07:00,",
  // row 8: a country that does not exist
  "CN,GD,,XX,CA,,yunexpress,,,2026-09-02T09:00:00+08:00,2026-09-12T14:00:00-07:00,",
  // row 9: neither shipped nor ordered
  "CN,GD,,US,CA,,yunexpress,,,,2026-09-12T14:00:00-07:00,",
];

describe("POST /imports/delivery-history", () => {
  it("stores the good rows and names the row and column of each bad one", async () => {
    const csv = [HEADER, ...GOOD, ...BAD, GOOD[0]!.replace("2026-09-12T14", "2026-09-13T14")].join(
      "\n",
    );
    const { status, body } = await postHistory(server, csv);
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 4, duplicates: 0, rejected: 5 });
    expect(body.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [5, "destination_country", "REQUIRED"],
      [6, "shipped_at", "INVALID_TIMESTAMP"],
      [7, "delivered_at", "DELIVERED_BEFORE_SHIPPED"],
      [8, "destination_country", "INVALID_COUNTRY_CODE"],
      [9, "shipped_at", "REQUIRED"],
    ]);
    expect(body.errors[1]!.message).toContain("offset");
    const stored = await server.database.db.deliveryHistory.findMany({
      where: { tenantId: server.tenant.tenantId },
      orderBy: { deliveredAt: "asc" },
    });
    expect(stored).toHaveLength(4);
    expect(stored[0]).toMatchObject({
      originCountry: "BR",
      destinationRegion: "BA",
      carrier: "correios",
      shippedAt: null,
      orderedAtOffsetMinutes: -180,
    });
  });

  it("adds nothing when the same rows are sent again", async () => {
    const before = await server.database.db.deliveryHistory.count();
    const { status, body } = await postHistory(server, [HEADER, ...GOOD].join("\r\n"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 3, duplicates: 3, rejected: 0, errors: [] });
    expect(await server.database.db.deliveryHistory.count()).toBe(before);
  });

  it("refuses a header without a required column, naming it", async () => {
    const { status, body } = await postHistory(
      server,
      "destination_country,shipped_at\nUS,2026-09-02T09:00:00Z\n",
    );
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        row: 1,
        column: "delivered_at",
        code: "MISSING_COLUMN",
        message: "the header has no delivered_at column",
      },
    ]);
  });

  it("reports a malformed CSV line and keeps the rows before it", async () => {
    const { status, body } = await postHistory(
      server,
      [HEADER, GOOD[1]!.replace("NY", "NJ"), 'US,"unclosed'].join("\n"),
    );
    expect(status).toBe(200);
    expect(body.accepted).toBe(1);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ column: null, code: "INVALID_INPUT" });
  });

  it("needs a key with the write scope, text/csv and a body under the cap", async () => {
    const readOnly = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "reader",
      scopes: ["read"],
    });
    expect((await postHistory(server, HEADER, {}, "tl_test_wrong")).status).toBe(401);
    expect((await postHistory(server, HEADER, {}, readOnly)).status).toBe(403);
    expect((await postHistory(server, HEADER, { "content-type": "application/json" })).status).toBe(
      415,
    );
    const huge = `${HEADER}\n${"x".repeat(21 * 1024 * 1024)}`;
    expect((await postHistory(server, huge)).status).toBe(413);
  });

  it("keeps each tenant's history apart", async () => {
    const other = await server.createTenant("Tenant B");
    const { body } = await postHistory(server, [HEADER, ...GOOD].join("\n"), {}, other.apiKey);
    expect(body).toMatchObject({ accepted: 3, duplicates: 0 });
  });
});
