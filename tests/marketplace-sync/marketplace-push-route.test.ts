import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MarketplacePush } from "../../src/plugins/api-types.ts";
import { defineMarketplace } from "../../src/plugins/define-marketplace.ts";
import { createMarketplaceRegistry, MARKETPLACE_PLUGINS } from "../../src/plugins/registry.ts";
import { startTestServer, type TestServer } from "../helpers/test-server.ts";
import {
  PUSH_PATH,
  SHOP_CREDENTIALS,
  SHOP_ID,
  sendPush,
  shopeeSignature,
  statusPush,
} from "./shopee.ts";

/** A throwaway marketplace whose pushes are form-encoded text: "shop=<id>;...". */
const bazaarPush: MarketplacePush = {
  accountOf: (rawBody) => /^shop=(\w+)/.exec(rawBody)?.[1] ?? null,
  verify: ({ rawBody, headers, credentials }) => {
    const expected = createHmac("sha256", credentials.key ?? "")
      .update(rawBody)
      .digest();
    const received = Buffer.from(headers.get("x-bazaar-signature") ?? "", "hex");
    return received.length === expected.length && timingSafeEqual(received, expected);
  },
  parse: () => [],
};
const bazaar = defineMarketplace({
  id: "test-bazaar",
  name: "Test Bazaar",
  sites: [
    {
      code: "NL",
      country: "NL",
      locales: ["en"],
      timeZone: "Europe/Amsterdam",
      currency: "EUR",
      weekend: [6, 7],
    },
  ],
  orderStatuses: { open: { state: "READY_TO_SHIP", label: { en: "Open" } } },
  initialStatus: "open",
  texts: {},
  textReview: "native",
  validTrackingNeedsScan: false,
  push: bazaarPush,
});

let server: TestServer;
let proxied: TestServer;

/** A store of `marketplace` on `account`, written as connectStore would have sealed it. */
async function storeOf(
  on: TestServer,
  marketplace: string,
  site: string,
  credentials: Record<string, string>,
) {
  await on.database.db.store.create({
    data: {
      tenantId: on.tenant.tenantId,
      marketplace,
      site,
      name: `${marketplace} connected`,
      accountId: credentials.shopId,
      credentials: on.secretBox.seal(JSON.stringify(credentials)),
    },
  });
}

beforeAll(async () => {
  server = await startTestServer({
    marketplaces: createMarketplaceRegistry([...MARKETPLACE_PLUGINS, bazaar]),
  });
  await storeOf(server, "test-bazaar", "NL", { shopId: "42", key: "bazaar-key" });
  await storeOf(server, "shopee", "SG", SHOP_CREDENTIALS);
  proxied = await startTestServer({ publicUrl: "https://track.example.com/tl/" });
  await storeOf(proxied, "shopee", "SG", SHOP_CREDENTIALS);
});

afterAll(async () => {
  await server?.close();
  await proxied?.close();
});

const post = (path: string, init: RequestInit = {}) =>
  fetch(server.url.replace("/graphql", path), { method: "POST", ...init });

describe("the marketplace push route", () => {
  it("answers 404 for a marketplace it does not serve or that sends no pushes", async () => {
    for (const path of ["/webhooks/marketplaces/nowhere", "/webhooks/marketplaces/amazon"]) {
      const response = await post(path, { body: "{}" });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/no push receiver/) });
    }
  });

  it("takes POST only", async () => {
    const response = await fetch(server.url.replace("/graphql", PUSH_PATH));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("refuses a body over 1 MB with 413 before reading it", async () => {
    const response = await post(PUSH_PATH, { body: "x".repeat(1024 * 1024 + 1) });
    expect(response.status).toBe(413);
  });

  it("answers 400 to a verified body that is not JSON, and 401 to one that does not verify", async () => {
    const body = "shop=42;status=sent";
    const signature = createHmac("sha256", "bazaar-key").update(body).digest("hex");
    const verified = await post("/webhooks/marketplaces/test-bazaar", {
      body,
      headers: { "x-bazaar-signature": signature },
    });
    expect(verified.status).toBe(400);
    expect(await verified.json()).toEqual({ error: "body is not JSON" });
    const forged = await post("/webhooks/marketplaces/test-bazaar", {
      body,
      headers: { "x-bazaar-signature": "00".repeat(32) },
    });
    expect(forged.status).toBe(401);
  });

  it("checks the signature over the URL as the proxy in front received it", async () => {
    const push = statusPush("241120PROXY01", "SHIPPED", 1795507200);
    const seen = server.url.replace("http:", "https:").replace("/graphql", PUSH_PATH);
    const forwarded = await sendPush(server, push, {
      signature: shopeeSignature(seen, push),
      headers: { "x-forwarded-proto": "https" },
    });
    expect(forwarded).toEqual({ status: 200, body: { ok: true, applied: 0 } });
    expect((await sendPush(server, push, { signature: shopeeSignature(seen, push) })).status).toBe(
      401,
    );
  });
});

describe("TRACKLINE_PUBLIC_URL", () => {
  it("is the base of the URL pushes are signed over, query included", async () => {
    const push = statusPush("241120PUBLIC01", "SHIPPED", 1795507200, SHOP_ID);
    const path = `${PUSH_PATH}?region=sg`;
    const registered = `https://track.example.com/tl${path}`;
    const send = (url: string) =>
      fetch(proxied.url.replace("/graphql", path), {
        method: "POST",
        body: push,
        headers: { authorization: shopeeSignature(url, push) },
      });
    expect((await send(registered)).status).toBe(200);
    expect((await send(proxied.url.replace("/graphql", path))).status).toBe(401);
  });
});
