import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeShopee } from "../fakes/shopee-open-platform.ts";
import { ConfirmShipment } from "../helpers/operations.ts";
import { startTestServer, type TestServer, type TestTenant } from "../helpers/test-server.ts";
import { OrderAfterPush } from "./push-operations.ts";
import {
  chinaPostNumber,
  connectShopee,
  createShopeeOrder,
  epoch,
  SHOP_CREDENTIALS,
  SHOP_ID,
  sendPush,
  shopeeSignature,
  startShopee,
  statusPush,
  trackingPush,
} from "./shopee.ts";

const T0 = epoch("2026-11-20T08:00:00Z");

let server: TestServer;
let fake: FakeShopee;
let storeId: string;
let other: { tenant: TestTenant; storeId: string };
let nextOrder = 0;

beforeAll(async () => {
  fake = await startShopee();
  server = await startTestServer();
  storeId = await connectShopee(server, fake);
  // Another seller tool connected the same shop with the same app: it hears the same pushes.
  const tenant = await server.createTenant("Tenant B");
  other = { tenant, storeId: await connectShopee(server, fake, { apiKey: tenant.apiKey }) };
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;
const newOrderSn = () => `241120SHOPEE${String(++nextOrder).padStart(4, "0")}`;

async function orderOf(orderId: string, apiKey?: string) {
  const result = await server.request(OrderAfterPush, { id: orderId }, apiKey);
  const node = result.data?.node;
  if (!node || !("state" in node)) throw new Error(JSON.stringify(result));
  return node;
}

/** The rows pushes left for one store's order, by the time the marketplace gave each event. */
function recorded(store: string, nativeOrderId: string) {
  return server.database.db.marketplacePushEvent.findMany({
    where: { storeId: rawId(store), nativeOrderId },
    orderBy: { occurredAt: "asc" },
    select: { value: true, outcome: true, detail: true },
  });
}

/** A new order in the main store, READY_TO_SHIP unless told otherwise. */
async function newOrder(nativeStatus?: string) {
  const orderSn = newOrderSn();
  return { orderSn, orderId: await createShopeeOrder(server, storeId, orderSn, { nativeStatus }) };
}

describe("Shopee order status pushes", () => {
  it("move the order through Shopee's statuses and answer how many applied", async () => {
    const { orderSn, orderId } = await newOrder();
    expect(await sendPush(server, statusPush(orderSn, "SHIPPED", T0))).toEqual({
      status: 200,
      body: { ok: true, applied: 1 },
    });
    expect(await orderOf(orderId)).toMatchObject({
      nativeStatus: { code: "SHIPPED" },
      state: "SHIPPED",
    });
    const completed = await sendPush(server, statusPush(orderSn, "COMPLETED", T0 + 86_400));
    expect(completed.body).toEqual({ ok: true, applied: 1 });
    expect(await orderOf(orderId)).toMatchObject({
      nativeStatus: { code: "COMPLETED" },
      state: "COMPLETED",
    });
  });

  it("change nothing when replayed, nor when the same status comes again", async () => {
    const { orderSn } = await newOrder();
    const push = statusPush(orderSn, "PROCESSED", T0);
    expect((await sendPush(server, push)).body).toEqual({ ok: true, applied: 1 });
    const before = await server.database.db.order.findFirstOrThrow({
      where: { nativeOrderId: orderSn },
    });
    const rows = await recorded(storeId, orderSn);

    for (let i = 0; i < 3; i++) {
      expect(await sendPush(server, push)).toEqual({ status: 200, body: { ok: true, applied: 0 } });
    }
    const again = await sendPush(server, statusPush(orderSn, "PROCESSED", T0 + 60));
    expect(again.body).toEqual({ ok: true, applied: 0 });

    const after = await server.database.db.order.findFirstOrThrow({ where: { id: before.id } });
    expect(after).toEqual(before);
    expect(await recorded(storeId, orderSn)).toEqual([
      ...rows,
      { value: "PROCESSED", outcome: "UNCHANGED", detail: null },
    ]);
  });

  it("answer 401 to a bad or tampered signature, and change nothing", async () => {
    const { orderSn, orderId } = await newOrder();
    const push = statusPush(orderSn, "SHIPPED", T0);
    const url = server.url.replace("/graphql", "/webhooks/marketplaces/shopee");
    const tampered = push.replace('"SHIPPED"', '"CANCELLED"');
    const attempts = [
      sendPush(server, tampered, { signature: shopeeSignature(url, push) }),
      sendPush(server, push, { key: "another-partner-key" }),
      sendPush(server, push, { signature: shopeeSignature(`${url}?x=1`, push) }),
      sendPush(server, push, { signature: null }),
      sendPush(server, push, { signature: "0".repeat(64) }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer).toEqual({
        status: 401,
        body: { error: "Shopee push signature did not verify" },
      });
    }
    expect(await orderOf(orderId)).toMatchObject({ state: "READY_TO_SHIP" });
    expect(await recorded(storeId, orderSn)).toEqual([]);
  });

  it("acknowledge a move the order states refuse, record why, and leave the order", async () => {
    const { orderSn, orderId } = await newOrder();
    await sendPush(server, statusPush(orderSn, "CANCELLED", T0));
    const late = await sendPush(server, statusPush(orderSn, "SHIPPED", T0 + 600));
    expect(late).toEqual({ status: 200, body: { ok: true, applied: 0 } });
    expect(await orderOf(orderId)).toMatchObject({
      nativeStatus: { code: "CANCELLED" },
      state: "CANCELLED",
    });
    const refused = (await recorded(storeId, orderSn)).find((row) => row.value === "SHIPPED");
    expect(refused).toMatchObject({ value: "SHIPPED", outcome: "REFUSED" });
    expect(refused?.detail).toMatch(/^TRANSITION_NOT_ALLOWED: .*cannot become SHIPPED/);
  });

  it("skip a status older than one the order already took from Shopee", async () => {
    const { orderSn, orderId } = await newOrder();
    await sendPush(server, statusPush(orderSn, "SHIPPED", T0 + 600));
    // Shopee's earlier push, retried late: RETRY_SHIP -> READY_TO_SHIP would be allowed.
    const late = await sendPush(server, statusPush(orderSn, "RETRY_SHIP", T0));
    expect(late.body).toEqual({ ok: true, applied: 0 });
    expect(await orderOf(orderId)).toMatchObject({ state: "SHIPPED" });
    expect(await recorded(storeId, orderSn)).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: "RETRY_SHIP", outcome: "STALE" })]),
    );
  });

  it("acknowledge pushes about orders trackline does not hold, and pushes it cannot read", async () => {
    const unknown = await sendPush(server, statusPush("241120NOTHERE", "SHIPPED", T0));
    expect(unknown.body).toEqual({ ok: true, applied: 0 });
    expect(await recorded(storeId, "241120NOTHERE")).toMatchObject([{ outcome: "UNKNOWN_ORDER" }]);
    const shopUpdate = JSON.stringify({ code: 15, shop_id: Number(SHOP_ID), data: {} });
    expect(await sendPush(server, shopUpdate)).toEqual({
      status: 200,
      body: { ok: true, applied: 0 },
    });
  });
});

