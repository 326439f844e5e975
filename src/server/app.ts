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
import { type BuyerChannels, NO_CHANNELS } from "../domain/notifications/channels.ts";
import { createWebhookDeliverer, type WebhookSender } from "../domain/outbound-webhooks/deliver.ts";
import { NO_ALLOWED_TARGETS } from "../domain/outbound-webhooks/targets.ts";
import type { RateGate } from "../domain/rate-gate.ts";
import type { SecretBox } from "../domain/secret-box.ts";
import { sweepSellerRisks } from "../domain/seller-risks.ts";
import { createSharedReads } from "../domain/shared-reads.ts";
import { createSyncWorker } from "../domain/sync-worker.ts";
import { createTextBook, parseAcceptLanguage } from "../domain/texts/index.ts";
import { createDeliveryWriter, createEndpointLookup } from "../domain/webhook-intake.ts";
import { createMarketplaceRegistry, type MarketplaceRegistry } from "../plugins/registry.ts";
import type { Context } from "../schema/context.ts";
import { schema } from "../schema/index.ts";
import { type AccessPolicy, accessPolicy, corsOptions } from "./access-policy.ts";
import { type AuthRefusal, createAuthenticator } from "./api-keys.ts";
import { startCarrierPolling } from "./carrier-polling.ts";
import { DELIVERY_HISTORY_PATH, handleHistoryImport } from "./delivery-history-route.ts";
import { createGraphiQL } from "./graphiql.ts";
import { attachGraphQLWebSockets, createKeySockets, type InitialContext } from "./graphql-ws.ts";
import type { JobEngine } from "./job-queue.ts";
import { createLiveMapRoute } from "./live-map-route.ts";
import { createLogger, type Logger, requestIdOf } from "./logger.ts";
import { createMarketplaceWebhookRoute } from "./marketplace-webhook-route.ts";
import { startNotificationWorkers } from "./notification-workers.ts";
import { createOps, type ReadinessCheck } from "./ops.ts";
import { createPublicTrackingRoute, loggedPath, publicBaseUrl } from "./public-tracking-route.ts";
import { changeChannels, type TracklinePubSub } from "./pubsub.ts";
import { createRateGate } from "./rate-gate.ts";
import { requestLimitPlugins } from "./request-limits.ts";
import { type ResponseCacheOptions, useTracklineResponseCache } from "./response-cache.ts";
import { tenantScopePlugin } from "./tenant-scope.ts";
import { createTrackingImportRoute } from "./tracking-import-route.ts";
import {
  DEFAULT_LIMITS,
  readLimitedBody,
  replyError,
  type TransportLimits,
} from "./transport-limits.ts";
import {
  handleCarrierWebhook,
  ingestDeliveries,
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
  /** Carrier tracking API base URLs by carrier code (TRACKLINE_UPS_API_URL, ...), for polling. */
  carrierApiUrls?: Readonly<Record<string, string>>;
  /** JSON logs (pino); warnings and errors to stdout unless given another. */
  logger?: Logger;
  /** Per-key cost budget and subscriptions, CORS, what production hides (decision 041). */
  access?: Partial<AccessPolicy>;
  /** Email and SMS for buyer notifications (main.ts builds them from the config); none by default. */
  notificationChannels?: BuyerChannels;
  /** Delays between notification attempts; NOTIFICATION_RETRY_DELAYS_MS unless a test shortens them. */
  notificationRetryDelaysMs?: readonly number[];
  /** Body, frame and handshake limits; DEFAULT_LIMITS for what is not given. */
  limits?: Partial<TransportLimits>;
  /**
   * A server already listening (start-up binds the port before it migrates, so a busy port
   * stops it before anything is written); the app adds its handlers. A new one by default.
   */
  server?: Server;
  /**
   * Cache the answers of reads (TRACKLINE_RESPONSE_CACHE, decision 049): the generation must be
   * the one the database handle behind `db` moves on. No cache unless given.
   */
  responseCache?: Omit<ResponseCacheOptions, "onLookup">;
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
  const logger = deps.logger ?? createLogger({ level: "warn" });
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
  const authenticate = createAuthenticator(deps.db, {
    keyClock: now,
    onError: (error) => logger.error({ err: error }, "recording an API key's use failed"),
  });
  const sockets = createKeySockets();
  const access = accessPolicy(deps.access);
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
      if (change.stopped) {
        sockets.close(change.apiKeyId);
        access.subscriptions.endStreams(change.apiKeyId);
      }
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
    jobs,
  });
  const yoga = createYoga<InitialContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // Served by graphiql.ts, from the installed packages (yoga's page loads from a CDN).
    graphiql: false,
    // Every request that may carry a body reaches yoga already read and capped
    // (handleGraphQLWithBody; GET, HEAD and OPTIONS bodies are never read). Yoga's own cap would
    // pipe each body through a TransformStream again, at about 3 % of a cached answer's CPU.
    maxRequestBodySize: false,
    cors: corsOptions(access.corsOrigins),
    // The cache comes last: keys, limits and budgets are checked before any answer is served.
    plugins: [
      ...requestLimitPlugins(access),
      tenantScopePlugin(),
      ops.plugin,
      ...(deps.responseCache
        ? [useTracklineResponseCache({ ...deps.responseCache, onLookup: ops.responseCacheLookup })]
        : []),
    ],
    // Yoga logs unexpected resolver errors (masked in answers) through the same JSON logger.
    logging: {
      debug: (...args) => logger.debug({ args }, "yoga"),
      info: (...args) => logger.info({ args }, "yoga"),
      warn: (...args) => logger.warn({ args }, "yoga"),
      error: (...args) =>
        logger.error({ err: args.find((a) => a instanceof Error) ?? args }, "yoga"),
    },
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
        publicBaseUrl: publicBaseUrl(deps.publicUrl, initial.request),
      };
    },
  });

  const { jobs } = deps;
  const webhookDeps = { db: deps.db, publisher, carriers, jobs, now, secretBox: deps.secretBox };
  // Concurrent carrier webhooks are stored by one transaction per group (decision 050).
  const carrierWebhooks = {
    ...webhookDeps,
    endpoints: createEndpointLookup(deps.db),
    store: createDeliveryWriter(deps.db, jobs),
  };
  const marketplacePushes = createMarketplaceWebhookRoute({
    ...webhookDeps,
    marketplaces,
    publicUrl: deps.publicUrl,
  });
  const trackingImports = createTrackingImportRoute({ ...webhookDeps, marketplaces, authenticate });
  const publicTracking = createPublicTrackingRoute({
    db: deps.db,
    texts,
    carriers,
    marketplaces,
    estimates: deliveryEstimates,
    limiter: access.publicRateLimiter,
    trustedProxyHops: access.trustedProxyHops,
    feed,
    now,
    maxStreamsPerAddress: access.publicStreamsPerAddress,
  });
  const liveMap = createLiveMapRoute();
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
    const log = accessLog(logger, req, res, loggedPath(path));
    if (ops.handle(path, req, res)) return;
    if (!serveApi) {
      const message =
        "this instance runs jobs only (--role worker): send API requests to an api instance";
      return replyError(res, 404, "NOT_FOUND", message);
    }
    if (WEBHOOK_PATH.test(path)) {
      handleCarrierWebhook(req, res, carrierWebhooks).catch((error: unknown) => {
        log.error({ err: error }, "carrier webhook failed");
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "internal error" }));
      });
      return;
    }
    if (marketplacePushes.matches(path)) return marketplacePushes.handle(req, res, log);
    if (path === DELIVERY_HISTORY_PATH) {
      const importDeps = {
        db: deps.db,
        jobs,
        now,
        authenticate,
        calendars: deliveryEstimates.calendars,
        onImported: (tenantId: string) => {
          deliveryEstimates.warm(tenantId).catch((error: unknown) => {
            log.error({ err: error }, "fitting delivery estimates failed");
          });
        },
      };
      handleHistoryImport(req, res, importDeps).catch((error: unknown) => {
        log.error({ err: error }, "delivery history import failed");
        if (!res.headersSent) replyError(res, 500, "INTERNAL_SERVER_ERROR", "internal error");
        else res.end();
      });
      return;
    }
    if (trackingImports.matches(path)) return trackingImports.handle(req, res);
    if (publicTracking.matches(path)) return publicTracking.handle(req, res, path, log);
    if (liveMap.matches(path)) return liveMap.handle(req, res, path);
    if (graphiql?.handle(req, res)) return;
    if (path === yoga.graphqlEndpoint && hasBody(req.method)) {
      handleGraphQLWithBody(req, res).catch((error: unknown) => {
        log.error({ err: error }, "GraphQL request failed");
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
    subscriptions: access.subscriptions,
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
      const logFailure = jobFailureLog(logger);
      const rateGate = deps.rateGate ?? createRateGate().gate;
      // Set-based: a fetched batch of deliveries is ingested in one transaction.
      await jobs.workBatch(
        "carrier-webhook",
        2,
        logFailure("carrier-webhook", (batch) =>
          ingestDeliveries(
            batch.map((job) => job.data.deliveryId),
            webhookDeps,
          ),
        ),
      );
      const sync = createSyncWorker({
        db: deps.db,
        jobs,
        marketplaces,
        carriers,
        secretBox: deps.secretBox,
        fetch: outbound,
        now,
        rateGate,
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
      // Set-based: one evaluation reads and writes a whole batch of shipments at once.
      await jobs.workBatch(
        "shipment-exceptions",
        2,
        logFailure("shipment-exceptions", (batch) =>
          evaluateShipmentExceptions(
            deps.db,
            batch.map((job) => job.data.shipmentId),
            exceptionDeps(),
          ),
        ),
      );
      await jobs.work(
        "exception-sweep",
        1,
        logFailure("exception-sweep", () => sweepShipmentExceptions(deps.db, exceptionDeps())),
      );
      await startNotificationWorkers({
        db: deps.db,
        jobs,
        now,
        channels: deps.notificationChannels ?? NO_CHANNELS,
        marketplaces,
        carriers,
        texts,
        estimates: deliveryEstimates,
        calendars,
        publicUrl: deps.publicUrl,
        retryDelaysMs: deps.notificationRetryDelaysMs,
        onSent: ops.notificationSent,
        secretBox: deps.secretBox,
        fetch: outbound,
        logged: logFailure,
      });
      await startCarrierPolling({
        ...webhookDeps,
        fetch: outbound,
        rateGate,
        baseUrls: deps.carrierApiUrls,
        onPolled: ops.carrierPolled,
        logged: logFailure,
      });
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
      // Live tracking pages reconnect elsewhere (EventSource retries on its own).
      publicTracking.close();
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

/**
 * Each request gets an id (the proxy's `x-request-id` or a new one), echoed in the response and
 * carried by every log line it causes; its completion is logged with status and duration.
 */
function accessLog(logger: Logger, req: IncomingMessage, res: ServerResponse, path: string) {
  const requestId = requestIdOf(req);
  res.setHeader("x-request-id", requestId);
  const log = logger.child({ requestId });
  const started = performance.now();
  res.once("finish", () => {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log.info({ method: req.method, path, status: res.statusCode, ms }, "request");
  });
  return log;
}

/** An unexpected error in a job is a bug: logged, then rethrown so pg-boss retries the job. */
function jobFailureLog(logger: Logger) {
  return <D>(name: string, handler: (data: D) => Promise<unknown>) =>
    async (data: D, jobId?: string) => {
      try {
        await handler(data);
      } catch (error) {
        logger.error({ err: error, job: name, jobId }, "job failed");
        throw error;
      }
    };
}

/** Methods whose requests carry a body yoga would read (GET, HEAD and OPTIONS carry none). */
function hasBody(method: string | undefined): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}
