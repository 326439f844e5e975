import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchTimingOutWhen } from "../../../tests/fakes/gate.ts";
import { type FakeShopee, startFakeShopee } from "../../../tests/fakes/shopee-open-platform.ts";
import type { Credentials, UploadRequest } from "../api-types.ts";
import { shopeeApi } from "./api.ts";
import { shopeeSign } from "./sign.ts";
import { shopeeSites } from "./sites.ts";

const NOW = new Date("2026-11-24T08:00:00Z");
const SECONDS = 1795507200;
const PARTNER_ID = "2001887";
const PARTNER_KEY = "live-partner-key-5e1f";
const SHOP_ID = "14701711";
const ORDER = "241124ABCD0001";
const hmac = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex");

let fake: FakeShopee;
let saved: Credentials[];

beforeEach(async () => {
  saved = [];
  fake = await startFakeShopee({
    partners: { [PARTNER_ID]: PARTNER_KEY },
    shops: [
      {
        shopId: SHOP_ID,
        partnerId: PARTNER_ID,
        accessToken: "access-0",
        refreshToken: "refresh-0",
      },
    ],
    orders: [
      { orderSn: ORDER, shopId: SHOP_ID, buyerUserId: 81234567 },
      { orderSn: "241124CANCEL01", shopId: SHOP_ID, status: "CANCELLED" },
    ],
    now: () => NOW,
  });
});

afterEach(() => fake.close());

function client(credentials: Partial<Credentials> = {}, fetchFn: typeof fetch = fetch) {
  return shopeeApi.createClient(
    {
      site: shopeeSites[0]!,
      baseUrl: fake.url,
      tokenUrl: `${fake.url}/api/v2/auth/access_token/get`,
      credentials: {
        partnerId: PARTNER_ID,
        partnerKey: PARTNER_KEY,
        shopId: SHOP_ID,
        accessToken: "access-0",
        refreshToken: "refresh-0",
        ...credentials,
      },
    },
    { fetch: fetchFn, now: () => NOW, saveCredentials: async (next) => void saved.push(next) },
  );
}

const upload = (change: Partial<UploadRequest> = {}): UploadRequest => ({
  nativeOrderId: ORDER,
  packageReference: 1,
  carrier: "yunexpress",
  carrierName: "YunExpress",
  trackingNumber: "YT2432112345678901",
  shippingMethod: null,
  shipDate: NOW,
  items: [],
  ...change,
});

describe("signing", () => {
  it("signs the base string of Shopee's guide example", () => {
    // Base string from the v2 "API calls" guide; the key is ours, the HMAC computed here.
    const base =
      "2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711";
    const input = {
      partnerId: "2001887",
      path: "/api/v2/shop/get_shop_info",
      timestamp: 1655714431,
      accessToken: "59777174636562737266615546704c6d",
      shopId: "14701711",
    };
    expect(shopeeSign(PARTNER_KEY, input)).toBe(hmac(PARTNER_KEY, base));
  });

  it("sends partner_id, timestamp (seconds), access_token, shop_id and sign as query params", async () => {
    await client().uploadTracking(upload());
    const { query, path, method } = fake.requests[0]!;
    expect([method, path]).toEqual(["POST", "/api/v2/logistics/ship_order"]);
    expect(Object.fromEntries(query)).toEqual({
      partner_id: PARTNER_ID,
      timestamp: String(SECONDS),
      access_token: "access-0",
      shop_id: SHOP_ID,
      sign: hmac(
        PARTNER_KEY,
        `${PARTNER_ID}/api/v2/logistics/ship_order${SECONDS}access-0${SHOP_ID}`,
      ),
    });
  });
});

