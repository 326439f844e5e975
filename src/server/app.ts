import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { createYoga } from "graphql-yoga";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { type CarrierRegistry, createCarrierRegistry } from "../carriers/registry.ts";
import type { ApiKeyEvents } from "../domain/api-keys.ts";
import type { BackoffPolicy } from "../domain/backoff.ts";
import { createDeliveryEstimates } from "../domain/eta/service.ts";
import { evaluateShipmentExceptions } from "../domain/exceptions/evaluate.ts";
import { createStallTables } from "../domain/exceptions/stall-history.ts";
import { sweepShipmentExceptions } from "../domain/exceptions/sweep.ts";
import { createWebhookDeliverer, type WebhookSender } from "../domain/outbound-webhooks/deliver.ts";
import { NO_ALLOWED_TARGETS } from "../domain/outbound-webhooks/targets.ts";
import type { RateGate } from "../domain/rate-gate.ts";
import type { SecretBox } from "../domain/secret-box.ts";
import { sweepSellerRisks } from "../domain/seller-risks.ts";
import { createSharedReads } from "../domain/shared-reads.ts";
import { createSyncWorker } from "../domain/sync-worker.ts";
import { createTextBook, parseAcceptLanguage } from "../domain/texts/index.ts";
import { createMarketplaceRegistry, type MarketplaceRegistry } from "../plugins/registry.ts";
import type { Context } from "../schema/context.ts";
import { schema } from "../schema/index.ts";
import { type AuthRefusal, createAuthenticator } from "./api-keys.ts";
import { DELIVERY_HISTORY_PATH, handleHistoryImport } from "./delivery-history-route.ts";
import { createGraphiQL } from "./graphiql.ts";
import { attachGraphQLWebSockets, createKeySockets, type InitialContext } from "./graphql-ws.ts";
import type { JobEngine } from "./job-queue.ts";
import { createMarketplaceWebhookRoute } from "./marketplace-webhook-route.ts";
import { createOps, type ReadinessCheck } from "./ops.ts";
import { changeChannels, type TracklinePubSub } from "./pubsub.ts";
import { createRateGate } from "./rate-gate.ts";
import { requestLimitPlugins } from "./request-limits.ts";
import { createTrackingImportRoute } from "./tracking-import-route.ts";
import {
  DEFAULT_LIMITS,
  readLimitedBody,
  replyError,
  type TransportLimits,
} from "./transport-limits.ts";
import {
  handleCarrierWebhook,
  ingestDelivery,
  resumePendingDeliveries,
  WEBHOOK_PATH,
} from "./webhook-route.ts";
import { createWebhookSender } from "./webhook-sender.ts";

export interface AppDeps {
  db: PrismaClient;
  pubsub: TracklinePubSub;
  now?: () => Date;
  /** Carrier adapters and the tracking-number directory; the built-in ones by default. */
  carriers?: CarrierRegistry;
  /** Marketplace plugins; the built-in ones by default. */
  marketplaces?: MarketplaceRegistry;
  /** Outbound HTTP (marketplace and carrier APIs); tests hand in one that reaches local fakes. */
  fetch?: typeof fetch;
  /** Serve GraphiQL on GET /graphql (text/html); on unless told otherwise. */
  graphiql?: boolean;
  /** Prefills GraphiQL's Authorization header, for the local demo only. */
  demoApiKey?: string;
  /** Seals and opens webhook signing secrets (TRACKLINE_SECRET_KEY, decision 026). */
  secretBox: SecretBox;
  /** The started job engine (pg-boss over the same database); the app adds its workers. */
  jobs: JobEngine;
  /** Holds marketplace calls to each store's rate limit; in-process unless main.ts passes Redis's. */
  rateGate?: RateGate;
  /** Outbound webhooks' HTTP, with the SSRF guard; public addresses only unless given another. */
  webhookSender?: WebhookSender;
  /** Delays between outbound webhook attempts; the Standard Webhooks schedule unless a test shortens it. */
  webhookRetryDelaysMs?: readonly number[];
  /**
   * Serve GraphQL, imports and webhooks (the api and all roles); a worker (false) answers only
   * /healthz, /readyz and /metrics. True unless told otherwise.
   */
  serveApi?: boolean;
  /** Readiness checks beyond the database and the job engine (Redis, from main.ts). */
  readinessChecks?: Record<string, ReadinessCheck>;
  /** TRACKLINE_METRICS_TOKEN: /metrics needs it as a bearer token when set. */
  metricsToken?: string;
  /** Retry timing of marketplace pushes; DEFAULT_BACKOFF unless a test shortens it. */
  syncBackoff?: BackoffPolicy;
  /** The base URL marketplaces call back (TRACKLINE_PUBLIC_URL): pushes are signed over it. */
  publicUrl?: string;
  /** Body, frame and handshake limits; DEFAULT_LIMITS for what is not given. */
  limits?: Partial<TransportLimits>;
  /**
   * A server already listening (start-up binds the port before it migrates, so a busy port
   * stops it before anything is written); the app adds its handlers. A new one by default.
   */
  server?: Server;
}

