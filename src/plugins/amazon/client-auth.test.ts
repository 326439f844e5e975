import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeAmazon, startFakeAmazon } from "../../../tests/fakes/amazon-sp-api.ts";
import {
  connect,
  manualClock,
  ORDER,
  SELLER,
  upload,
} from "../../../tests/helpers/amazon-client.ts";

const ORDERS = Array.from({ length: 8 }, (_, i) => ({ orderId: `114-0000000-000010${i}` }));

let fake: FakeAmazon;

beforeEach(async () => {
  fake = await startFakeAmazon({ sellers: [SELLER], orders: [ORDER, ...ORDERS] });
});

afterEach(async () => {
  await fake.close();
});

const tokenRequests = () => fake.requests.filter((r) => r.path === "/auth/o2/token");
const toOrder = (i: number) => upload({ nativeOrderId: ORDERS[i]!.orderId });

describe("Login with Amazon tokens", () => {
  it("exchanges the refresh token with the form LWA documents", async () => {
    await connect(fake).checkCredentials();

    const [request] = tokenRequests();
    expect(request!.method).toBe("POST");
    expect(request!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(request!.rawBody))).toEqual({
      grant_type: "refresh_token",
      refresh_token: SELLER.refreshToken,
      client_id: SELLER.lwaClientId,
      client_secret: SELLER.lwaClientSecret,
    });
  });

  it("uses one token for many uploads, concurrent ones included", async () => {
    const client = connect(fake);

    const concurrent = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => client.uploadTracking(toOrder(i))),
    );
    for (const i of [5, 6, 7]) await client.uploadTracking(toOrder(i));

    expect(concurrent).toEqual(Array(5).fill({ ok: true }));
    expect(fake.appliedPackages()).toHaveLength(8);
    expect(fake.tokenGrants).toBe(1);
  });

  it("replaces the token once it is within a minute of expiring, by the client's clock", async () => {
    const clock = manualClock();
    const client = connect(fake, { now: clock.now });
    await client.uploadTracking(toOrder(0));

    clock.advance(3600_000 - 61_000);
    await client.uploadTracking(toOrder(1));
    expect(fake.tokenGrants).toBe(1);

    clock.advance(2_000);
    await client.uploadTracking(toOrder(2));
    expect(fake.tokenGrants).toBe(2);
  });

  it("keeps a fresh token when a call that used the old one is refused after it", async () => {
    let releaseLate!: () => void;
    const late = new Promise<void>((resolve) => {
      releaseLate = resolve;
    });
    let held = false;
    // The second order's first answer reaches the client only after the first upload is done.
    const slowFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!held && String(input).includes(ORDERS[1]!.orderId)) {
        held = true;
        await late;
      }
      return response;
    };
    const client = connect(fake, { fetch: slowFetch });
    await client.checkCredentials();
    fake.revokeAccessTokens();

    const first = client.uploadTracking(toOrder(0));
    const second = client.uploadTracking(toOrder(1));
    expect(await first).toEqual({ ok: true });
    releaseLate();
    expect(await second).toEqual({ ok: true });
    expect(fake.tokenGrants).toBe(2);
  });

  it("exchanges the token again to check credentials, whatever the cache holds", async () => {
    const client = connect(fake);
    await client.uploadTracking(toOrder(0));

    expect(await client.checkCredentials()).toEqual({ ok: true });
    expect(fake.tokenGrants).toBe(2);
  });

  it("names the refresh token when LWA says invalid_grant, and never calls SP-API", async () => {
    const client = connect(fake, { credentials: { refreshToken: "Atzr|revoked" } });
    const failure = {
      ok: false,
      retryable: false,
      code: "INVALID_CREDENTIALS",
      field: "credentials.refreshToken",
      message: "The request has an invalid grant parameter : refresh_token",
    };

    expect(await client.checkCredentials()).toEqual(failure);
    expect(await client.uploadTracking(upload())).toEqual(failure);
    expect(fake.requests.filter((r) => r.path !== "/auth/o2/token")).toEqual([]);
  });

  it("names the client secret when LWA says invalid_client", async () => {
    const client = connect(fake, { credentials: { lwaClientSecret: "wrong" } });

    expect(await client.checkCredentials()).toEqual({
      ok: false,
      retryable: false,
      code: "INVALID_CREDENTIALS",
      field: "credentials.lwaClientSecret",
      message: "Client authentication failed",
    });
  });

  it("reports a seller who revoked the app once the cached token is refused", async () => {
    const client = connect(fake);
    await client.uploadTracking(toOrder(0));
    fake.revokeRefreshToken(SELLER.refreshToken);
    fake.revokeAccessTokens();

    expect(await client.uploadTracking(toOrder(1))).toMatchObject({
      ok: false,
      retryable: false,
      code: "INVALID_CREDENTIALS",
      field: "credentials.refreshToken",
    });
  });

  it("retries LWA's throttling and server errors", async () => {
    fake.failNextToken(1, 429);
    fake.failNextToken(1, 500, "<html>Internal Server Error</html>");
    const client = connect(fake);

    expect(await client.checkCredentials()).toMatchObject({
      ok: false,
      retryable: true,
      code: "QuotaExceeded",
      retryAfterMs: 500,
    });
    expect(await client.checkCredentials()).toEqual({
      ok: false,
      retryable: true,
      code: "SERVER_ERROR",
      message: "Login with Amazon answered HTTP 500: Internal Server Error.",
    });
    expect(await client.checkCredentials()).toEqual({ ok: true });
  });

  it("still explains a refusal whose body is not LWA's JSON", async () => {
    fake.failNextToken(1, 400, "Bad Request");

    expect(await connect(fake).checkCredentials()).toEqual({
      ok: false,
      retryable: false,
      code: "INVALID_CREDENTIALS",
      message: "Login with Amazon refused the credentials (HTTP 400).",
    });
  });
});
