import { print } from "graphql";
import { createClient } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApiKey } from "../src/server/api-keys.ts";
import {
  createKeyRateLimiter,
  createSubscriptionCounter,
  type KeyRateLimiter,
} from "../src/server/key-limits.ts";
import { graphql } from "./generated/index.ts";
import { buildShipment } from "./helpers/factories.ts";
import { settle, subscribe } from "./helpers/live.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const Watch = graphql(`
  subscription WatchLimited($id: ID!) { shipmentUpdated(id: $id) { id } }
`);

/** `{ stores { id name } }` costs 1 + 100 x 2: stores are capped at 100. */
const STORES = "{ stores { id name } }";

async function post(url: string, apiKey: string, query: string, headers = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${apiKey}`,
      ...headers,
    },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, headers: response.headers, body };
}

/** `"cost";r=<remaining>;t=<seconds>` as numbers. */
function budget(headers: Headers) {
  const match = /^"cost";r=(\d+);t=(\d+)$/.exec(headers.get("ratelimit") ?? "");
  if (!match) throw new Error(`no RateLimit header: ${headers.get("ratelimit")}`);
  return { remaining: Number(match[1]), resetSeconds: Number(match[2]) };
}

describe("per-key cost budget", () => {
  let server: TestServer;
  let limiter: KeyRateLimiter;
  beforeAll(async () => {
    limiter = createKeyRateLimiter({ pointsPerMinute: 1000 });
    server = await startTestServer({ access: { rateLimiter: limiter } });
  });
  afterAll(() => server.close());

  it("charges each request its cost, tells what is left, and answers 429 with Retry-After when spent", async () => {
    const apiKey = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "budget",
    });
    const first = await post(server.url, apiKey, STORES);
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-policy")).toBe('"cost";q=1000;w=60');
    const afterFirst = budget(first.headers).remaining;
    const second = await post(server.url, apiKey, STORES);
    const cost = afterFirst - budget(second.headers).remaining;
    expect(cost).toBeGreaterThan(1);
    // A cheaper request is charged less: the charge is the cost, not a count of requests.
    const cheap = await post(server.url, apiKey, "{ __typename }");
    expect(budget(second.headers).remaining - budget(cheap.headers).remaining).toBe(1);

    let refused = cheap;
    for (let i = 0; i < 20 && refused.status !== 429; i++) {
      refused = await post(server.url, apiKey, STORES);
    }
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(budget(refused.headers)).toEqual({ remaining: 0, resetSeconds: retryAfter });
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "RATE_LIMITED",
      cost,
      limit: 1000,
      retryAfterSeconds: retryAfter,
    });
  });

  it("keeps each key's budget its own", async () => {
    const [spent, fresh] = await Promise.all(
      ["spent", "fresh"].map((name) =>
        createApiKey(server.database.db, { tenantId: server.tenant.tenantId, name }),
      ),
    );
    for (let i = 0; i < 20; i++) await post(server.url, spent!, STORES);
    expect((await post(server.url, spent!, STORES)).status).toBe(429);
    expect((await post(server.url, fresh!, STORES)).status).toBe(200);
  });
});

// Scale mode: every instance draws on one budget per key.
describe.skipIf(!process.env.REDIS_URL)("the budget shared through Redis", () => {
  it("refuses on one instance what another has spent", async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const one = createKeyRateLimiter({ pointsPerMinute: 100, redis });
      const two = createKeyRateLimiter({ pointsPerMinute: 100, redis });
      const key = `shared-${Date.now()}-${Math.random()}`;
      expect((await one.charge(key, 80)).allowed).toBe(true);
      const verdict = await two.charge(key, 30);
      expect(verdict).toMatchObject({ allowed: false, remaining: 0 });
    } finally {
      await redis.quit();
    }
  });
});

