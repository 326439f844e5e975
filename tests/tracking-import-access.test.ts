import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/server/api-keys.ts";
import { graphql } from "./generated/index.ts";
import { buildOrder, uniqueUpsNumber } from "./helpers/factories.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";
import { postTracking, TRACKING_HEADER, trackingRow } from "./helpers/tracking-import.ts";

const ImportJob = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      state
      rows
      accepted
      applied
      unchanged
      rejected
      errors { row column value code message suggestions { carrier trackingNumber } }
      warnings { row column code }
    }
  }
`);

const ImportTrackingFile = graphql(`
  mutation ImportTrackingFile($input: ImportTrackingFileInput!) {
    importTrackingFile(input: $input) {
      import { id state rows applied rejected errors { row column code message } }
      errors { code field message }
    }
  }
`);

let server: TestServer;
let storeId: string;
beforeAll(async () => {
  server = await startTestServer();
  storeId = server.tenant.amazonStoreId;
});
afterAll(() => server.close());

let sequence = 0;
async function newOrder(): Promise<string> {
  sequence += 1;
  const nativeOrderId = `113-6000000-${String(sequence).padStart(7, "0")}`;
  await buildOrder(server, { nativeOrderId });
  return nativeOrderId;
}

describe("tracking imports: who may, how much", () => {
  it("needs a key with tracking:write, text/csv and a body under the caps", async () => {
    const noTracking = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "orders only",
      scopes: ["orders:read", "orders:write"],
    });
    const body = `${TRACKING_HEADER}\n`;
    expect((await postTracking(server, body, {}, "tl_test_wrong")).status).toBe(401);
    const anonymous = await fetch(server.url.replace("/graphql", "/imports/tracking"), {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body,
    });
    expect(anonymous.status).toBe(401);
    const forbidden = await postTracking(server, body, {}, noTracking);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ errors: [{ extensions: { code: "FORBIDDEN" } }] });
    expect((await postTracking(server, body, { "content-type": "application/json" })).status).toBe(
      415,
    );
    const huge = `${TRACKING_HEADER}\n${"x".repeat(21 * 1024 * 1024)}`;
    expect((await postTracking(server, huge)).status).toBe(413);
  });

  it("refuses a file over the row cap whole, applying none of it", async () => {
    const order = await newOrder();
    const number = uniqueUpsNumber();
    const filler = "113-0000000-0000000,x,ups,1,2026-11-02T10:00:00Z";
    const csv = [
      TRACKING_HEADER,
      trackingRow({ orderId: order, store: storeId, trackingNumber: number }),
      ...Array.from({ length: 100_000 }, () => filler),
    ].join("\n");
    const { status, body } = await postTracking(server, csv);
    expect(status).toBe(413);
    expect(body).toMatchObject({ errors: [{ extensions: { code: "TOO_MANY_ROWS" } }] });
    expect(await server.database.db.shipment.count({ where: { trackingNumber: number } })).toBe(0);
  });

  it("answers importJob for the caller's tenant only", async () => {
    const order = await newOrder();
    const csv = [
      TRACKING_HEADER,
      trackingRow({ orderId: order, store: storeId, trackingNumber: uniqueUpsNumber() }),
      trackingRow({
        orderId: order,
        store: storeId,
        carrier: "usps",
        trackingNumber: "RB123456786US",
      }),
    ].join("\n");
    const { body } = await postTracking(server, csv);
    const id = body.importId ?? "";
    const mine = await server.request(ImportJob, { id });
    expect(mine.data?.importJob).toMatchObject({
      id,
      state: "FINISHED",
      rows: 2,
      accepted: 1,
      applied: 1,
      rejected: 1,
      errors: [{ row: 3, column: "tracking_number", code: "CHECK_DIGIT_MISMATCH" }],
    });
    const suggested = mine.data?.importJob?.errors[0]?.suggestions.map((s) => s.trackingNumber);
    expect(suggested).toContain("RB123456785US");
    const other = await server.createTenant("Tenant B");
    const theirs = await server.request(ImportJob, { id }, other.apiKey);
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.importJob).toBeNull();
  });

  it("imports a small file through importTrackingFile, with typed errors", async () => {
    const order = await newOrder();
    const number = uniqueUpsNumber();
    const csv = [
      TRACKING_HEADER,
      trackingRow({ orderId: order, store: storeId, trackingNumber: number }),
      trackingRow({
        orderId: order,
        store: storeId,
        trackingNumber: uniqueUpsNumber(),
        shippedAt: "soon",
      }),
    ].join("\n");
    const result = await server.request(ImportTrackingFile, { input: { csv } });
    expect(result.data?.importTrackingFile).toMatchObject({
      errors: [],
      import: {
        state: "FINISHED",
        rows: 2,
        applied: 1,
        rejected: 1,
        errors: [{ row: 3, column: "shipped_at", code: "INVALID_TIMESTAMP" }],
      },
    });
    const shipment = await server.database.db.shipment.findFirst({
      where: { trackingNumber: number },
    });
    expect(shipment?.syncState).toBe("NOT_REQUIRED");
    const header = await server.request(ImportTrackingFile, { input: { csv: "order_id\nx\n" } });
    expect(header.data?.importTrackingFile.import).toBeNull();
    expect(header.data?.importTrackingFile.errors).toContainEqual(
      expect.objectContaining({ code: "MISSING_COLUMN", field: "csv" }),
    );
    const reader = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "reader",
      scopes: ["read"],
    });
    const denied = await server.request(ImportTrackingFile, { input: { csv } }, reader);
    expect(denied.data?.importTrackingFile.errors).toMatchObject([{ code: "FORBIDDEN" }]);
  });

  it("announces import.finished with kind TRACKING", async () => {
    const { db } = server.database;
    // Disabled: its deliveries are written (failed) and never sent, which is all this needs.
    await db.webhookSubscription.create({
      data: {
        tenantId: server.tenant.tenantId,
        url: "https://erp.example.com/hooks",
        events: ["import.finished"],
        secret: "sealed-elsewhere",
        enabled: false,
      },
    });
    const csv = [
      TRACKING_HEADER,
      trackingRow({ orderId: await newOrder(), store: storeId, trackingNumber: uniqueUpsNumber() }),
      trackingRow({
        orderId: "113-0000000-0000000",
        store: storeId,
        trackingNumber: uniqueUpsNumber(),
      }),
    ].join("\n");
    const { body } = await postTracking(server, csv);
    const deliveries = await db.outboundWebhookDelivery.findMany({
      where: { tenantId: server.tenant.tenantId, eventType: "import.finished" },
    });
    expect(deliveries.map((d) => JSON.parse(d.payload).data)).toEqual([
      { importId: body.importId, kind: "TRACKING", accepted: 1, rejected: 1 },
    ]);
  });
});