export interface App {
  server: Server;
  fetch: (request: Request) => Response | Promise<Response>;
  listen(port: number, host?: string): Promise<number>;
  /** Starts this process's job workers (every role but a pure API instance calls it once). */
  startWorkers(): Promise<void>;
  /** Enqueues webhook deliveries stored without a job (written before jobs moved to pg-boss). */
  resumePendingWork(): Promise<number>;
  /** Waits until no job is running or due (webhook ingestion, marketplace pushes). */
  drainJobs(): Promise<void>;
  close(): Promise<void>;
}

function unauthenticated(refusal: AuthRefusal): GraphQLError {
  return new GraphQLError(refusal.message, {
    extensions: { code: refusal.code, http: { status: 401 } },
  });
}

/** The only wiring point: every dependency comes in here and reaches resolvers via the context. */
export function buildApp(deps: AppDeps): App {
  const now = deps.now ?? (() => new Date());
  const carriers = deps.carriers ?? createCarrierRegistry();
  const marketplaces = deps.marketplaces ?? createMarketplaceRegistry();
  const texts = createTextBook(marketplaces);
  const outbound = deps.fetch ?? globalThis.fetch;
  const serveApi = deps.serveApi ?? true;
  const ops = createOps({
    db: deps.db,
    jobs: deps.jobs,
    sockets: () => graphqlWs.clientCount(),
    checks: deps.readinessChecks,
    metricsToken: deps.metricsToken,
  });
  const channels = changeChannels(deps.pubsub);
  const { feed } = channels;
  const publisher: typeof channels.publisher = {
    ...channels.publisher,
    publish: (change) => {
      ops.eventsRecorded(change.eventIds.length);
      channels.publisher.publish(change);
    },
  };
  const sharedReads = createSharedReads();
  const authenticate = createAuthenticator(deps.db, { keyClock: now });
  const sockets = createKeySockets();
  const keyEvents: ApiKeyEvents = {
    keyChanged: (change) => {
      // This instance forgets at once; the others when the pub/sub brings the change.
      authenticate.forget(change.apiKeyId);
      deps.pubsub.publish("api-key:changed", change);
    },
  };
  const keyChanges = deps.pubsub.subscribe("api-key:changed");
  const keyChangesDone = (async () => {
    for await (const change of keyChanges) {
      authenticate.forget(change.apiKeyId);
      if (change.stopped) sockets.close(change.apiKeyId);
    }
  })();
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const deliveryEstimates = createDeliveryEstimates({ db: deps.db, now, marketplaces });
  const webhookSender = deps.webhookSender ?? createWebhookSender(NO_ALLOWED_TARGETS);
  const calendars = deliveryEstimates.calendars;
  const stallTables = createStallTables({ db: deps.db, calendars });
  const exceptionDeps = () => ({
    now: now(),
    publisher,
    calendars,
    stallTables,
    estimates: deliveryEstimates,
  });
  const yoga = createYoga<InitialContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // Served by graphiql.ts, from the installed packages (yoga's page loads from a CDN).
    graphiql: false,
    // Bodies reach yoga already read and capped (handleGraphQLWithBody); yoga's own check
    // (25 MB by default) is set to the same cap for any path that might bypass it.
    maxRequestBodySize: limits.maxBodyBytes,
    plugins: [...requestLimitPlugins(), ops.plugin],
    context: async (initial): Promise<Context> => {
      const header =
        initial.connectionParams?.authorization ?? initial.request?.headers.get("authorization");
      const auth = await authenticate(typeof header === "string" ? header : null);
      if (auth.refusal) throw unauthenticated(auth.refusal);
      const { viewer } = auth;
      const acceptLanguage =
        initial.connectionParams?.["accept-language"] ??
        initial.request?.headers.get("accept-language");
      return {
        db: deps.db,
        viewer,
        publisher,
        feed,
        sharedReads,
        now,
        carriers,
        marketplaces,
        texts,
        fetch: outbound,
        secretBox: deps.secretBox,
        jobs,
        deliveryEstimates,
        webhookSender,
        keyEvents,
        acceptLanguages: parseAcceptLanguage(
          typeof acceptLanguage === "string" ? acceptLanguage : null,
        ),
      };
    },
  });

  const { jobs } = deps;
  const webhookDeps = { db: deps.db, publisher, carriers, jobs, now, secretBox: deps.secretBox };
  const marketplacePushes = createMarketplaceWebhookRoute({
    ...webhookDeps,
    marketplaces,
    publicUrl: deps.publicUrl,
  });
  const trackingImports = createTrackingImportRoute({ ...webhookDeps, marketplaces, authenticate });
  let workersStarted = false;
  const graphiql =
    deps.graphiql === false
      ? undefined
      : createGraphiQL({ endpoint: yoga.graphqlEndpoint, apiKey: deps.demoApiKey });

  /**
   * A GraphQL request with a body: its key is checked before the body is read (a client
   * without one cannot make the server buffer anything), then the body is read up to the cap
   * and handed to yoga already read (whatwg-node takes a parsed `req.body`, as from Express).
   */
  const handleGraphQLWithBody = async (req: IncomingMessage, res: ServerResponse) => {
    const auth = await authenticate(req.headers.authorization ?? null);
    if (auth.refusal) {
      return replyError(res, 401, auth.refusal.code, auth.refusal.message, {
        "www-authenticate": "Bearer",
      });
    }
    const body = await readLimitedBody(req, limits.maxBodyBytes);
    if (body === null) {
      return replyError(
        res,
        413,
        "PAYLOAD_TOO_LARGE",
        `request body over ${limits.maxBodyBytes} bytes (TRACKLINE_MAX_BODY_BYTES)`,
      );
    }
    yoga(Object.assign(req, { body }), res);
  };

  const server = deps.server ?? createServer();
  server.on("request", (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (ops.handle(path, req, res)) return;
    if (!serveApi) {
      const message =
        "this instance runs jobs only (--role worker): send API requests to an api instance";
      return replyError(res, 404, "NOT_FOUND", message);
    }
    if (WEBHOOK_PATH.test(path)) {
      handleCarrierWebhook(req, res, webhookDeps).catch((error: unknown) => {
        console.error("webhook failed:", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "internal error" }));
      });
      return;
    }
    if (marketplacePushes.matches(path)) return marketplacePushes.handle(req, res);
    if (path === DELIVERY_HISTORY_PATH) {
      const importDeps = {
        db: deps.db,
        jobs,
        now,
        authenticate,
        calendars: deliveryEstimates.calendars,
        onImported: (tenantId: string) => {
          deliveryEstimates.warm(tenantId).catch((error: unknown) => {
            console.error("fitting delivery estimates failed:", error);
          });
        },
      };
      handleHistoryImport(req, res, importDeps).catch((error: unknown) => {
        console.error("delivery history import failed:", error);
        if (!res.headersSent) replyError(res, 500, "INTERNAL_SERVER_ERROR", "internal error");
        else res.end();
      });
      return;
    }
    if (trackingImports.matches(path)) return trackingImports.handle(req, res);
    if (graphiql?.handle(req, res)) return;
    if (path === yoga.graphqlEndpoint && hasBody(req.method)) {
      handleGraphQLWithBody(req, res).catch((error: unknown) => {
        console.error("GraphQL request failed:", error);
        if (!res.headersSent) replyError(res, 500, "INTERNAL_SERVER_ERROR", "internal error");
        else res.end();
      });
      return;
    }
    yoga(req, res);
  });
  const graphqlWs = attachGraphQLWebSockets({
    server,
    yoga,
    limits,
    serveApi,
    sockets,
    authenticate,
  });

  return {
    server,
    fetch: (request) => yoga.fetch(request),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        if (server.listening) return reject(new Error("the server is already listening"));
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    startWorkers: async () => {
      if (workersStarted) return;
      workersStarted = true;
      await jobs.work(
        "carrier-webhook",
        2,
        logFailure("carrier-webhook", (data) => ingestDelivery(data.deliveryId, webhookDeps)),
      );
      const sync = createSyncWorker({
        db: deps.db,
        jobs,
        marketplaces,
        carriers,
        secretBox: deps.secretBox,
        fetch: outbound,
        now,
        rateGate: deps.rateGate ?? createRateGate().gate,
        backoff: deps.syncBackoff,
        publisher,
      });
      // Pushes mostly wait on the network; several run at once, each store held to its rate.
      await jobs.work("marketplace-sync", 8, logFailure("marketplace-sync", sync));
      const deliverWebhook = createWebhookDeliverer({
        db: deps.db,
        jobs,
        secretBox: deps.secretBox,
        sender: webhookSender,
        now,
        retryDelaysMs: deps.webhookRetryDelaysMs,
      });
      // Each waits on a partner's endpoint (15 s at most): a slow one must not hold the rest.
      await jobs.work("webhook-delivery", 8, logFailure("webhook-delivery", deliverWebhook));
      await jobs.work(
        "seller-risk-sweep",
        1,
        logFailure("seller-risk-sweep", () =>
          sweepSellerRisks(deps.db, { now: now(), publisher, marketplaces }),
        ),
      );
      await jobs.work(
        "shipment-exceptions",
        2,
        logFailure("shipment-exceptions", (data) =>
          evaluateShipmentExceptions(deps.db, [data.shipmentId], exceptionDeps()),
        ),
      );
      await jobs.work(
        "exception-sweep",
        1,
        logFailure("exception-sweep", () => sweepShipmentExceptions(deps.db, exceptionDeps())),
      );
    },
    resumePendingWork: () => resumePendingDeliveries(webhookDeps),
    drainJobs: () => jobs.drain(),
    close: async () => {
      // The job engine belongs to whoever started it, and stops after this.
      ops.beginShutdown();
      await keyChanges.return?.();
      await keyChangesDone;
      // Subscribers are told the server is going away (1001) and reconnect elsewhere; a client
      // that does not answer the close within a second is cut (ws would wait 30 s).
      await graphqlWs.close();
      await drainHttp(server, limits.shutdownDrainMs);
      await deliveryEstimates.settled();
      await authenticate.settled();
    },
  };
}

/**
 * Stops taking connections and lets requests in flight finish: idle keep-alive connections are
 * closed as they become idle, and whatever still runs after `drainMs` is cut.
 */
function drainHttp(server: Server, drainMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), drainMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** An unexpected error in a job is a bug: logged, then rethrown so pg-boss retries the job. */
function logFailure<D>(name: string, handler: (data: D) => Promise<unknown>) {
  return async (data: D, jobId: string) => {
    try {
      await handler(data);
    } catch (error) {
      console.error(`job ${name} ${jobId} failed:`, error);
      throw error;
    }
  };
}

/** Methods whose requests carry a body yoga would read (GET, HEAD and OPTIONS carry none). */
function hasBody(method: string | undefined): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}