describe("uploadTracking", () => {
  it("ships the order on its non-integrated channel with the tracking number", async () => {
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
    expect(JSON.parse(fake.requests[0]!.rawBody)).toEqual({
      order_sn: ORDER,
      non_integrated: { tracking_number: "YT2432112345678901" },
    });
    expect(fake.applied.get(ORDER)).toEqual({ trackingNumber: "YT2432112345678901", count: 1 });
  });

  it("refreshes an expired access token, saves both rotated tokens and retries once", async () => {
    fake.expireAccessToken(SHOP_ID);
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });

    const rotated = fake.shop(SHOP_ID);
    expect(rotated.refreshToken).not.toBe("refresh-0");
    expect(saved).toEqual([
      {
        partnerId: PARTNER_ID,
        partnerKey: PARTNER_KEY,
        shopId: SHOP_ID,
        accessToken: rotated.accessToken,
        refreshToken: rotated.refreshToken,
      },
    ]);
    const refresh = fake.requests[1]!;
    expect(refresh.path).toBe("/api/v2/auth/access_token/get");
    expect(refresh.query.get("sign")).toBe(
      hmac(PARTNER_KEY, `${PARTNER_ID}/api/v2/auth/access_token/get${SECONDS}`),
    );
    expect(JSON.parse(refresh.rawBody)).toEqual({
      refresh_token: "refresh-0",
      partner_id: Number(PARTNER_ID),
      shop_id: Number(SHOP_ID),
    });
    expect(fake.requests[2]!.query.get("access_token")).toBe(rotated.accessToken);
    expect(fake.applied.get(ORDER)?.count).toBe(1);
  });

  it("refreshes once for concurrent calls, so no call spends a used refresh token", async () => {
    fake.expireAccessToken(SHOP_ID);
    const shared = client();
    const results = await Promise.all([shared.uploadTracking(upload()), shared.checkCredentials()]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(fake.requests.filter((r) => r.path.includes("access_token/get"))).toHaveLength(1);
    expect(saved).toHaveLength(1);
  });

  it("asks the seller to re-authorise when the refresh token is refused", async () => {
    fake.expireAccessToken(SHOP_ID);
    const result = await client({ refreshToken: "spent" }).uploadTracking(upload());
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      code: "INVALID_CREDENTIALS",
      field: "credentials.refreshToken",
      message: "Invalid refresh_token.",
    });
    expect(saved).toEqual([]);
    expect(fake.applied.size).toBe(0);
  });

  it("refreshes only once: a fresh token that is still refused is a credentials error", async () => {
    const refused = {
      status: 403,
      body: { error: "error_auth", message: "Invalid access_token." },
    };
    fake.failNext(1, refused);
    fake.failNext(1, {
      body: { error: "", message: "", access_token: "a-1", refresh_token: "r-1" },
    });
    fake.failNext(1, refused);
    const result = await client().uploadTracking(upload());
    expect(result).toMatchObject({ retryable: false, field: "credentials.accessToken" });
    expect(fake.requests).toHaveLength(3);
    expect(saved.map((c) => c.refreshToken)).toEqual(["r-1"]);
  });

  it("is fatal and names the partner key when Shopee says the sign is wrong", async () => {
    const result = await client({ partnerKey: "not-the-key" }).uploadTracking(upload());
    expect(result).toEqual({
      ok: false,
      retryable: false,
      code: "INVALID_CREDENTIALS",
      message: "Wrong sign.",
      field: "credentials.partnerKey",
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("is retryable, with a wait, when rate limited", async () => {
    fake.failNext(1, "rate-limit");
    const result = await client().uploadTracking(upload());
    expect(result).toMatchObject({ ok: false, retryable: true, code: "error_too_many_request" });
    expect(result.ok === false && result.retryAfterMs).toBeGreaterThan(0);
    expect(fake.applied.size).toBe(0);
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
  });

  it("is fatal with Shopee's message for a cancelled order", async () => {
    const result = await client().uploadTracking(upload({ nativeOrderId: "241124CANCEL01" }));
    expect(result).toEqual({
      ok: false,
      retryable: false,
      code: "error_status",
      message: "The order has been cancelled.",
    });
  });

  it("is fatal with Shopee's message for an unknown order", async () => {
    const result = await client().uploadTracking(upload({ nativeOrderId: "NOPE" }));
    expect(result).toMatchObject({ retryable: false, message: "Order does not exist." });
  });

  it("is retryable while Shopee is down or failing, and succeeds once it is back", async () => {
    await fake.down();
    expect(await client().uploadTracking(upload())).toMatchObject({
      ok: false,
      retryable: true,
      code: "NETWORK_ERROR",
    });
    await fake.up();
    fake.failNext(1, 503);
    expect(await client().uploadTracking(upload())).toMatchObject({ retryable: true });
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
  });
});

describe("a push that may already have been applied", () => {
  it("answers ok, without applying twice, when Shopee already holds the same number", async () => {
    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
    expect(
      await client().uploadTracking(upload({ trackingNumber: " yt2432112345678901 " })),
    ).toEqual({
      ok: true,
    });
    expect(fake.applied.get(ORDER)).toEqual({ trackingNumber: "YT2432112345678901", count: 1 });
    expect(fake.requests.at(-1)!.path).toBe("/api/v2/logistics/get_tracking_number");
    expect(fake.requests.at(-1)!.query.get("order_sn")).toBe(ORDER);
  });

  it("is fatal, naming both numbers, when Shopee holds another number", async () => {
    await client().uploadTracking(upload());
    const result = await client().uploadTracking(upload({ trackingNumber: "LX123456785CN" }));
    expect(result).toMatchObject({ ok: false, retryable: false, code: "ALREADY_SHIPPED" });
    expect(result.ok === false && result.message).toContain("YT2432112345678901");
    expect(result.ok === false && result.message).toContain("LX123456785CN");
    expect(fake.applied.get(ORDER)?.count).toBe(1);
  });

  it("survives a timeout after Shopee applied it: the retry confirms instead of re-applying", async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    // The client's own 20 s timeout, cut short by the test's fetch once Shopee has applied it.
    const timingOut = fetchTimingOutWhen(() => (fake.applied.get(ORDER)?.count ?? 0) > 0);
    const impatient: typeof fetch = (input, init) => {
      signals.push(init?.signal);
      return timingOut(input, init);
    };
    fake.hold();
    expect(await client({}, impatient).uploadTracking(upload())).toMatchObject({
      ok: false,
      retryable: true,
      code: "TIMEOUT",
    });
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    fake.release();
    expect(fake.applied.get(ORDER)?.count).toBe(1);

    expect(await client().uploadTracking(upload())).toEqual({ ok: true });
    expect(fake.applied.get(ORDER)?.count).toBe(1);
  });
});

describe("checkCredentials", () => {
  it("passes with a cheap signed shop call", async () => {
    expect(await client().checkCredentials()).toEqual({ ok: true });
    expect(fake.requests[0]!.path).toBe("/api/v2/shop/get_shop_info");
  });

  it("refreshes an expired token and saves the rotated pair", async () => {
    fake.expireAccessToken(SHOP_ID);
    expect(await client().checkCredentials()).toEqual({ ok: true });
    expect(saved.map((c) => c.accessToken)).toEqual([fake.shop(SHOP_ID).accessToken]);
  });

  it("names the credential that is wrong or missing", async () => {
    expect(await client({ partnerKey: "nope" }).checkCredentials()).toMatchObject({
      field: "credentials.partnerKey",
    });
    expect(await client({ partnerId: "999" }).checkCredentials()).toMatchObject({
      code: "INVALID_CREDENTIALS",
      field: "credentials.partnerId",
    });
    expect(await client({ refreshToken: " " }).checkCredentials()).toMatchObject({
      retryable: false,
      field: "credentials.refreshToken",
    });
  });
});

describe("messageBuyer", () => {
  it("finds the order's buyer, then sends one signed text message to them", async () => {
    const result = await client().messageBuyer?.({ nativeOrderId: ORDER, text: "Delivered." });
    expect(result).toEqual({ ok: true });
    expect(fake.messages).toEqual([{ shopId: SHOP_ID, toId: 81234567, text: "Delivered." }]);
    const send = fake.requests.find((r) => r.path === "/api/v2/sellerchat/send_message");
    expect(JSON.parse(send?.rawBody ?? "{}")).toEqual({
      to_id: 81234567,
      message_type: "text",
      content: { text: "Delivered." },
    });
  });

  it("refreshes an expired token once and saves the rotated pair before sending", async () => {
    fake.expireAccessToken(SHOP_ID);
    const result = await client().messageBuyer?.({ nativeOrderId: ORDER, text: "Shipped." });
    expect(result).toEqual({ ok: true });
    expect(saved.map((c) => c.refreshToken)).toEqual([fake.shop(SHOP_ID).refreshToken]);
    expect(fake.messages).toHaveLength(1);
  });

  it("sends nothing, for good, when Shopee names no buyer for the order", async () => {
    const result = await client().messageBuyer?.({ nativeOrderId: "241124NOBODY01", text: "x" });
    expect(result).toMatchObject({ ok: false, retryable: false, code: "BUYER_NOT_FOUND" });
    expect(fake.requests.some((r) => r.path.includes("sellerchat"))).toBe(false);
  });
});
