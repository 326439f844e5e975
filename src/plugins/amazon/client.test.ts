import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type FakeAmazon, startFakeAmazon } from "../../../tests/fakes/amazon-sp-api.ts";
import { connect, ORDER, SELLER, upload } from "../../../tests/helpers/amazon-client.ts";

/** Orders without item lines: any number of packages fits them. */
const OPEN_ORDERS = Array.from({ length: 12 }, (_, i) => ({
  orderId: `114-0000000-00000${String(i).padStart(2, "0")}`,
}));

let fake: FakeAmazon;
let fakeNow: number;

beforeEach(async () => {
  fakeNow = Date.parse("2026-11-02T10:00:00Z");
  fake = await startFakeAmazon({
    sellers: [SELLER],
    orders: [ORDER, ...OPEN_ORDERS],
    now: () => fakeNow,
  });
});

afterEach(async () => {
  await fake.close();
});

const confirmations = () => fake.requests.filter((r) => r.path.endsWith("/shipmentConfirmation"));

describe("uploadTracking", () => {
  it("confirms a package with the body the Orders v0 model documents", async () => {
    expect(await connect(fake).uploadTracking(upload())).toEqual({ ok: true });

    const [request] = confirmations();
    expect(request!.path).toBe(`/orders/v0/orders/${ORDER.orderId}/shipmentConfirmation`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-amz-access-token"]).toMatch(/^Atza\|fake-1-/);
    expect(JSON.parse(request!.rawBody)).toEqual({
      marketplaceId: "ATVPDKIKX0DER",
      packageDetail: {
        packageReferenceId: "1",
        carrierCode: "UPS",
        shippingMethod: "UPS Ground",
        trackingNumber: "1Z5R89390357567127",
        shipDate: "2026-11-02T16:15:00.000Z",
        orderItems: [{ orderItemId: "68828574383266", quantity: 2 }],
      },
    });
    expect(fake.applied(ORDER.orderId, "1")).toMatchObject({ applied: 1, repeats: 0 });
    expect(fake.orderStatus(ORDER.orderId)).toBe("Shipped");
  });

  it('sends "Other" with the carrier name for a carrier not on Amazon\'s list', async () => {
    const result = await connect(fake).uploadTracking(
      upload({ carrier: "purolator", carrierName: "Purolator", shippingMethod: null }),
    );

    expect(result).toEqual({ ok: true });
    const { packageDetail } = JSON.parse(confirmations()[0]!.rawBody);
    expect(packageDetail).toMatchObject({ carrierCode: "Other", carrierName: "Purolator" });
    expect(packageDetail).not.toHaveProperty("shippingMethod");
  });

  it("counts a repeated identical confirmation as a repeat and a changed number as an update", async () => {
    const client = connect(fake);
    const orderId = OPEN_ORDERS[0]!.orderId;
    await client.uploadTracking(upload({ nativeOrderId: orderId }));
    await client.uploadTracking(upload({ nativeOrderId: orderId }));
    await client.uploadTracking(
      upload({ nativeOrderId: orderId, trackingNumber: "1Z999AA10123456784" }),
    );

    expect(fake.applied(orderId, "1")).toMatchObject({
      applied: 2,
      repeats: 1,
      trackingNumber: "1Z999AA10123456784",
    });
  });

  it("gives Amazon's InvalidInput message to the seller and does not retry it", async () => {
    const result = await connect(fake).uploadTracking(
      upload({ items: [{ nativeItemId: ORDER.items[0]!.orderItemId, quantity: 3 }] }),
    );

    expect(result).toEqual({
      ok: false,
      retryable: false,
      code: "InvalidInput",
      message: "quantity for orderItemId 68828574383266 exceeds the quantity ordered (2).",
    });
    expect(fake.appliedPackages()).toEqual([]);
  });

  it("refuses a cancelled order for good", async () => {
    fake.setOrderStatus(ORDER.orderId, "Canceled");

    expect(await connect(fake).uploadTracking(upload())).toEqual({
      ok: false,
      retryable: false,
      code: "InvalidInput",
      message: `Order ${ORDER.orderId} is canceled.`,
    });
  });

  it("refuses an order Amazon does not know for good", async () => {
    const result = await connect(fake).uploadTracking(
      upload({ nativeOrderId: "999-0000000-0000000" }),
    );

    expect(result).toMatchObject({ ok: false, retryable: false, code: "NotFound" });
  });

  it("retries a throttled call after Retry-After, or after one token's refill without it", async () => {
    fake.failNext(1, 429, { retryAfterSeconds: 3 });
    fake.failNext(1, 429);
    const client = connect(fake);

    expect(await client.uploadTracking(upload())).toMatchObject({
      ok: false,
      retryable: true,
      code: "QuotaExceeded",
      retryAfterMs: 3000,
    });
    expect(await client.uploadTracking(upload())).toMatchObject({
      retryable: true,
      retryAfterMs: 500,
    });
  });

  it("retries Amazon's server errors, even when the body is not JSON", async () => {
    fake.failNext(1, 500);
    fake.failNext(1, 503, { body: "<html><body>Service Unavailable</body></html>" });
    const client = connect(fake);

    expect(await client.uploadTracking(upload())).toMatchObject({
      ok: false,
      retryable: true,
      code: "InternalFailure",
      message: "We encountered an internal error. Please try again.",
    });
    expect(await client.uploadTracking(upload())).toEqual({
      ok: false,
      retryable: true,
      code: "SERVER_ERROR",
      message: "Amazon SP-API answered HTTP 503: Service Unavailable.",
    });
    expect(await client.uploadTracking(upload())).toEqual({ ok: true });
  });

  it("retries while Amazon is unreachable, and succeeds once it is back", async () => {
    const client = connect(fake);
    await fake.down();

    const result = await client.uploadTracking(upload());
    expect(result).toMatchObject({ ok: false, retryable: true, code: "NETWORK_ERROR" });
    expect(result.ok || result.message).toMatch(/^Could not reach Login with Amazon: ECONNREFUSED/);

    await fake.up();
    expect(await client.uploadTracking(upload())).toEqual({ ok: true });
  });

  it("gives up on a slow answer after the timeout; the retry of an applied package is a repeat", async () => {
    const client = connect(fake, { options: { timeoutMs: 500 } });
    expect(await client.checkCredentials()).toEqual({ ok: true });
    const gate = fake.hold();

    const result = await client.uploadTracking(upload());
    expect(result).toEqual({
      ok: false,
      retryable: true,
      code: "NETWORK_ERROR",
      message: `Amazon SP-API at ${fake.url} did not answer within 0.5 s.`,
    });

    // Amazon may still apply what it was sent; the retry then changes nothing.
    gate.open();
    expect(await client.uploadTracking(upload())).toEqual({ ok: true });
    await vi.waitFor(() => expect(fake.applied(ORDER.orderId, "1")?.repeats).toBe(1));
    expect(fake.applied(ORDER.orderId, "1")?.applied).toBe(1);
  });

  it("replaces a token Amazon refuses, once, and retries with it", async () => {
    const client = connect(fake);
    await client.uploadTracking(upload({ nativeOrderId: OPEN_ORDERS[0]!.orderId }));
    fake.revokeAccessTokens();

    expect(await client.uploadTracking(upload({ nativeOrderId: OPEN_ORDERS[1]!.orderId }))).toEqual(
      {
        ok: true,
      },
    );
    expect(fake.tokenGrants).toBe(2);
    expect(confirmations().map((r) => r.headers["x-amz-access-token"])).toEqual([
      expect.stringMatching(/^Atza\|fake-1-/),
      expect.stringMatching(/^Atza\|fake-1-/),
      expect.stringMatching(/^Atza\|fake-2-/),
    ]);
  });

  it("reports credentials Amazon refuses even with a fresh token", async () => {
    fake.failNext(2, 403);

    expect(await connect(fake).uploadTracking(upload())).toEqual({
      ok: false,
      retryable: false,
      code: "INVALID_CREDENTIALS",
      field: "credentials.refreshToken",
      message:
        "Access to requested resource is denied. A fresh access token was refused too: check that the seller still authorizes this app.",
    });
    expect(fake.tokenGrants).toBe(2);
    expect(confirmations()).toHaveLength(2);
  });
});

describe("the fake's usage plan (2 a second, burst 10)", () => {
  it("throttles the 11th call in a burst and lets one through per half second", async () => {
    const client = connect(fake);
    const results = [];
    for (const [i, order] of OPEN_ORDERS.slice(0, 11).entries()) {
      results.push(
        await client.uploadTracking(
          upload({ nativeOrderId: order.orderId, packageReference: i + 1 }),
        ),
      );
    }

    expect(results.slice(0, 10)).toEqual(Array(10).fill({ ok: true }));
    expect(results[10]).toMatchObject({
      ok: false,
      retryable: true,
      code: "QuotaExceeded",
      retryAfterMs: 500,
    });
    const throttled = fake.requests.at(-1)!;
    expect(throttled.path).toContain(OPEN_ORDERS[10]!.orderId);

    fakeNow += 250;
    expect(
      await client.uploadTracking(upload({ nativeOrderId: OPEN_ORDERS[10]!.orderId })),
    ).toMatchObject({
      code: "QuotaExceeded",
    });
    fakeNow += 250;
    expect(
      await client.uploadTracking(upload({ nativeOrderId: OPEN_ORDERS[10]!.orderId })),
    ).toEqual({
      ok: true,
    });
  });
});
