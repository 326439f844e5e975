import type { Cache } from "@envelop/response-cache";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, print } from "graphql";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { CarrierRegistry } from "../../src/carriers/registry.ts";
import type { BackoffPolicy } from "../../src/domain/backoff.ts";
import type { ChangePublisher } from "../../src/domain/changes.ts";
import type { BuyerChannels } from "../../src/domain/notifications/channels.ts";
import { parseAllowList } from "../../src/domain/outbound-webhooks/targets.ts";
import type { SecretBox } from "../../src/domain/secret-box.ts";
import type { MarketplaceRegistry } from "../../src/plugins/registry.ts";
import type { AccessPolicy } from "../../src/server/access-policy.ts";
import { createApiKey } from "../../src/server/api-keys.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Logger } from "../../src/server/logger.ts";
import { changeChannels, createTracklinePubSub } from "../../src/server/pubsub.ts";
import { createRedisResponseStore } from "../../src/server/response-cache.ts";
import { createSecretBox } from "../../src/server/secret-box.ts";
import { createWebhookSender } from "../../src/server/webhook-sender.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export interface TestTenant {
  tenantId: string;
  apiKey: string;
  amazonStoreId: string;
  shopeeStoreId: string;
}

export interface TestServer {
  url: string;
  wsUrl: string;
  database: TestDatabase;
  tenant: TestTenant;
  /** The box the app seals webhook secrets with, for rows a test writes itself. */
  secretBox: SecretBox;
  /** Publishes on the app's pub/sub, for domain functions a test calls itself (the risk sweep). */
  publisher: ChangePublisher;
  createTenant(name: string): Promise<TestTenant>;
  request<R, V>(
    doc: TypedDocumentNode<R, V>,
    variables?: V,
    apiKey?: string,
    headers?: Record<string, string>,
  ): Promise<ExecutionResult<R>>;
  wsClient(apiKey?: string, wsUrl?: string): Client;
  /** A second app instance on the same database with its own pub/sub connection; its ws URL. */
  startPeer(): Promise<string>;
  /** Waits for background jobs (webhook ingestion) to finish. */
  drainJobs(): Promise<void>;
  /** What start-up does: schedules work stored but not finished by a previous process. */
  resumePendingWork(): Promise<number>;
  close(): Promise<void>;
}

