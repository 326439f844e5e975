import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeAmazon, startFakeAmazon } from "../../../tests/fakes/amazon-sp-api.ts";
import { connect, ORDER, SELLER } from "../../../tests/helpers/amazon-client.ts";

let fake: FakeAmazon;

beforeEach(async () => {
  fake = await startFakeAmazon({
    sellers: [SELLER],
    orders: [{ ...ORDER, marketplaceId: "ATVPDKIKX0DER" }],
  });
});
afterEach(() => fake.close());

describe("requestReview (Solicitations v1)", () => {
  it("posts productReviewAndSellerFeedback for the order's marketplace, with the store's token", async () => {
    const client = connect(fake);
    expect(await client.requestReview?.(ORDER.orderId)).toEqual({ ok: true });
    const request = fake.requests.find((r) => r.path.startsWith("/solicitations/"));
    expect(request?.path).toBe(
      `/solicitations/v1/orders/${ORDER.orderId}/solicitations/productReviewAndSellerFeedback`,
    );
    expect(request?.query.get("marketplaceIds")).toBe("ATVPDKIKX0DER");
    expect(request?.headers["x-amz-access-token"]).toMatch(/^Atza\|fake-/);
    expect(fake.solicitedOrders()).toEqual([ORDER.orderId]);
  });

  it("passes Amazon's refusal of a second request on, not retryable", async () => {
    const client = connect(fake);
    await client.requestReview?.(ORDER.orderId);
    const again = await client.requestReview?.(ORDER.orderId);
    expect(again).toMatchObject({ ok: false, retryable: false });
    expect(fake.solicitedOrders()).toEqual([ORDER.orderId]);
  });

  it("makes a 503 retryable and an unknown order not", async () => {
    fake.failNext(1, 503);
    expect(await connect(fake).requestReview?.(ORDER.orderId)).toMatchObject({
      ok: false,
      retryable: true,
    });
    expect(await connect(fake).requestReview?.("999-0000000-0000000")).toMatchObject({
      ok: false,
      retryable: false,
    });
  });
});
