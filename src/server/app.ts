import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type execute, GraphQLError, type subscribe } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { createYoga, type YogaInitialContext } from "graphql-yoga";
import { type WebSocket, WebSocketServer } from "ws";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { type CarrierRegistry, createCarrierRegistry } from "../carriers/registry.ts";
import type { BackoffPolicy } from "../domain/backoff.ts";
import { createDeliveryEstimates } from "../domain/eta/service.ts";
import { evaluateShipmentExceptions } from "../domain/exceptions/evaluate.ts";
import { createStallTables } from "../domain/exceptions/stall-history.ts";
import { sweepShipmentExceptions } from "../domain/exceptions/sweep.ts";
import type { RateGate } from "../domain/rate-gate.ts";
import type { SecretBox } from "../domain/secret-box.ts";
import { sweepSellerRisks } from "../domain/seller-risks.ts";
import { createSyncWorker } from "../domain/sync-worker.ts";
import { createTextBook, parseAcceptLanguage } from "../domain/texts/index.ts";
import { createMarketplaceRegistry, type MarketplaceRegistry } from "../plugins/registry.ts";
import type { Context } from "../schema/context.ts";
import { schema } from "../schema/index.ts";
import { createAuthenticator } from "./api-keys.ts";
import { DELIVERY_HISTORY_PATH, handleHistoryImport } from "./delivery-history-route.ts";
import { createGraphiQL } from "./graphiql.ts";
import type { JobEngine } from "./job-queue.ts";
import { createMarketplaceWebhookRoute } from "./marketplace-webhook-route.ts";
import { changeChannels, type TracklinePubSub } from "./pubsub.ts";
import { createRateGate } from "./rate-gate.ts";
import { requestLimitPlugins } from "./request-limits.ts";
import {
  DEFAULT_LIMITS,
  readLimitedBody,
  replyError,
  type TransportLimits,
  UNAUTHENTICATED_MESSAGE,
} from "./transport-limits.ts";
import {
  handleCarrierWebhook,
  ingestDelivery,
  resumePendingDeliveries,
  WEBHOOK_PATH,
} from "./webhook-route.ts";

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

type EnvelopedRoot = { execute: typeof execute; subscribe: typeof subscribe };
type InitialContext = YogaInitialContext & { connectionParams?: Record<string, unknown> };

function unauthenticated(): GraphQLError {
  return new GraphQLError(UNAUTHENTICATED_MESSAGE, {
    extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
  });
}

/** The only wiring point: every dependency comes in here and reaches resolvers via the context. */
export function buildApp(deps: AppDeps): App {
  const now = deps.now ?? (() => new Date());
  const carriers = deps.carriers ?? createCarrierRegistry();
  const marketplaces = deps.marketplaces ?? createMarketplaceRegistry();
  const texts = createTextBook(marketplaces);
  const outbound = deps.fetch ?? globalThis.fetch;
  const { publisher, feed } = changeChannels(deps.pubsub);
  const authenticate = createAuthenticator(deps.db);
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const deliveryEstimates = createDeliveryEstimates({ db: deps.db, now, marketplaces });
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
    plugins: requestLimitPlugins(),
    context: async (initial): Promise<Context> => {
      const header =
        initial.connectionParams?.authorization ?? initial.request?.headers.get("authorization");
      const viewer = await authenticate(typeof header === "string" ? header : null);
      if (!viewer) throw unauthenticated();
      const acceptLanguage =
        initial.connectionParams?.["accept-language"] ??
        initial.request?.headers.get("accept-language");
      return {
        db: deps.db,
        viewer,
        publisher,
        feed,
        now,
        carriers,
        marketplaces,
        texts,
        fetch: outbound,
        secretBox: deps.secretBox,
        jobs,
        deliveryEstimates,
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
    if (!(await authenticate(req.headers.authorization ?? null))) {
      return replyError(res, 401, "UNAUTHENTICATED", UNAUTHENTICATED_MESSAGE, {
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
  const wsServer = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    // A larger message closes the socket (1009) before it is buffered whole.
    maxPayload: limits.wsMaxPayloadBytes,
  });
  wsServer.on("connection", quietClientProtocolErrors);
  const wsCleanup = useServer(
    {
      // Explicit (graphql-ws defaults to 3 s): an opened socket that never authenticates is
      // closed, 4408, rather than held.
      connectionInitWaitTimeout: limits.wsConnectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        return (await authenticate(typeof header === "string" ? header : null)) !== null;
      },
      // onSubscribe puts yoga's enveloped execute/subscribe in rootValue (yoga's graphql-ws recipe).
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => (args.rootValue as EnvelopedRoot).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        return errors.length ? errors : args;
      },
    },
    wsServer,
  );

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
      await wsCleanup.dispose();
      wsServer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deliveryEstimates.settled();
    },
  };
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

/**
 * ws reports a client's protocol violation (a frame over maxPayload, bad UTF-8, a bad opcode)
 * as an `error` event after it has closed the socket with the right code (1009, 1007, 1002).
 * graphql-ws logs every socket error as an "internal error" of ours: one console.error per
 * oversized frame would let any client fill the logs. Those errors stop here; others pass.
 * Registered before graphql-ws's own connection listener, so this wraps the socket first.
 */
function quietClientProtocolErrors(socket: WebSocket): void {
  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    const [error] = args;
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    if (event === "error" && code.startsWith("WS_ERR_")) return false;
    return emit(event, ...args);
  }) as typeof socket.emit;
}
