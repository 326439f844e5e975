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
});
