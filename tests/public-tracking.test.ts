import { Writable } from "node:stream";
import { getNamedType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTextBook } from "../src/domain/texts/index.ts";
import { textDirection } from "../src/domain/texts/public-page.ts";
import { createMarketplaceRegistry } from "../src/plugins/registry.ts";
import { createApiKey } from "../src/server/api-keys.ts";
import { createKeyRateLimiter, type KeyRateLimiter } from "../src/server/key-limits.ts";
import { createLogger } from "../src/server/logger.ts";
import { PUBLIC_SCHEMA } from "../src/server/public-graphql.ts";
import { clientAddress } from "../src/server/public-tracking-route.ts";
import { graphql } from "./generated/index.ts";
import { buildShipment, uniqueUpsNumber } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const PublicLink = graphql(`
  query PublicLink($id: ID!) {
    shipment(id: $id) {
      id
      publicUrl
      publicUrlRevokedAt
      order { id nativeOrderId }
      store { id }
    }
  }
`);

const RevokePublicTrackingLink = graphql(`
  mutation RevokePublicTrackingLink($input: RevokePublicTrackingLinkInput!) {
    revokePublicTrackingLink(input: $input) {
      shipment { id publicUrlRevokedAt }
      errors { code field message }
    }
  }
`);

// The real limiter, wrapped so a test can spend the budget of the addresses it saw.
const ipLimiter = createKeyRateLimiter({ pointsPerMinute: 1000, keyPrefix: "test-public-ip" });
const seenAddresses = new Set<string>();
const publicRateLimiter: KeyRateLimiter = {
  pointsPerMinute: 1000,
  charge: (ip, cost) => {
    seenAddresses.add(ip);
    return ipLimiter.charge(ip, cost);
  },
};

/** Every line the app logged. */
const logged: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    logged.push(String(chunk));
    done();
  },
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    access: { publicRateLimiter },
    logger: createLogger({ level: "info", destination: capture }),
  });
});
afterAll(() => server.close());

const texts = createTextBook(createMarketplaceRegistry());

async function shipmentWithEvents(trackingNumber = uniqueUpsNumber()) {
  const id = await buildShipment(server, { trackingNumber });
  const recorded = await server.request(RecordEvents, {
    input: {
      shipmentId: id,
      events: [
        {
          occurredAt: "2026-11-03T09:00:00+08:00",
          status: "INFO_RECEIVED",
          substatus: "LABEL_CREATED",
          rawCode: "MP",
          rawDescription: "Label created",
          location: { city: "Shenzhen", region: "Guangdong", countryCode: "CN" },
        },
        {
          occurredAt: "2026-11-04T18:30:00+08:00",
          status: "IN_TRANSIT",
          substatus: "PICKED_UP",
          rawCode: "PU",
          rawDescription: "Picked up by driver 4711",
          location: { city: "Dongguan", region: "Guangdong", countryCode: "CN" },
        },
      ],
    },
  });
  expect(recorded.data?.recordTrackingEvents.errors).toEqual([]);
  const { data } = await server.request(PublicLink, { id });
  const shipment = data?.shipment;
  if (!shipment) throw new Error("no shipment");
  const token = /\/t\/([A-Za-z0-9_-]+)$/.exec(shipment.publicUrl)?.[1];
  if (!token) throw new Error(`no token in ${shipment.publicUrl}`);
  return { shipment, token, trackingNumber };
}

/** Every id a leak could show: raw and global, of the shipment, its order, store and tenant. */
function internalIds(shipment: Awaited<ReturnType<typeof shipmentWithEvents>>["shipment"]) {
  const raw = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;
  return [shipment.id, shipment.order.id, shipment.store.id, server.tenant.tenantId].flatMap(
    (id) => (id === server.tenant.tenantId ? [id] : [id, raw(id)]),
  );
}

const origin = () => new URL(server.url).origin;

const page = (token: string, headers: Record<string, string> = {}, query = "") =>
  fetch(`${origin()}/t/${token}${query}`, { headers });

