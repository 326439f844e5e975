import type { Server } from "node:http";
import { type execute, type GraphQLError, getOperationAST, type subscribe } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { YogaInitialContext, YogaServerInstance } from "graphql-yoga";
import { type WebSocket, WebSocketServer } from "ws";
import type { Context } from "../schema/context.ts";
import { tooManySubscriptions } from "./access-policy.ts";
import type { Authenticator } from "./api-keys.ts";
import type { SubscriptionCounter } from "./key-limits.ts";
import { createSharedSubscriptions, type Subscriber } from "./shared-subscriptions.ts";
import type { TransportLimits } from "./transport-limits.ts";

type EnvelopedRoot = {
  execute: typeof execute;
  subscribe: typeof subscribe;
  shareKey: string;
  subscriber: Subscriber;
};

/** What yoga is created with: graphql-ws hands the connection parameters in. */
export type InitialContext = YogaInitialContext & { connectionParams?: Record<string, unknown> };

export type KeySockets = ReturnType<typeof createKeySockets>;

/**
 * graphql-ws on the HTTP server's /graphql: each socket authenticates in connection_init, runs
 * through yoga's envelope (the same limits and scopes as HTTP), and subscribers asking the same
 * thing share one execution (decision 035).
 */
export function attachGraphQLWebSockets(options: {
  server: Server;
  yoga: YogaServerInstance<InitialContext, Context>;
  limits: TransportLimits;
  /** False for a worker: upgrades are refused like any API request. */
  serveApi: boolean;
  sockets: KeySockets;
  authenticate: Authenticator;
  /** Each key's concurrent subscriptions; over the cap the socket is closed, 4429. */
  subscriptions: SubscriptionCounter;
}) {
  const { server, yoga, limits, serveApi, sockets, authenticate, subscriptions } = options;
  const held = createHeldSubscriptions(subscriptions);
  const wsServer = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    // A larger message closes the socket (1009) before it is buffered whole.
    maxPayload: limits.wsMaxPayloadBytes,
    // A worker takes no subscriptions: its upgrades are refused like any API request.
    verifyClient: serveApi ? undefined : (_info, done) => done(false, 404, "Not Found"),
  });
  wsServer.on("connection", quietClientProtocolErrors);
  const sharedSubscriptions = createSharedSubscriptions();
  const wsCleanup = useServer(
    {
      // Explicit (graphql-ws defaults to 3 s): an opened socket that never authenticates is
      // closed, 4408, rather than held.
      connectionInitWaitTimeout: limits.wsConnectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        const auth = await authenticate(typeof header === "string" ? header : null);
        if (auth.refusal) return false;
        sockets.add(auth.viewer.apiKeyId, ctx.extra.socket);
        return true;
      },
      // onSubscribe puts yoga's enveloped execute/subscribe in rootValue (yoga's graphql-ws recipe).
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      subscribe: (args) => {
        const root = args.rootValue as EnvelopedRoot;
        return sharedSubscriptions.subscribe(
          root.shareKey,
          () => root.subscribe(args),
          root.subscriber,
        );
      },
      onSubscribe: async (ctx, id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const contextValue = (await contextFactory()) as Context;
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue,
          rootValue: {
            execute,
            subscribe,
            shareKey: shareKey(contextValue, params),
            subscriber: socketSubscriber(ctx.extra.socket, id, limits.wsMaxBufferedBytes),
          },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
        if (getOperationAST(args.document, params.operationName)?.operation === "subscription") {
          const refusal = held.take(ctx.extra.socket, id, contextValue.viewer.apiKeyId);
          if (refusal) return [refusal];
        }
        return args;
      },
      onComplete: (ctx, id) => held.release(ctx.extra.socket, id),
    },
    wsServer,
  );

  return {
    clientCount: () => wsServer.clients.size,
    /**
     * Subscribers are told the server is going away (1001) and reconnect elsewhere; a client
     * that does not answer the close within a second is cut (ws would wait 30 s).
     */
    async close() {
      const open = [...wsServer.clients];
      await wsCleanup.dispose();
      wsServer.close();
      await closedWithin(open, 1_000);
    },
  };
}

/**
 * The subscriptions each socket holds, counted against their key's cap: one over it closes the
 * socket with 4429 (the protocol's "too many requests"); a socket's close gives its places back.
 */
function createHeldSubscriptions(counter: SubscriptionCounter) {
  const bySocket = new WeakMap<WebSocket, Map<string, string>>();
  return {
    take(socket: WebSocket, id: string, apiKeyId: string): GraphQLError | null {
      if (!counter.take(apiKeyId)) {
        socket.close(4429, "Too many subscriptions for this API key");
        return tooManySubscriptions(counter.maxPerKey);
      }
      let held = bySocket.get(socket);
      if (!held) {
        const mine = new Map<string, string>();
        bySocket.set(socket, mine);
        socket.once("close", () => {
          for (const key of mine.values()) counter.release(key);
          mine.clear();
        });
        held = mine;
      }
      held.set(id, apiKeyId);
      return null;
    },
    release(socket: WebSocket, id: string): void {
      const held = bySocket.get(socket);
      const apiKeyId = held?.get(id);
      if (apiKeyId === undefined) return;
      held?.delete(id);
      counter.release(apiKeyId);
    },
  };
}

/** The open graphql-ws sockets of each key, so a revocation can close them (4403). */
export function createKeySockets() {
  const byKey = new Map<string, Set<WebSocket>>();
  return {
    add(apiKeyId: string, socket: WebSocket) {
      const open = byKey.get(apiKeyId) ?? new Set();
      byKey.set(apiKeyId, open.add(socket));
      socket.once("close", () => {
        open.delete(socket);
        if (open.size === 0 && byKey.get(apiKeyId) === open) byKey.delete(apiKeyId);
      });
    },
    close(apiKeyId: string) {
      for (const socket of byKey.get(apiKeyId) ?? []) socket.close(4403, "Forbidden");
    },
  };
}

function closedWithin(sockets: WebSocket[], ms: number): Promise<void> {
  const open = sockets.filter((socket) => socket.readyState !== socket.CLOSED);
  if (open.length === 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      for (const socket of open) socket.terminate();
      resolve();
    }, ms);
    let left = open.length;
    for (const socket of open) {
      socket.once("close", () => {
        left -= 1;
        if (left === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
}

/**
 * Writes a shared stream's results to one subscription of one socket: the `next` message
 * graphql-ws would have sent, byte for byte, built around the payload serialised once for all
 * (decision 053). A socket with more than `maxBuffered` bytes still unsent is too far behind: it
 * is closed, 1013 ("try again later", which graphql-ws clients retry), not buffered further.
 */
export function socketSubscriber(socket: WebSocket, id: string, maxBuffered: number): Subscriber {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return {
    next(payload) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > maxBuffered) {
        socket.close(1013, "Subscriber too far behind");
        return;
      }
      socket.send(`${head}${payload}}`);
    },
  };
}

/**
 * Everything a subscription's messages depend on: who asks (API key, tenant, scopes), in which
 * languages, and what. Equal keys would be sent equal messages, so they share one execution.
 */
function shareKey(
  context: Context,
  params: { query: string; operationName?: string | null; variables?: unknown },
): string {
  const { viewer, acceptLanguages } = context;
  return JSON.stringify([
    viewer.apiKeyId,
    viewer.tenantId,
    [...viewer.scopes].sort(),
    acceptLanguages,
    params.operationName ?? null,
    params.variables ?? null,
    params.query,
  ]);
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
