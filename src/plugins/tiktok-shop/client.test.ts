import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchTimingOutWhen } from "../../../tests/fakes/gate.ts";
import {
  type FakeTikTokShopApi,
  startFakeTikTokShop,
} from "../../../tests/fakes/tiktok-shop-api.ts";
import type { Credentials, UploadRequest } from "../api-types.ts";
import { tiktokShopApi } from "./api.ts";
import { tiktokSign } from "./sign.ts";
import { tiktokShopSites } from "./sites.ts";

const NOW = new Date("2026-11-24T08:00:00Z");
const SECONDS = "1795507200";
const APP_KEY = "6a1b2c3d4e5f6";
const APP_SECRET = "f4c770e4b45aa62e";
const CIPHER = "ROW_fake_cipher_US1";
const ORDER = "576461413038785752";
const USPS = { id: "7117858858072016686", name: "USPS" };

let fake: FakeTikTokShopApi;
let saved: Credentials[];

beforeEach(async () => {
  saved = [];
  fake = await startFakeTikTokShop({
    apps: { [APP_KEY]: APP_SECRET },
    shops: [
      {
        cipher: CIPHER,
        appKey: APP_KEY,
        accessToken: "TTP_access_0",
        refreshToken: "TTP_refresh_0",
      },
    ],
    orders: [
      {
        id: ORDER,
        shopCipher: CIPHER,
        packages: [{ id: "1152321127278713123", deliveryOptionId: "7091146663229654785" }],
        buyerUserId: "7494560109732338459",
      },
      {
        id: "576461413038785753",
        shopCipher: CIPHER,
        status: "CANCELLED",
        packages: [{ id: "1152321127278713124", deliveryOptionId: "7091146663229654785" }],
      },
      {
        id: "576461413038785754",
        shopCipher: CIPHER,
        status: "ON_HOLD",
        packages: [{ id: "1152321127278713125", deliveryOptionId: "7091146663229654785" }],
      },
    ],
    shippingProviders: {
      "7091146663229654785": [USPS, { id: "7117859084333745966", name: "UPS" }],
    },
    now: () => NOW,
  });
});

afterEach(() => fake.close());

function client(credentials: Partial<Credentials> = {}, fetchFn: typeof fetch = fetch) {
  return tiktokShopApi.createClient(
    {
      site: tiktokShopSites[0]!,
      baseUrl: fake.url,
      tokenUrl: `${fake.url}/api/v2/token/refresh`,
      credentials: {
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        shopCipher: CIPHER,
        accessToken: "TTP_access_0",
        refreshToken: "TTP_refresh_0",
        ...credentials,
      },
    },
    { fetch: fetchFn, now: () => NOW, saveCredentials: async (next) => void saved.push(next) },
  );
}

const upload = (change: Partial<UploadRequest> = {}): UploadRequest => ({
  nativeOrderId: ORDER,
  packageReference: 1,
  carrier: "usps",
  carrierName: "USPS",
  trackingNumber: "9400111899223197428490",
  shippingMethod: null,
  shipDate: NOW,
  items: [],
  ...change,
});
const ship = () => fake.requests.filter((r) => r.path.endsWith("/ship"));

describe("signing", () => {
  it("reproduces the worked example of TikTok Shop's signing guide", () => {
    const query = { app_key: "29a39d", timestamp: "1623812664", sign: "x", access_token: "y" };
    expect(tiktokSign("e59af819cc", "/authorization/202309/shops", query, "")).toBe(
      "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8",
    );
  });

  it("signs path, sorted query and body, sends the token as x-tts-access-token", async () => {
    await client().uploadTracking(upload());
    const shipped = ship()[0]!;
    const query = Object.fromEntries(shipped.query);
    expect(Object.keys(query).sort()).toEqual(["app_key", "shop_cipher", "sign", "timestamp"]);
    expect(query).toMatchObject({ app_key: APP_KEY, shop_cipher: CIPHER, timestamp: SECONDS });
    const base = `${shipped.path}app_key${APP_KEY}shop_cipher${CIPHER}timestamp${SECONDS}${shipped.rawBody}`;
    expect(query.sign).toBe(
      createHmac("sha256", APP_SECRET).update(`${APP_SECRET}${base}${APP_SECRET}`).digest("hex"),
    );
    expect(shipped.headers["x-tts-access-token"]).toBe("TTP_access_0");
  });
});