describe("pushes and tenants", () => {
  it("apply for every tenant whose key verifies, never for one whose key does not", async () => {
    const orderSn = newOrderSn();
    const mine = await createShopeeOrder(server, storeId, orderSn);
    const theirs = await createShopeeOrder(server, other.storeId, orderSn, {
      apiKey: other.tenant.apiKey,
    });
    // A third tenant whose store names the same shop under another app's key.
    const third = await server.createTenant("Tenant C");
    const foreign = await server.database.db.store.create({
      data: {
        tenantId: third.tenantId,
        marketplace: "shopee",
        site: "SG",
        name: "Same shop, other app",
        accountId: SHOP_ID,
        credentials: server.secretBox.seal(
          JSON.stringify({ ...SHOP_CREDENTIALS, partnerKey: "another-app-partner-key" }),
        ),
      },
    });
    const foreignOrder = await server.database.db.order.create({
      data: {
        tenantId: third.tenantId,
        storeId: foreign.id,
        nativeOrderId: orderSn,
        nativeStatus: "READY_TO_SHIP",
        state: "READY_TO_SHIP",
        buyerLocale: "en",
        destinationCountry: "SG",
        placedAt: new Date("2026-11-18T02:00:00Z"),
      },
    });

    const answer = await sendPush(server, statusPush(orderSn, "SHIPPED", T0));
    expect(answer.body).toEqual({ ok: true, applied: 2 });
    expect(await orderOf(mine)).toMatchObject({ state: "SHIPPED" });
    expect(await orderOf(theirs, other.tenant.apiKey)).toMatchObject({ state: "SHIPPED" });
    const untouched = await server.database.db.order.findUniqueOrThrow({
      where: { id: foreignOrder.id },
    });
    expect(untouched).toEqual(foreignOrder);
    expect(
      await server.database.db.marketplacePushEvent.count({ where: { storeId: foreign.id } }),
    ).toBe(0);

    // Signed with the third tenant's key: only that store hears it.
    const theirsOnly = await sendPush(server, statusPush(orderSn, "COMPLETED", T0 + 60), {
      key: "another-app-partner-key",
    });
    expect(theirsOnly.body).toEqual({ ok: true, applied: 0 });
    expect(await orderOf(mine)).toMatchObject({ state: "SHIPPED" });
    expect(
      await server.database.db.marketplacePushEvent.findMany({
        where: { storeId: foreign.id },
        select: { outcome: true },
      }),
    ).toEqual([{ outcome: "REFUSED" }]);
  });

  it("answer 401 to a push for a shop no store connects", async () => {
    const { orderSn, orderId } = await newOrder();
    const answer = await sendPush(server, statusPush(orderSn, "SHIPPED", T0, "99999999"));
    expect(answer.status).toBe(401);
    expect(await orderOf(orderId)).toMatchObject({ state: "READY_TO_SHIP" });
  });
});

