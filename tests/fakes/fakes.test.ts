import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startFakeShopee } from "./shopee-open-platform.ts";
import { startFakeTikTokShop } from "./tiktok-shop-api.ts";

// The clients' own tests cover the fakes' contract; these pin what only end-to-end tests use.
const now = () => new Date("2026-11-24T08:00:00Z");
const seconds = "1795507200";

describe("fake Shopee", () => {
  it("rate-limits a shop beyond its calls per second with HTTP 429", async () => {
    const fake = await startFakeShopee({
      partners: { "1": "key" },
      shops: [{ shopId: "9", partnerId: "1", accessToken: "a", refreshToken: "r" }],
      rateLimitPerSecond: 1,
      now,
    });
    const path = "/api/v2/shop/get_shop_info";
    const sign = createHmac("sha256", "key").update(`1${path}${seconds}a9`).digest("hex");
    const url = `${fake.url}${path}?partner_id=1&timestamp=${seconds}&access_token=a&shop_id=9&sign=${sign}`;
    const statuses = [(await fetch(url)).status, (await fetch(url)).status];
    await fake.close();
    expect(statuses).toEqual([200, 429]);
  });

  it("refuses a chat message whose sign does not cover its token and shop, and records nothing", async () => {
    const fake = await startFakeShopee({
      partners: { "1": "key" },
      shops: [{ shopId: "9", partnerId: "1", accessToken: "a", refreshToken: "r" }],
      orders: [{ orderSn: "S1", shopId: "9", buyerUserId: 5 }],
      now,
    });
    const path = "/api/v2/sellerchat/send_message";
    const publicSign = createHmac("sha256", "key").update(`1${path}${seconds}`).digest("hex");
    const answer = await fetch(
      `${fake.url}${path}?partner_id=1&timestamp=${seconds}&access_token=a&shop_id=9&sign=${publicSign}`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to_id: 5, message_type: "text", content: { text: "hi" } }),
      },
    );
    const body = await answer.json();
    await fake.close();
    expect([answer.status, body.error, fake.messages.length]).toEqual([403, "error_sign", 0]);
  });
});

describe("fake TikTok Shop", () => {
  it("rate-limits a shop beyond its calls per second with HTTP 429 and 36009002", async () => {
    const fake = await startFakeTikTokShop({
      apps: { k: "s" },
      shops: [{ cipher: "c", appKey: "k", accessToken: "t", refreshToken: "r" }],
      rateLimitPerSecond: 1,
      now,
    });
    const path = "/authorization/202309/shops";
    const sign = createHmac("sha256", "s")
      .update(`s${path}app_keyktimestamp${seconds}s`)
      .digest("hex");
    const get = () =>
      fetch(`${fake.url}${path}?app_key=k&timestamp=${seconds}&sign=${sign}`, {
        headers: { "x-tts-access-token": "t" },
      });
    const first = await get();
    const second = await get();
    const body = await second.json();
    await fake.close();
    expect([first.status, second.status, body.code]).toEqual([200, 429, 36009002]);
  });

  it("refuses a Send Message signed without its body, and records nothing", async () => {
    const fake = await startFakeTikTokShop({
      apps: { k: "s" },
      shops: [{ cipher: "c", appKey: "k", accessToken: "t", refreshToken: "r" }],
      orders: [{ id: "O1", shopCipher: "c", packages: [], buyerUserId: "b1" }],
      now,
    });
    const path = "/customer_service/202309/conversations/x/messages";
    const unsignedBody = createHmac("sha256", "s")
      .update(`s${path}app_keykshop_cipherctimestamp${seconds}s`)
      .digest("hex");
    const answer = await fetch(
      `${fake.url}${path}?app_key=k&shop_cipher=c&timestamp=${seconds}&sign=${unsignedBody}`,
      {
        method: "POST",
        headers: { "content-type": "application/json", "x-tts-access-token": "t" },
        body: JSON.stringify({ type: "TEXT", content: JSON.stringify({ content: "hi" }) }),
      },
    );
    const body = await answer.json();
    await fake.close();
    expect([body.code, fake.messages.length]).toEqual([106001, 0]);
  });
});