const publicGraphQL = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin()}/public/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("public tracking links", () => {
  it("publicUrl holds an unguessable token on this server, the same on every read", async () => {
    const { shipment, token } = await shipmentWithEvents();
    expect(shipment.publicUrl).toBe(`${origin()}/t/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const again = await server.request(PublicLink, { id: shipment.id });
    expect(again.data?.shipment?.publicUrl).toBe(shipment.publicUrl);
    const other = await shipmentWithEvents();
    expect(other.token).not.toBe(token);
  });

  it("issues one token when first reads race, without touching updatedAt", async () => {
    const id = await buildShipment(server);
    const rawId = Buffer.from(id, "base64").toString().split(":")[1]!;
    const before = await server.database.db.shipment.findUniqueOrThrow({ where: { id: rawId } });
    const reads = await Promise.all(
      Array.from({ length: 5 }, () => server.request(PublicLink, { id })),
    );
    const urls = new Set(reads.map((read) => read.data?.shipment?.publicUrl));
    expect(urls.size).toBe(1);
    const after = await server.database.db.shipment.findUniqueOrThrow({ where: { id: rawId } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.publicTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(after.publicTokenSealed).not.toContain([...urls][0]!.split("/t/")[1]);
  });

  it("renders the timeline in the buyer's language, with the security headers, and no id", async () => {
    const { shipment, token } = await shipmentWithEvents();
    const en = await page(token);
    expect(en.status).toBe(200);
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en" dir="ltr">');
    expect(enHtml).toContain(texts.status("amazon", "en", "IN_TRANSIT", "PICKED_UP"));
    expect(enHtml).toContain("Dongguan");
    expect(enHtml).not.toContain("driver 4711");
    expect(en.headers.get("content-security-policy")).toMatch(
      /^default-src 'none'; style-src 'sha256-/,
    );
    expect(en.headers.get("referrer-policy")).toBe("no-referrer");
    expect(en.headers.get("cache-control")).toBe("no-store");
    expect(en.headers.get("x-robots-tag")).toContain("noindex");
    expect(logged.join("")).toContain('"path":"/t/[token]"');
    expect(logged.join("")).not.toContain(token);

    const ja = await (await page(token, { "accept-language": "ja-JP,ja;q=0.9,en;q=0.5" })).text();
    expect(ja).toContain('<html lang="ja" dir="ltr">');
    expect(ja).toContain("お荷物");
    expect(ja).toContain(texts.status("amazon", "ja", "IN_TRANSIT", "PICKED_UP"));

    const th = await (await page(token, { "accept-language": "ja" }, "?lang=th")).text();
    expect(th).toContain('<html lang="th" dir="ltr">');
    expect(th).toContain(texts.status("amazon", "th", "INFO_RECEIVED", "LABEL_CREATED"));

    for (const html of [enHtml, ja, th]) {
      for (const id of internalIds(shipment)) expect(html).not.toContain(id);
      expect(html).not.toContain(shipment.order.nativeOrderId);
      // One script, the server's own; nothing from elsewhere.
      expect(html.match(/<script[^>]*>/g)).toEqual([
        expect.stringMatching(/^<script src="\/t\/assets\/page\.[0-9a-f]{16}\.js" defer>$/),
      ]);
      expect(html).not.toMatch(/<link|https?:\/\/(?!www\.ups\.com)/);
    }
  });

  it("answers the persisted operation with buyer-safe fields only, nothing of another parcel", async () => {
    const mine = await shipmentWithEvents();
    const other = await shipmentWithEvents();
    const response = await publicGraphQL({
      id: "trackingPage",
      variables: { token: mine.token, locale: "ja" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.errors).toBeUndefined();
    expect(body.data.trackingPage).toMatchObject({
      locale: "ja",
      status: "IN_TRANSIT",
      trackingNumber: mine.trackingNumber,
      carrier: { name: "UPS" },
    });
    expect(body.data.trackingPage.events).toHaveLength(2);
    for (const id of [...internalIds(mine.shipment), ...internalIds(other.shipment)]) {
      expect(text).not.toContain(id);
    }
    expect(text).not.toContain(other.trackingNumber);
    expect(text).not.toContain(other.token);
    // Another shipment's ids are not tokens.
    for (const token of [other.shipment.id, other.shipment.order.id]) {
      const miss = await (await publicGraphQL({ id: "trackingPage", variables: { token } })).json();
      expect(miss).toEqual({ data: { trackingPage: null } });
    }
  });

  it("has no id and no way to another parcel in its schema", () => {
    const fields = Object.keys(PUBLIC_SCHEMA.getQueryType()!.getFields());
    expect(fields).toEqual(["trackingPage"]);
    // Decision 044: the buyer may rate a delivery and follow the parcel, nothing else.
    expect(Object.keys(PUBLIC_SCHEMA.getMutationType()!.getFields())).toEqual(["rateDelivery"]);
    expect(Object.keys(PUBLIC_SCHEMA.getSubscriptionType()!.getFields())).toEqual([
      "shipmentUpdated",
    ]);
    for (const type of Object.values(PUBLIC_SCHEMA.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__")) continue;
      for (const field of Object.values(type.getFields())) {
        expect(getNamedType(field.type).name).not.toBe("ID");
        expect(field.name.toLowerCase()).not.toMatch(/id$/);
      }
    }
  });

  it("sets dir from the locale's script", () => {
    expect(textDirection("ja")).toBe("ltr");
    expect(textDirection("ar-EG")).toBe("rtl");
    expect(textDirection("he")).toBe("rtl");
  });

  it("refuses query text and unknown operation ids", async () => {
    const { token } = await shipmentWithEvents();
    const asText = await publicGraphQL({
      query: `{ trackingPage(token: "${token}") { status } }`,
    });
    expect(asText.status).toBe(400);
    expect((await asText.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
    const introspection = await publicGraphQL({
      id: "trackingPage",
      query: "{ __schema { types { name } } }",
    });
    expect(introspection.status).toBe(400);
    const unknown = await publicGraphQL({ id: "shipments", variables: { token } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const viaGet = await fetch(
      `${origin()}/public/graphql?id=trackingPage&variables=${encodeURIComponent(JSON.stringify({ token }))}`,
    );
    expect((await viaGet.json()).data.trackingPage.status).toBe("IN_TRANSIT");
  });

  it("answers an unknown token with a 404 page in the buyer's language", async () => {
    for (const token of ["A".repeat(32), "not-a-token", "%E0%A4%A"]) {
      const response = await page(token, { "accept-language": "de-DE" });
      expect(response.status).toBe(404);
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      const html = await response.text();
      expect(html).toContain("Sendungslink nicht gefunden");
      expect(html).not.toMatch(/error|prisma|stack/i);
    }
  });

  it("revokes a link: the old token is a 404, the next read issues a new one", async () => {
    const { shipment, token } = await shipmentWithEvents();
    const revoked = await server.request(RevokePublicTrackingLink, {
      input: { shipmentId: shipment.id },
    });
    expect(revoked.data?.revokePublicTrackingLink.errors).toEqual([]);
    expect(revoked.data?.revokePublicTrackingLink.shipment?.publicUrlRevokedAt).toBeTruthy();
    const gone = await page(token, {}, "?lang=ja");
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain("追跡リンクが見つかりません");
    const miss = await (await publicGraphQL({ id: "trackingPage", variables: { token } })).json();
    expect(miss.data.trackingPage).toBeNull();

    const { data } = await server.request(PublicLink, { id: shipment.id });
    const fresh = /\/t\/([A-Za-z0-9_-]+)$/.exec(data?.shipment?.publicUrl ?? "")?.[1];
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fresh).not.toBe(token);
    expect((await page(fresh!)).status).toBe(200);
  });

  it("refuses revoking another tenant's shipment and a key without orders:write", async () => {
    const { shipment, token } = await shipmentWithEvents();
    const other = await server.createTenant("Other");
    const foreign = await server.request(
      RevokePublicTrackingLink,
      { input: { shipmentId: shipment.id } },
      other.apiKey,
    );
    expect(foreign.data?.revokePublicTrackingLink.errors[0]?.code).toBe("NOT_FOUND");
    const readOnly = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "reader",
      scopes: ["orders:read"],
    });
    const denied = await server.request(
      RevokePublicTrackingLink,
      { input: { shipmentId: shipment.id } },
      readOnly,
    );
    expect(denied.data?.revokePublicTrackingLink.errors[0]?.code).toBe("FORBIDDEN");
    expect((await page(token)).status).toBe(200);
  });

  it("counts the client behind trusted proxies, never an address the client claims", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.9", 0)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9, 10.0.0.1", 2)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
  });

  // Last: it spends this address's budget.
  it("limits requests per IP address: 429 with Retry-After", async () => {
    const { token } = await shipmentWithEvents();
    expect((await page(token)).status).toBe(200);
    for (const address of seenAddresses) await ipLimiter.charge(address, 1000);
    const refused = await page(token, { "accept-language": "ja" });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("アクセスが多すぎます");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const api = await publicGraphQL({ id: "trackingPage", variables: { token } });
    expect(api.status).toBe(429);
    expect(api.headers.get("retry-after")).toBeTruthy();
  });
});