describe("Shopee tracking number pushes", () => {
  it("record a number the order lacks as a shipment Shopee holds, once", async () => {
    const { orderSn, orderId } = await newOrder();
    const number = chinaPostNumber();
    const push = trackingPush(orderSn, number, T0);
    expect((await sendPush(server, push)).body).toEqual({ ok: true, applied: 1 });
    expect((await sendPush(server, push)).body).toEqual({ ok: true, applied: 0 });
    // The status comes with Shopee's own status push, not from the number.
    expect(await orderOf(orderId)).toEqual({
      id: orderId,
      nativeStatus: { code: "READY_TO_SHIP" },
      state: "READY_TO_SHIP",
      shipments: [
        {
          trackingNumber: number,
          carrier: { code: "china-post" },
          marketplaceSync: { state: "NOT_REQUIRED" },
        },
      ],
    });
  });

  it("change nothing for a number the order already has", async () => {
    const { orderSn, orderId } = await newOrder();
    const number = chinaPostNumber();
    const confirmed = await server.request(ConfirmShipment, {
      input: { orderId, carrier: "china-post", trackingNumber: number },
    });
    expect(confirmed.data?.confirmShipment.errors).toEqual([]);
    const answer = await sendPush(server, trackingPush(orderSn, number.toLowerCase(), T0));
    expect(answer.body).toEqual({ ok: true, applied: 0 });
    expect((await orderOf(orderId)).shipments).toHaveLength(1);
    expect(await recorded(storeId, orderSn)).toMatchObject([{ outcome: "UNCHANGED" }]);
    await server.drainJobs();
  });

  it("leave out a number no carrier format claims, saying why", async () => {
    const { orderSn, orderId } = await newOrder();
    const answer = await sendPush(server, trackingPush(orderSn, "SPXSG069148014501", T0));
    expect(answer.body).toEqual({ ok: true, applied: 0 });
    expect((await orderOf(orderId)).shipments).toEqual([]);
    const [row] = await recorded(storeId, orderSn);
    expect(row).toMatchObject({ outcome: "IGNORED", value: "SPXSG069148014501" });
    expect(row?.detail).toMatch(/no carrier trackline knows/);
  });
});
