import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SELLER } from "../helpers/amazon-client.ts";
import { type FakeAmazon, startFakeAmazon } from "./amazon-sp-api.ts";

const ORDER_ID = "114-3941689-8772232";
const OTHER_SELLER = { ...SELLER, sellingPartnerId: "A3OTHER", refreshToken: "Atzr|other" };

let fake: FakeAmazon;
let now: number;

beforeEach(async () => {
  now = Date.parse("2026-11-02T10:00:00Z");
  fake = await startFakeAmazon({
    sellers: [SELLER, OTHER_SELLER],
    orders: [
      {
        orderId: ORDER_ID,
        marketplaceId: "ATVPDKIKX0DER",
        sellingPartnerId: SELLER.sellingPartnerId,
      },
      { orderId: "114-0000000-0000009", status: "Pending" },
    ],
    tokenLifetimeSeconds: 600,
    now: () => now,
  });
});

afterEach(async () => {
  await fake.close();
});

async function token(seller = SELLER): Promise<string> {
  const response = await fetch(fake.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: seller.refreshToken,
      client_id: seller.lwaClientId,
      client_secret: seller.lwaClientSecret,
    }),
  });
  const body = (await response.json()) as { access_token: string; expires_in: number };
  expect(body.expires_in).toBe(600);
  return body.access_token;
}

const valid = {
  marketplaceId: "ATVPDKIKX0DER",
  packageDetail: {
    packageReferenceId: "1",
    carrierCode: "UPS",
    trackingNumber: "1Z5R89390357567127",
    shipDate: "2026-11-02T16:15:00Z",
    orderItems: [{ orderItemId: "68828574383266", quantity: 1 }],
  },
};

async function confirm(accessToken: string | null, body: unknown, orderId = ORDER_ID) {
  const response = await fetch(`${fake.url}/orders/v0/orders/${orderId}/shipmentConfirmation`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(accessToken ? { "x-amz-access-token": accessToken } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

const detail = (change: Record<string, unknown>) => ({
  ...valid,
  packageDetail: { ...valid.packageDetail, ...change },
});

describe("fake SP-API shipmentConfirmation", () => {
  it("answers 204 with the usage plan header", async () => {
    const answer = await confirm(await token(), valid);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("x-amzn-ratelimit-limit")).toBe("2.0");
    expect(fake.orderStatus(ORDER_ID)).toBe("Shipped");
  });

  it("denies a missing, unknown or expired token with SP-API's 403 body", async () => {
    const denied = {
      errors: [
        { code: "Unauthorized", message: "Access to requested resource is denied.", details: "" },
      ],
    };
    expect(await confirm(null, valid)).toMatchObject({ status: 403, body: denied });
    expect(await confirm("Atza|forged", valid)).toMatchObject({ status: 403, body: denied });
    const issued = await token();
    now += 600_000;
    expect(await confirm(issued, valid)).toMatchObject({
      status: 403,
      body: { errors: [{ details: "The access token you provided has expired." }] },
    });
  });

  it.each([
    [
      "a numeric packageReferenceId",
      detail({ packageReferenceId: 1 }),
      "packageDetail.packageReferenceId",
    ],
    [
      "packageReferenceId 0",
      detail({ packageReferenceId: "0" }),
      "packageDetail.packageReferenceId",
    ],
    ["Other without carrierName", detail({ carrierCode: "Other" }), "packageDetail.carrierName"],
    ["an empty tracking number", detail({ trackingNumber: "" }), "packageDetail.trackingNumber"],
    ["a date without time", detail({ shipDate: "2026-11-02" }), "packageDetail.shipDate"],
    ["no items", detail({ orderItems: [] }), "packageDetail.orderItems"],
    ["no marketplaceId", { packageDetail: valid.packageDetail }, "marketplaceId"],
    ["a body that is not JSON", "{", "not valid JSON"],
  ])("refuses %s as InvalidInput naming the field", async (_name, body, field) => {
    const answer = await confirm(await token(), body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].code).toBe("InvalidInput");
    expect(answer.body.errors[0].message).toContain(field);
    expect(fake.appliedPackages()).toEqual([]);
  });

  it("hides an order from another seller and refuses one that is not ready to ship", async () => {
    const other = await token(OTHER_SELLER);
    expect(await confirm(other, valid)).toMatchObject({
      status: 404,
      body: { errors: [{ code: "NotFound" }] },
    });
    expect(await confirm(other, valid, "114-0000000-0000009")).toMatchObject({
      status: 400,
      body: {
        errors: [{ message: "Order 114-0000000-0000009 is pending and cannot be shipped yet." }],
      },
    });
  });

  it("keeps one bucket per seller", async () => {
    const mine = await token();
    const theirs = await token(OTHER_SELLER);
    for (let i = 0; i < 10; i++) await confirm(mine, valid, "no-such-order");

    expect((await confirm(mine, valid)).status).toBe(429);
    expect((await confirm(theirs, valid, "no-such-order")).status).toBe(404);
  });

  it("holds calls until the gate opens", async () => {
    const accessToken = await token();
    const gate = fake.hold();
    const pending = confirm(accessToken, valid);
    await gate.arrived(1);
    expect(fake.appliedPackages()).toEqual([]);

    gate.open();
    expect((await pending).status).toBe(204);
  });
});

describe("fake Login with Amazon", () => {
  it("refuses a wrong secret, an unknown refresh token and counts only grants", async () => {
    const post = (form: Record<string, string>) =>
      fetch(fake.tokenUrl, { method: "POST", body: new URLSearchParams(form) });
    const base = {
      grant_type: "refresh_token",
      refresh_token: SELLER.refreshToken,
      client_id: SELLER.lwaClientId,
      client_secret: SELLER.lwaClientSecret,
    };

    const wrongSecret = await post({ ...base, client_secret: "x" });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: "invalid_client" });
    const wrongGrant = await post({ ...base, refresh_token: "Atzr|x" });
    expect(wrongGrant.status).toBe(400);
    expect(await wrongGrant.json()).toMatchObject({ error: "invalid_grant" });
    expect(fake.tokenGrants).toBe(0);
    expect((await post(base)).status).toBe(200);
    expect(fake.tokenGrants).toBe(1);
  });
});
