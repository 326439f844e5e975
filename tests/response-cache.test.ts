import { readFileSync } from "node:fs";
import { type Cache, createInMemoryCache } from "@envelop/response-cache";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createCarrierRegistry } from "../src/carriers/registry.ts";
import { createApiKey } from "../src/domain/api-keys.ts";
import { buildApp } from "../src/server/app.ts";
import { createTracklinePubSub } from "../src/server/pubsub.ts";
import { createRedisResponseStore } from "../src/server/response-cache.ts";
import { changesCachedData } from "../src/server/write-watch.ts";
import { buildOrder, buildShipment } from "./helpers/factories.ts";
import { ConfirmShipment, RecordEvents } from "./helpers/operations.ts";
import { createTestGeneration } from "./helpers/test-database.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";
import { postWebhook, SIGN } from "./helpers/webhooks.ts";

/** A store whose writes wait for `release`: the interleaving of a read with a write, forced. */
function gatedStore(): Cache & { hold(): void; release(): Promise<void> } {
  const inner = createInMemoryCache();
  let gate: Promise<void> | null = null;
  let open = () => {};
  const pending: Promise<void>[] = [];
  return {
    get: (key) => inner.get(key),
    invalidate: (entities) => inner.invalidate(entities),
    set: (...args) => {
      const done = (async () => {
        if (gate) await gate;
        await inner.set(...args);
      })();
      pending.push(done);
      return done;
    },
    hold: () => {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release: async () => {
      gate = null;
      open();
      await Promise.all(pending);
    },
  };
}

const store = gatedStore();
let server: TestServer;
beforeAll(async () => {
  // Redis keeps answers in its own store (written after the answer is sent); here, memory.
  server = await startTestServer({ responseCache: { store } });
});
afterAll(() => server.close());

async function post(
  query: string,
  variables: Record<string, unknown> = {},
  options: { key?: string; headers?: Record<string, string>; url?: string } = {},
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
  const response = await fetch(options.url ?? server.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${options.key ?? server.tenant.apiKey}`,
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const TIMELINE = `query CachedTimeline($id: ID!) {
  shipment(id: $id) { id status timeline { status rawCode description } }
}`;
const LIST = "{ shipments(first: 5) { edges { node { id trackingNumber } } } }";

async function recordEvent(id: string, rawCode: string, hour: number, url?: string) {
  const input = {
    shipmentId: id,
    events: [
      {
        occurredAt: `2026-11-03T${String(hour).padStart(2, "0")}:00:00+08:00`,
        status: "IN_TRANSIT",
        rawCode,
        rawDescription: `scan ${rawCode}`,
        location: { city: "Shenzhen", countryCode: "CN" },
      },
    ],
  };
  const answer = await post(print(RecordEvents), { input }, { url });
  expect(answer.data?.recordTrackingEvents.recordedCount).toBe(1);
}

async function statementsOf(read: () => Promise<unknown>): Promise<number> {
  await server.drainJobs();
  server.database.queries.length = 0;
  await read();
  return server.database.queries.length;
}

describe("response cache: hits", () => {
  it("answers a repeated read without a statement, and the same answer", async () => {
    const id = await buildShipment(server);
    await recordEvent(id, "PU", 9);
    // The exception check the event queued writes too: it must be done before the answer is kept.
    await server.drainJobs();
    const first = await post(TIMELINE, { id });
    expect(first.data.shipment.timeline).toHaveLength(1);
    let second: unknown;
    expect(await statementsOf(async () => (second = await post(TIMELINE, { id })))).toBe(0);
    expect(second).toEqual(first);
  });

  it("keys answers by the operation's variables", async () => {
    const one = await buildShipment(server);
    const two = await buildShipment(server);
    await server.drainJobs();
    for (let round = 0; round < 2; round++) {
      expect((await post(TIMELINE, { id: one })).data.shipment.id).toBe(one);
      expect((await post(TIMELINE, { id: two })).data.shipment.id).toBe(two);
    }
  });

  it("keeps the key check in front: a key without the scope, or revoked, gets no answer", async () => {
    const id = await buildShipment(server);
    await post(TIMELINE, { id });
    const noRead = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "no reads",
      scopes: ["tracking:write"],
    });
    const refused = await post(TIMELINE, { id }, { key: noRead });
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const created = await post(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }`,
      { input: { name: "soon revoked", scopes: ["ORDERS_READ"] } },
    );
    const { key, apiKey } = created.data.createApiKey;
    await post(TIMELINE, { id }, { key });
    expect((await post(TIMELINE, { id }, { key })).data.shipment.id).toBe(id);
    await post(
      `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { errors { code } } }`,
      {
        input: { id: apiKey.id },
      },
    );
    const revoked = await post(TIMELINE, { id }, { key });
    expect(revoked.data).toBeUndefined();
    expect(revoked.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("does not cache operations with other root fields, errors, or clock- and origin-bound fields", async () => {
    const id = await buildShipment(server);
    const mixed = `query Mixed($id: ID!) { shipment(id: $id) { id } stores { id } }`;
    const url = `query Url($id: ID!) { shipment(id: $id) { id publicUrl } }`;
    await post(mixed, { id });
    expect(await statementsOf(() => post(mixed, { id }))).toBeGreaterThan(0);
    await post(url, { id });
    expect(await statementsOf(() => post(url, { id }))).toBeGreaterThan(0);
    const broken = await post(TIMELINE, { id: "bm90LWEtc2hpcG1lbnQ=" });
    expect(broken.errors?.length ?? 0).toBeGreaterThan(0);
    expect(await statementsOf(() => post(TIMELINE, { id: "bm90LWEtc2hpcG1lbnQ=" }))).toBe(
      await statementsOf(() => post(TIMELINE, { id: "bm90LWEtc2hpcG1lbnQ=" })),
    );
  });
});

describe("response cache: isolation", () => {
  it("never hands one tenant's answer to another", async () => {
    const other = await server.createTenant("Tenant cache B");
    const mine = await buildShipment(server);
    const theirs = await buildShipment(server, {
      apiKey: other.apiKey,
      storeId: Buffer.from(`Store:${other.amazonStoreId}`).toString("base64"),
    });
    const ids = async (key: string) =>
      (await post(LIST, {}, { key })).data.shipments.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await ids(server.tenant.apiKey)).toContain(mine);
    const theirList = await ids(other.apiKey);
    expect(theirList).toEqual([theirs]);
    expect((await post(TIMELINE, { id: mine })).data.shipment.id).toBe(mine);
    expect((await post(TIMELINE, { id: mine }, { key: other.apiKey })).data.shipment).toBeNull();
  });

  it("keys answers by the key's scopes, not only its tenant", async () => {
    const id = await buildShipment(server);
    await server.drainJobs();
    await post(TIMELINE, { id });
    const readOnly = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "read only",
      scopes: ["orders:read"],
    });
    // Same tenant, other scopes: its own execution, not the full key's answer.
    await post(TIMELINE, { id }, { key: readOnly });
    await server.drainJobs();
    expect(await statementsOf(() => post(TIMELINE, { id }, { key: readOnly }))).toBe(0);
    const fresh = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "read only 2",
      scopes: ["orders:read", "metrics:read"],
    });
    // Its key is looked up (and its use recorded) first: what is counted next is the answer.
    await post("{ __typename }", {}, { key: fresh });
    expect(await statementsOf(() => post(TIMELINE, { id }, { key: fresh }))).toBeGreaterThan(0);
    expect(await statementsOf(() => post(TIMELINE, { id }, { key: fresh }))).toBe(0);
  });

  it("answers each Accept-Language in its own language", async () => {
    const id = await buildShipment(server);
    await recordEvent(id, "PU", 9);
    const described = async (language: string) =>
      (await post(TIMELINE, { id }, { headers: { "accept-language": language } })).data.shipment
        .timeline[0].description;
    const english = await described("en");
    const french = await described("fr");
    const german = await described("de-DE");
    expect(new Set([english, french, german]).size).toBe(3);
    expect(await described("en")).toBe(english);
    expect(await described("fr-FR, fr;q=0.9")).toBe(french);
  });
});