/** The real app on a real port, over a private database; Redis pub/sub when REDIS_URL is set. */
export async function startTestServer(
  options: {
    now?: () => Date;
    marketplaces?: MarketplaceRegistry;
    carriers?: CarrierRegistry;
    secretBox?: SecretBox;
    /** Retry timing of marketplace pushes (tests shorten it). */
    syncBackoff?: BackoffPolicy;
    /** The base URL marketplaces sign their pushes over (TRACKLINE_PUBLIC_URL). */
    publicUrl?: string;
    /** Private hosts outbound webhooks may reach (TRACKLINE_WEBHOOK_ALLOW_HOSTS), such as "127.0.0.1". */
    webhookAllowHosts?: string;
    /** Delays between outbound webhook attempts (tests shorten them). */
    webhookRetryDelaysMs?: readonly number[];
    /** Readiness checks beyond the database and the job engine. */
    readinessChecks?: Record<string, () => Promise<void>>;
    /** Per-key budget, subscriptions, CORS, production switches; development defaults. */
    access?: Partial<AccessPolicy>;
    /** The app's JSON logger; warnings and errors to stdout by default. */
    logger?: Logger;
    /** Email and SMS for buyer notifications (a local SMTP server, a fake SMS provider). */
    notificationChannels?: BuyerChannels;
    /** Delays between notification attempts (tests shorten them). */
    notificationRetryDelaysMs?: readonly number[];
    /** Carrier tracking API base URLs by carrier code (local fakes), as TRACKLINE_<CARRIER>_API_URL. */
    carrierApiUrls?: Readonly<Record<string, string>>;
    /** The response cache (decision 049): on, as in production, unless false; a store to watch. */
    responseCache?: false | { store?: Cache };
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const { db } = database;
  const pubsub = createTracklinePubSub(process.env.REDIS_URL);
  // A fixed clock keeps "more than a day in the future" checks independent of when tests run.
  const now = options.now ?? (() => new Date("2026-11-20T12:00:00Z"));
  // A fixed key: tests need sealed secrets, not secret ones.
  const secretBox = options.secretBox ?? createSecretBox(Buffer.alloc(32, "trackline-test-key"));
  const registries = {
    marketplaces: options.marketplaces,
    carriers: options.carriers,
    syncBackoff: options.syncBackoff,
    publicUrl: options.publicUrl,
    webhookSender: createWebhookSender(parseAllowList(options.webhookAllowHosts)),
    webhookRetryDelaysMs: options.webhookRetryDelaysMs,
    readinessChecks: options.readinessChecks,
    access: options.access,
    logger: options.logger,
    notificationChannels: options.notificationChannels,
    notificationRetryDelaysMs: options.notificationRetryDelaysMs,
    carrierApiUrls: options.carrierApiUrls,
    // Answers in Redis, as main.ts keeps them, when the generation is there too.
    responseCache:
      options.responseCache === false
        ? undefined
        : {
            generation: database.handle.generation,
            store:
              options.responseCache?.store ??
              (database.cacheRedis
                ? createRedisResponseStore(
                    database.cacheRedis.redis,
                    `${database.cacheRedis.prefix}answer:`,
                  )
                : undefined),
          },
  };
  const jobs = database.jobs;
  const app = buildApp({ db, pubsub: pubsub.pubsub, now, secretBox, jobs, ...registries });
  await app.startWorkers();
  const port = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/graphql`;
  const clients: Client[] = [];
  const peers: (() => Promise<void>)[] = [];

  const createTenant = async (name: string): Promise<TestTenant> => {
    const tenant = await db.tenant.create({ data: { name } });
    const apiKey = await createApiKey(db, { tenantId: tenant.id, name: "test" });
    const store = (marketplace: string, site: string) =>
      db.store.create({
        // MANUAL: these stores push tracking elsewhere, so tests of other features see no
        // sync warnings; tests/marketplace-sync connects stores of their own.
        data: {
          tenantId: tenant.id,
          marketplace,
          site,
          name: `${name} ${site}`,
          syncPolicy: "MANUAL",
        },
      });
    const [amazon, shopee] = [await store("amazon", "US"), await store("shopee", "SG")];
    return { tenantId: tenant.id, apiKey, amazonStoreId: amazon.id, shopeeStoreId: shopee.id };
  };
  const tenant = await createTenant("Tenant A");

  return {
    url,
    wsUrl: url.replace("http", "ws"),
    database,
    tenant,
    secretBox,
    publisher: changeChannels(pubsub.pubsub).publisher,
    createTenant,
    request: async (doc, variables, apiKey = tenant.apiKey, headers = {}) => {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${apiKey}`,
          ...headers,
        },
        body: JSON.stringify({ query: print(doc), variables }),
      });
      return response.json() as Promise<ExecutionResult<never>>;
    },
    wsClient: (apiKey = tenant.apiKey, wsUrl = url.replace("http", "ws")) => {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${apiKey}` },
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    },
    startPeer: async () => {
      const peerPubsub = createTracklinePubSub(process.env.REDIS_URL);
      const peer = buildApp({ db, pubsub: peerPubsub.pubsub, now, secretBox, jobs, ...registries });
      const peerPort = await peer.listen(0, "127.0.0.1");
      peers.push(async () => {
        await peer.close();
        await peerPubsub.close();
      });
      return `ws://127.0.0.1:${peerPort}/graphql`;
    },
    drainJobs: () => app.drainJobs(),
    resumePendingWork: () => app.resumePendingWork(),
    close: async () => {
      await Promise.all(clients.map((client) => client.dispose()));
      for (const closePeer of peers) await closePeer();
      await app.close();
      await pubsub.close();
      await database.close();
    },
  };
}
