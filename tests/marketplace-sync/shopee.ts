import { createHmac } from "node:crypto";
import { createCarrierRegistry } from "../../src/carriers/registry.ts";
import type { FakeShopee, FakeShopeeOrder } from "../fakes/shopee-open-platform.ts";
import { startFakeShopee } from "../fakes/shopee-open-platform.ts";
import { CreateOrder } from "../helpers/operations.ts";
import type { TestServer } from "../helpers/test-server.ts";
import { ConnectStore } from "./operations.ts";

/** The test server's clock: the fake checks request timestamps against the same one. */
export const NOW = new Date("2026-11-20T12:00:00Z");
export const PARTNER_ID = "2001887";
export const PARTNER_KEY = "live-partner-key-5e1f";
export const SHOP_ID = "14701711";
export const PUSH_PATH = "/webhooks/marketplaces/shopee";

/** The shop as the seller authorised it: what connectStore takes. */
export const SHOP_CREDENTIALS = {
  partnerId: PARTNER_ID,
  partnerKey: PARTNER_KEY,
  shopId: SHOP_ID,
  accessToken: `${SHOP_ID}-access-0`,
  refreshToken: `${SHOP_ID}-refresh-0`,
};

export function startShopee(orders: FakeShopeeOrder[] = [], rateLimitPerSecond?: number) {
  return startFakeShopee({
    partners: { [PARTNER_ID]: PARTNER_KEY },
    shops: [
      {
        shopId: SHOP_ID,
        partnerId: PARTNER_ID,
        accessToken: SHOP_CREDENTIALS.accessToken,
        refreshToken: SHOP_CREDENTIALS.refreshToken,
      },
    ],
    orders,
    rateLimitPerSecond,
    now: () => NOW,
  });
}

/** A Shopee SG store connected through the API, its credentials checked against the fake. */
export async function connectShopee(
  server: TestServer,
  fake: FakeShopee,
  options: { name?: string; apiKey?: string } = {},
): Promise<string> {
  const result = await server.request(
    ConnectStore,
    {
      input: {
        marketplace: "shopee",
        site: "SG",
        name: options.name ?? "Shopee SG (API)",
        credentials: { shopee: SHOP_CREDENTIALS },
        apiBaseUrl: fake.url,
        tokenUrl: `${fake.url}/api/v2/auth/access_token/get`,
      },
    },
    options.apiKey,
  );
  const store = result.data?.connectStore.store;
  if (!store || result.data?.connectStore.errors.length) {
    throw new Error(`connectStore failed: ${JSON.stringify(result)}`);
  }
  return store.id;
}

/** A Shopee order of a store through the API; its global id. */
export async function createShopeeOrder(
  server: TestServer,
  storeId: string,
  nativeOrderId: string,
  options: { nativeStatus?: string; apiKey?: string } = {},
): Promise<string> {
  const result = await server.request(
    CreateOrder,
    {
      input: {
        storeId,
        nativeOrderId,
        nativeStatus: options.nativeStatus ?? "READY_TO_SHIP",
        destinationCountry: "SG",
        placedAt: "2026-11-18T10:00:00+08:00",
        items: [{ nativeItemId: "100200300", title: "Phone case", quantity: 1 }],
      },
    },
    options.apiKey,
  );
  const order = result.data?.createOrder.order;
  if (!order) throw new Error(`createOrder failed: ${JSON.stringify(result)}`);
  return order.id;
}

/** Shopee's Order Status Push (code 3); times in seconds since the epoch. */
export function statusPush(
  orderSn: string,
  status: string,
  updateTime: number,
  shopId = SHOP_ID,
): string {
  return JSON.stringify({
    msg_id: `msg-${orderSn}-${status}-${updateTime}`,
    data: { ordersn: orderSn, status, completed_scenario: "", update_time: updateTime },
    shop_id: Number(shopId),
    code: 3,
    timestamp: updateTime + 5,
  });
}

/** Shopee's Order TrackingNo Push (code 4). */
export function trackingPush(orderSn: string, trackingNo: string, timestamp: number): string {
  return JSON.stringify({
    msg_id: `msg-${orderSn}-${trackingNo}`,
    data: {
      ordersn: orderSn,
      forder_id: "5867907859180059055",
      package_number: "OFG221109914227949",
      tracking_no: trackingNo,
    },
    shop_id: Number(SHOP_ID),
    code: 4,
    timestamp,
  });
}

/** As Shopee's push guide documents it, independently of the plugin: hex HMAC over url|body. */
export function shopeeSignature(url: string, body: string, key = PARTNER_KEY): string {
  return createHmac("sha256", key).update(`${url}|${body}`).digest("hex");
}

/** POSTs a push to the test server, signed over the URL it is sent to unless told otherwise. */
export async function sendPush(
  server: TestServer,
  body: string,
  options: { key?: string; signature?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown }> {
  const url = server.url.replace("/graphql", PUSH_PATH);
  const signature =
    options.signature === undefined ? shopeeSignature(url, body, options.key) : options.signature;
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      ...(signature === null ? {} : { authorization: signature }),
      ...options.headers,
    },
  });
  return { status: response.status, body: await response.json() };
}

/** Seconds since the epoch of an ISO instant. */
export const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

let sequence = 0;

/** A China Post (UPU S10) number no other call returned, with its check digit. */
export function chinaPostNumber(): string {
  const stem = `LZ${String(10_000_000 + ++sequence * 7919).slice(-8)}`;
  const carriers = createCarrierRegistry();
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${stem}${digit}CN`;
    if (carriers.validate("china-post", candidate).valid) return candidate;
  }
  throw new Error(`no check digit completes ${stem}`);
}