const FIXTURE = readFileSync(
  new URL("../src/carriers/aftership/__fixtures__/delivered.json", import.meta.url),
  "utf8",
);

describe("response cache: invalidation", () => {
  it("shows a recorded event in the very next read", async () => {
    const id = await buildShipment(server);
    await recordEvent(id, "PU", 9);
    expect((await post(TIMELINE, { id })).data.shipment.timeline).toHaveLength(1);
    await recordEvent(id, "DP", 11);
    expect((await post(TIMELINE, { id })).data.shipment.timeline).toHaveLength(2);
  });

  it("shows events a carrier webhook brought (ingested by a job) in the next read", async () => {
    const created = await post(
      `mutation($input: CreateCarrierWebhookInput!) {
        createCarrierWebhook(input: $input) { webhook { path } errors { code } }
      }`,
      { input: { provider: "aftership", secret: "whsec_cache_0123456789abcdef" } },
    );
    const path = created.data.createCarrierWebhook.webhook.path as string;
    const [parsed] = createCarrierRegistry().adapter("aftership")!.parse(JSON.parse(FIXTURE));
    const orderId = await buildOrder(server, { placedAt: "2015-01-01T00:00:00Z" });
    const confirm = { orderId, carrier: parsed!.carrier, trackingNumber: parsed!.trackingNumber };
    await post(print(ConfirmShipment), { input: { ...confirm, force: true } });
    const tracked = `query($n: String!) { trackShipment(trackingNumber: $n) { status timeline { rawCode } } }`;
    const before = await post(tracked, { n: parsed!.trackingNumber });
    expect(before.data.trackShipment.timeline).toEqual([]);
    const accepted = await postWebhook(
      server,
      path,
      FIXTURE,
      SIGN.aftership!(FIXTURE, "whsec_cache_0123456789abcdef"),
    );
    expect(accepted.status).toBe(202);
    await server.drainJobs();
    const after = await post(tracked, { n: parsed!.trackingNumber });
    expect(after.data.trackShipment.status).toBe("DELIVERED");
    expect(after.data.trackShipment.timeline.length).toBeGreaterThan(1);
  });

  it("shows a write made outside GraphQL (a job's, through Prisma) in the next read", async () => {
    const id = await buildShipment(server);
    const read = `query($id: ID!) { shipment(id: $id) { shippingMethod } }`;
    expect((await post(read, { id })).data.shipment.shippingMethod).not.toBe("Air express");
    const rowId = Buffer.from(id, "base64").toString().split(":")[1];
    await server.database.db.shipment.update({
      where: { id: rowId },
      data: { shippingMethod: "Air express" },
    });
    expect((await post(read, { id })).data.shipment.shippingMethod).toBe("Air express");
  });

  it("leaves no stale answer from a read that raced a write", async () => {
    const id = await buildShipment(server);
    await recordEvent(id, "PU", 9);
    // The read runs and answers, but its answer is stored only after the write committed.
    store.hold();
    const raced = await post(TIMELINE, { id });
    expect(raced.data.shipment.timeline).toHaveLength(1);
    await recordEvent(id, "DP", 11);
    await store.release();
    expect((await post(TIMELINE, { id })).data.shipment.timeline).toHaveLength(2);
  });
});

