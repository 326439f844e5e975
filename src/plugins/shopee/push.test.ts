import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shopeePush } from "./push.ts";

// Shapes of Shopee's Order Status Push (code 3) and Order TrackingNo Push (code 4); the code 4
// body follows a push an integrator recorded, with our order number and times.
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "__fixtures__", `${name}.json`), "utf8").trim();
const STATUS_PUSH = fixture("order-status-push");
const TRACKING_PUSH = fixture("tracking-no-push");
const URL = "https://trackline.example/webhooks/marketplaces/shopee";
const PARTNER_KEY = "live-partner-key-5e1f";
const credentials = { partnerId: "2001887", partnerKey: PARTNER_KEY, shopId: "14701711" };

/** Signs as Shopee's push guide documents it, independently of the plugin. */
const signed = (rawBody: string, key = PARTNER_KEY, url = URL) =>
  new Headers({
    Authorization: createHmac("sha256", key).update(`${url}|${rawBody}`).digest("hex"),
  });
const verify = (rawBody: string, headers: Headers, url = URL) =>
  shopeePush.verify({ rawBody, headers, url, credentials });

describe("verify", () => {
  it("accepts a push signed with the partner key over URL|body", () => {
    expect(verify(STATUS_PUSH, signed(STATUS_PUSH))).toBe(true);
    expect(verify(TRACKING_PUSH, signed(TRACKING_PUSH))).toBe(true);
  });

  it("refuses a tampered body, another URL, another key, or no signature", () => {
    const tampered = STATUS_PUSH.replace('"SHIPPED"', '"CANCELLED"');
    expect(verify(tampered, signed(STATUS_PUSH))).toBe(false);
    expect(verify(STATUS_PUSH, signed(STATUS_PUSH), `${URL}?x=1`)).toBe(false);
    expect(verify(STATUS_PUSH, signed(STATUS_PUSH, "another-key"))).toBe(false);
    expect(verify(STATUS_PUSH, new Headers())).toBe(false);
    expect(verify(STATUS_PUSH, new Headers({ Authorization: "0".repeat(64) }))).toBe(false);
    expect(verify(STATUS_PUSH, new Headers({ Authorization: "short" }))).toBe(false);
  });

  it("refuses everything when the store has no partner key", () => {
    const headers = signed(STATUS_PUSH, "");
    expect(shopeePush.verify({ rawBody: STATUS_PUSH, headers, url: URL, credentials: {} })).toBe(
      false,
    );
  });
});

describe("accountOf", () => {
  it("reads the shop_id of an unverified push as a string", () => {
    expect(shopeePush.accountOf(STATUS_PUSH)).toBe("14701711");
  });

  it("gives null for a body without one, or that is not JSON", () => {
    expect(shopeePush.accountOf('{"code":3}')).toBeNull();
    expect(shopeePush.accountOf("not json")).toBeNull();
    expect(shopeePush.accountOf("[1,2]")).toBeNull();
  });
});

describe("parse", () => {
  it("reads an order status push (code 3) with its update time", () => {
    expect(shopeePush.parse(STATUS_PUSH)).toEqual([
      {
        kind: "ORDER_STATUS",
        nativeOrderId: "241124ABCD0001",
        nativeStatus: "SHIPPED",
        occurredAt: new Date(1795510800 * 1000),
      },
    ]);
  });

  it("reads a tracking number push (code 4), dated by the push", () => {
    expect(shopeePush.parse(TRACKING_PUSH)).toEqual([
      {
        kind: "TRACKING",
        nativeOrderId: "241124ABCD0001",
        trackingNumber: "SPXID069148014501",
        occurredAt: new Date(1795511400 * 1000),
      },
    ]);
  });

  it("parses a replayed push into the same events", () => {
    expect(shopeePush.parse(STATUS_PUSH)).toEqual(shopeePush.parse(STATUS_PUSH));
    expect(shopeePush.parse(TRACKING_PUSH)).toEqual(shopeePush.parse(TRACKING_PUSH));
  });

  it("gives no events, and never throws, for other codes and unreadable bodies", () => {
    const shopAuthorised = JSON.stringify({ code: 1, shop_id: 1, data: { success: 1 } });
    expect(shopeePush.parse(shopAuthorised)).toEqual([]);
    expect(shopeePush.parse(STATUS_PUSH.replace('"code":3', '"code":15'))).toEqual([]);
    expect(
      shopeePush.parse(STATUS_PUSH.replace('"ordersn":"241124ABCD0001"', '"ordersn":""')),
    ).toEqual([]);
    expect(
      shopeePush.parse(
        TRACKING_PUSH.replace('"tracking_no":"SPXID069148014501"', '"tracking_no":null'),
      ),
    ).toEqual([]);
    expect(shopeePush.parse("{")).toEqual([]);
    expect(shopeePush.parse("null")).toEqual([]);
  });
});