describe("uploadTracking", () => {
  it("ships the order's package as seller shipping, with the option's provider id", async () => {
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /order/202309/orders",
      "GET /fulfillment/202309/packages/1152321127278713123",
      "GET /logistics/202309/delivery_options/7091146663229654785/shipping_providers",
      "POST /fulfillment/202309/packages/1152321127278713123/ship",
    ]);
    expect(fake.requests[0]!.query.get("ids")).toBe(ORDER);
    expect(JSON.parse(ship()[0]!.rawBody)).toEqual({
      handover_method: "DROP_OFF",
      self_shipment: { tracking_number: "9400111899223197428490", shipping_provider_id: USPS.id },
    });
    expect(fake.applied.get(ORDER)).toMatchObject({
      trackingNumber: "9400111899223197428490",
      count: 1,
    });
  });

  it("refreshes an expired token, saves both rotated tokens and retries once", async () => {
    fake.expireAccessToken(CIPHER);
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
    const rotated = fake.shop(CIPHER);
    expect(saved).toEqual([
      {
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        shopCipher: CIPHER,
        accessToken: rotated.accessToken,
        refreshToken: rotated.refreshToken,
      },
    ]);
    expect(rotated.refreshToken).not.toBe("TTP_refresh_0");
    const refresh = fake.requests[1]!;
    expect([refresh.method, refresh.path]).toEqual(["GET", "/api/v2/token/refresh"]);
    expect(Object.fromEntries(refresh.query)).toEqual({
      app_key: APP_KEY,
      app_secret: APP_SECRET,
      refresh_token: "TTP_refresh_0",
      grant_type: "refresh_token",
    });
    expect(fake.applied.get(ORDER)?.count).toBe(1);
  });

  it("refreshes once for concurrent calls, so no call spends a used refresh token", async () => {
    fake.expireAccessToken(CIPHER);
    const shared = client();
    const results = await Promise.all([shared.uploadTracking(upload()), shared.checkCredentials()]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(fake.requests.filter((r) => r.path === "/api/v2/token/refresh")).toHaveLength(1);
    expect(saved).toHaveLength(1);
  });

  it("asks the seller to re-authorise when the refresh token is refused", async () => {
    fake.expireAccessToken(CIPHER);
    const result = await client({ refreshToken: "TTP_spent" }).uploadTracking(upload());
    expect(result).toMatchObject({ retryable: false, field: "credentials.refreshToken" });
    expect(saved).toEqual([]);
  });

  it("is fatal and names the app secret when the sign is refused", async () => {
    expect(await client({ appSecret: "wrong" }).uploadTracking(upload())).toEqual({
      ok: false,
      retryable: false,
      code: "INVALID_CREDENTIALS",
      message: "Invalid credentials. The `sign` query parameter is invalid.",
      field: "credentials.appSecret",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("is retryable, with a wait, when rate limited (HTTP 429, 36009002)", async () => {
    fake.failNext(1, "rate-limit");
    const result = await client().uploadTracking(upload());
    expect(result).toMatchObject({ ok: false, retryable: true, code: "36009002" });
    expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(0);
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
  });

  it("is fatal with TikTok Shop's message for a cancelled order", async () => {
    const result = await client().uploadTracking(upload({ nativeOrderId: "576461413038785753" }));
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      message: "The order has been cancelled and cannot be shipped.",
    });
    expect(fake.applied.size).toBe(0);
  });

  it("waits out an order that is on hold (21011044)", async () => {
    const result = await client().uploadTracking(upload({ nativeOrderId: "576461413038785754" }));
    expect(result).toMatchObject({ retryable: true, code: "21011044" });
    expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(0);
  });

  it("is retryable while TikTok Shop is down or failing", async () => {
    await fake.down();
    expect(await client().uploadTracking(upload())).toMatchObject({
      retryable: true,
      code: "NETWORK_ERROR",
    });
    await fake.up();
    fake.failNext(1, 503);
    expect(await client().uploadTracking(upload())).toMatchObject({ retryable: true });
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
  });

  it("refuses a carrier outside the site's list, or one the delivery option does not offer", async () => {
    expect(await client().uploadTracking(upload({ carrier: "royal-mail" }))).toMatchObject({
      code: "UNSUPPORTED_CARRIER",
      field: "carrier",
    });
    expect(fake.requests).toHaveLength(0);
    const result = await client().uploadTracking(
      upload({ carrier: "fedex", carrierName: "FedEx" }),
    );
    expect(result).toMatchObject({ code: "CARRIER_NOT_OFFERED", retryable: false });
    expect(result.ok === false && result.message).toContain("USPS, UPS");
    expect(ship()).toHaveLength(0);
  });

  it("is fatal for an order or a package the shop does not have", async () => {
    expect(await client().uploadTracking(upload({ nativeOrderId: "1" }))).toMatchObject({
      code: "ORDER_NOT_FOUND",
    });
    expect(await client().uploadTracking(upload({ packageReference: 2 }))).toMatchObject({
      code: "PACKAGE_NOT_FOUND",
      field: "packageReference",
    });
  });
});

describe("a push that may already have been applied", () => {
  it("answers ok without shipping again when the package holds the same number", async () => {
    await client().uploadTracking(upload());
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
    expect(ship()).toHaveLength(1);
    expect(fake.applied.get(ORDER)?.count).toBe(1);
  });

  it("is fatal when the package holds another number", async () => {
    await client().uploadTracking(upload());
    const result = await client().uploadTracking(upload({ trackingNumber: "1Z999AA10123456784" }));
    expect(result).toMatchObject({ retryable: false, code: "ALREADY_SHIPPED" });
    expect(result.ok === false && result.message).toContain("9400111899223197428490");
  });

  it("answers ok when Ship Package refuses because our number landed after we looked", async () => {
    await client().uploadTracking(upload());
    // A stale read: order and package detail as they were before the first upload landed.
    const pkg = { tracking_number: "", delivery_option_id: "7091146663229654785" };
    const order = { id: ORDER, packages: [{ id: "1152321127278713123" }] };
    fake.failNext(1, { body: { code: 0, message: "Success", data: { orders: [order] } } });
    fake.failNext(1, { body: { code: 0, message: "Success", data: pkg } });
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
    expect(ship()).toHaveLength(2);
    expect(fake.applied.get(ORDER)?.count).toBe(1);
  });

  it("survives a timeout after TikTok applied it: the retry confirms instead of re-applying", async () => {
    const impatient = fetchTimingOutWhen(() => (fake.applied.get(ORDER)?.count ?? 0) > 0);
    // Only Ship Package's answer is lost: the lookups before it answer, so the push is applied.
    fake.hold(/\/ship$/);
    expect(await client({}, impatient).uploadTracking(upload())).toMatchObject({
      retryable: true,
      code: "TIMEOUT",
    });
    fake.release();
    expect(fake.applied.get(ORDER)?.count).toBe(1);
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
    expect(fake.applied.get(ORDER)?.count).toBe(1);
  });
});

describe("checkCredentials", () => {
  it("lists the authorised shops, without shop_cipher, and finds this one", async () => {
    expect(await client().checkCredentials()).toEqual({ ok: true });
    expect(fake.requests[0]!.path).toBe("/authorization/202309/shops");
    expect(fake.requests[0]!.query.has("shop_cipher")).toBe(false);
  });

  it("names the shop cipher when the token's shops do not include it", async () => {
    expect(await client({ shopCipher: "ROW_other" }).checkCredentials()).toMatchObject({
      code: "INVALID_CREDENTIALS",
      field: "credentials.shopCipher",
    });
  });
});

describe("messageBuyer", () => {
  it("opens the buyer's conversation (the same one each time) and sends TEXT", async () => {
    const chat = client();
    expect(await chat.messageBuyer?.({ nativeOrderId: ORDER, text: "Shipped." })).toEqual({
      ok: true,
    });
    expect(await chat.messageBuyer?.({ nativeOrderId: ORDER, text: "Delivered." })).toEqual({
      ok: true,
    });
    expect(fake.messages.map((m) => [m.buyerUserId, m.text])).toEqual([
      ["7494560109732338459", "Shipped."],
      ["7494560109732338459", "Delivered."],
    ]);
    expect(new Set(fake.messages.map((m) => m.conversationId)).size).toBe(1);
    const sent = fake.requests.filter((r) => r.path.endsWith("/messages"));
    expect(JSON.parse(sent[0]?.rawBody ?? "{}")).toEqual({
      type: "TEXT",
      content: JSON.stringify({ content: "Shipped." }),
    });
  });

  it("passes a refusal on with TikTok Shop's code and message, not retryable", async () => {
    fake.failNextMessage(1, { body: { code: 99000006, message: "Buyer closed chat.", data: {} } });
    const result = await client().messageBuyer?.({ nativeOrderId: ORDER, text: "x" });
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      code: "99000006",
      message: "Buyer closed chat.",
    });
  });

  it("sends nothing, for good, when the order names no buyer", async () => {
    const result = await client().messageBuyer?.({
      nativeOrderId: "576461413038785753",
      text: "x",
    });
    expect(result).toMatchObject({ ok: false, retryable: false, code: "BUYER_NOT_FOUND" });
    expect(fake.requests.some((r) => r.path.startsWith("/customer_service"))).toBe(false);
  });
});