describe("which statements move the generation", () => {
  const cases: [string, boolean][] = [
    ['SELECT "public"."Shipment"."id" FROM "public"."Shipment" WHERE 1=1', false],
    ['SELECT id FROM "Shipment" WHERE id = $1 FOR UPDATE', false],
    ['INSERT INTO "public"."TrackingEvent" ("id") VALUES ($1)', true],
    ['UPDATE "t_1_x"."Shipment" SET "status" = $1', true],
    ['DELETE FROM "public"."Order" WHERE "id" = $1', true],
    ['INSERT INTO "public"."WebhookDelivery" ("id") VALUES ($1) ON CONFLICT DO NOTHING', false],
    ['UPDATE "public"."ApiKey" SET "lastUsedAt" = $1 WHERE "id" = $2', false],
    ["INSERT INTO pgboss.job (name, data) VALUES ($1, $2)", false],
    [
      'INSERT INTO "public"."ApiKey" ("id") VALUES ($1) ON CONFLICT ("id") DO UPDATE SET "x" = 1',
      false,
    ],
    ['WITH moved AS (UPDATE "Shipment" SET x = 1) INSERT INTO "WebhookDelivery" SELECT 1', true],
    ["CREATE TABLE x (id int)", true],
    ["BEGIN", false],
    ["COMMIT", false],
  ];
  for (const [sql, moves] of cases) {
    it(`${moves ? "moves it" : "leaves it"}: ${sql}`, () => {
      expect(changesCachedData(sql, "pgboss")).toBe(moves);
    });
  }
});

describe.skipIf(!process.env.REDIS_URL)("response cache across instances (Redis)", () => {
  it("a write on instance 2 is seen by the next read on instance 1, and the other way", async () => {
    const prefix = server.database.cacheRedis!.prefix;
    // Instance 2: its own database handle and Redis connection, the same generation key.
    const { generation, cacheRedis } = createTestGeneration(prefix);
    const peerHandle = server.database.openPeer(generation);
    const peerDb = new PrismaClient({ adapter: peerHandle.adapter });
    const peerPubsub = createTracklinePubSub(process.env.REDIS_URL);
    const peer = buildApp({
      db: peerDb,
      pubsub: peerPubsub.pubsub,
      now: () => new Date("2026-11-20T12:00:00Z"),
      secretBox: server.secretBox,
      jobs: server.database.jobs,
      responseCache: {
        generation,
        store: createRedisResponseStore(cacheRedis!.redis, `${prefix}answer:`),
      },
    });
    const peerUrl = `http://127.0.0.1:${await peer.listen(0, "127.0.0.1")}/graphql`;
    try {
      const id = await buildShipment(server);
      await recordEvent(id, "PU", 9);
      expect((await post(TIMELINE, { id })).data.shipment.timeline).toHaveLength(1);
      expect((await post(TIMELINE, { id }, { url: peerUrl })).data.shipment.timeline).toHaveLength(
        1,
      );
      await recordEvent(id, "DP", 11, peerUrl);
      expect((await post(TIMELINE, { id })).data.shipment.timeline).toHaveLength(2);
      await recordEvent(id, "AR", 13);
      expect((await post(TIMELINE, { id }, { url: peerUrl })).data.shipment.timeline).toHaveLength(
        3,
      );
    } finally {
      await peer.close();
      await peerPubsub.close();
      await peerDb.$disconnect();
      if (peerHandle.mode === "postgres") await peerHandle.close();
      await cacheRedis?.redis.quit();
    }
  });
});
