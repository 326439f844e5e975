import { createServer, type Server } from "node:http";
import { type execute, GraphQLError, type subscribe } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { createYoga, type YogaInitialContext } from "graphql-yoga";
import { WebSocketServer } from "ws";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { type CarrierRegistry, createCarrierRegistry } from "../carriers/registry.ts";
import { createTextBook, parseAcceptLanguage } from "../domain/texts/index.ts";
import { createMarketplaceRegistry, type MarketplaceRegistry } from "../plugins/registry.ts";
import type { Context } from "../schema/context.ts";
import { schema } from "../schema/index.ts";
import { createAuthenticator } from "./api-keys.ts";
import { createJobRunner } from "./jobs.ts";
import { changeChannels, type TracklinePubSub } from "./pubsub.ts";
import { requestLimitPlugins } from "./request-limits.ts";
import { handleCarrierWebhook, resumePendingDeliveries, WEBHOOK_PATH } from "./webhook-route.ts";

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
  /** Prefills GraphiQL's Authorization header, for the demo only. */
  demoApiKey?: string;
}

export interface App {
  server: Server;
  fetch: (request: Request) => Response | Promise<Response>;
  listen(port: number, host?: string): Promise<number>;
  /** Picks up webhook deliveries stored but not processed before the last stop. */
  resumePendingWork(): Promise<number>;
  /** Waits for background jobs in flight (webhook ingestion). */
  drainJobs(): Promise<void>;
  close(): Promise<void>;
}

type EnvelopedRoot = { execute: typeof execute; subscribe: typeof subscribe };
type InitialContext = YogaInitialContext & { connectionParams?: Record<string, unknown> };

function unauthenticated(): GraphQLError {
  return new GraphQLError("missing or invalid API key: send Authorization: Bearer <key>", {
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
  const yoga = createYoga<InitialContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: {
      title: "trackline",
      subscriptionsProtocol: "WS",
      headers: deps.demoApiKey
        ? JSON.stringify({ Authorization: `Bearer ${deps.demoApiKey}` })
        : undefined,
    },
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
        acceptLanguages: parseAcceptLanguage(
          typeof acceptLanguage === "string" ? acceptLanguage : null,
        ),
      };
    },
  });

  const jobs = createJobRunner((name, error) => console.error(`job ${name} failed:`, error));
  const webhookDeps = { db: deps.db, publisher, carriers, jobs, now };
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (WEBHOOK_PATH.test(path)) {
      handleCarrierWebhook(req, res, webhookDeps).catch((error: unknown) => {
        console.error("webhook failed:", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "internal error" }));
      });
      return;
    }
    yoga(req, res);
  });
  const wsServer = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  const wsCleanup = useServer(
    {
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
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    resumePendingWork: () => resumePendingDeliveries(webhookDeps),
    drainJobs: () => jobs.drain(),
    close: async () => {
      await jobs.drain();
      await wsCleanup.dispose();
      wsServer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