describe("the budget without Redis", () => {
  it("falls back to the instance's own window when Redis does not answer", async () => {
    // Nothing listens on port 1; without an offline queue each command fails at once.
    const redis = new Redis({
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on("error", () => {});
    const limiter = createKeyRateLimiter({ pointsPerMinute: 100, redis });
    expect((await limiter.charge("k", 60)).allowed).toBe(true);
    expect((await limiter.charge("k", 60)).allowed).toBe(false);
    redis.disconnect();
  });
});

describe("per-key subscription cap", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ access: { subscriptions: createSubscriptionCounter(2) } });
  });
  afterAll(() => server.close());

  function socket(apiKey: string) {
    const closed: number[] = [];
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${apiKey}` },
      retryAttempts: 0,
      // One socket for the test's life: a lazy client closes it (1000) when it holds nothing.
      lazy: false,
      onNonLazyError: () => {},
      on: { closed: (event) => closed.push((event as { code: number }).code) },
    });
    return { client, closed };
  }

  async function waitFor(check: () => boolean, what: string) {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  }

  it("closes the socket that opens one subscription over the cap with 4429, counting every socket of the key", async () => {
    const apiKey = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "capped",
    });
    const id = await buildShipment(server);
    const first = socket(apiKey);
    const second = socket(apiKey);
    const a = subscribe(first.client, print(Watch), { id });
    await settle(first.client);
    const b = subscribe(second.client, print(Watch), { id });
    await settle(second.client);
    expect([first.closed, second.closed]).toEqual([[], []]);

    subscribe(second.client, print(Watch), { id });
    await waitFor(() => second.closed.length > 0, "the socket over the cap to close");
    expect(second.closed).toEqual([4429]);
    expect(first.closed).toEqual([]);

    // The closed socket's place is free again; a completed subscription frees its own.
    const third = socket(apiKey);
    subscribe(third.client, print(Watch), { id });
    await settle(third.client);
    a.dispose();
    await settle(first.client);
    subscribe(first.client, print(Watch), { id });
    await settle(first.client);
    expect([first.closed, third.closed]).toEqual([[], []]);
    // Another key is not held to this key's count.
    const other = socket(server.tenant.apiKey);
    subscribe(other.client, print(Watch), { id });
    await settle(other.client);
    expect(other.closed).toEqual([]);
    b.dispose();
    await Promise.all([first, second, third, other].map((s) => s.client.dispose()));
  });

  it("counts subscriptions over server-sent events too, answering 429 over the cap", async () => {
    const apiKey = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "sse",
    });
    const id = await buildShipment(server);
    const controllers: AbortController[] = [];
    const open = async () => {
      const controller = new AbortController();
      controllers.push(controller);
      const response = await fetch(server.url, {
        method: "POST",
        signal: controller.signal,
        headers: {
          "content-type": "application/json",
          accept: "text/event-stream",
          authorization: `Bearer ${apiKey}`,
        },
        body: JSON.stringify({ query: print(Watch), variables: { id } }),
      });
      const reader = response.body!.getReader();
      const { value } = await Promise.race([
        reader.read(),
        new Promise<{ value: undefined }>((resolve) =>
          setTimeout(() => resolve({ value: undefined }), 300),
        ),
      ]);
      return { status: response.status, text: new TextDecoder().decode(value) };
    };
    expect((await open()).status).toBe(200);
    expect((await open()).status).toBe(200);
    const third = await open();
    expect(third.text).toContain("TOO_MANY_SUBSCRIPTIONS");
    // Closing one stream gives its place back.
    controllers[0]!.abort();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fourth = await open();
    expect(fourth.text).not.toContain("TOO_MANY_SUBSCRIPTIONS");
    for (const controller of controllers) controller.abort();
  });
});

describe("production mode", () => {
  let server: TestServer;
  let readKey: string;
  beforeAll(async () => {
    server = await startTestServer({
      access: { production: true, introspection: false, corsOrigins: ["https://shop.example"] },
    });
    readKey = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "reader",
      scopes: ["orders:read"],
    });
  });
  afterAll(() => server.close());

  const INTROSPECTION = "{ __schema { queryType { name } } }";

  it("answers introspection only to keys holding keys:manage", async () => {
    const refused = await post(server.url, readKey, INTROSPECTION);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    const typeQuery = await post(server.url, readKey, '{ __type(name: "Shipment") { name } }');
    expect(typeQuery.body.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    expect((await post(server.url, readKey, "{ __typename }")).body).toEqual({
      data: { __typename: "Query" },
    });
    const admin = await post(server.url, server.tenant.apiKey, INTROSPECTION);
    expect(admin.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("hides field suggestions", async () => {
    const { body } = await post(server.url, readKey, "{ stors { id } }");
    const message = body.errors?.[0]?.message ?? "";
    expect(message).toContain('Cannot query field "stors"');
    expect(message).not.toContain("Did you mean");
  });

  it("allows the configured browser origins only", async () => {
    const preflight = (origin: string) =>
      fetch(server.url, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    const allowed = await preflight("https://shop.example");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    const stranger = await preflight("https://evil.example");
    expect(stranger.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
    const answer = await post(server.url, readKey, STORES, { origin: "https://shop.example" });
    expect(answer.headers.get("access-control-expose-headers")).toContain("RateLimit");
  });
});

describe("development mode", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("suggests fields and answers introspection to any key", async () => {
    const readKey = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "reader",
      scopes: ["orders:read"],
    });
    const { body } = await post(server.url, readKey, "{ stors { id } }");
    expect(body.errors?.[0]?.message).toContain('Did you mean "stores"');
    const introspection = await post(server.url, readKey, "{ __schema { queryType { name } } }");
    expect(introspection.status).toBe(200);
  });

  it("refuses 200 aliases of one field", async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: stores { id }`).join(" ");
    const { body } = await post(server.url, server.tenant.apiKey, `{ ${aliases} }`);
    expect(body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_ALIASES");
  });
});
