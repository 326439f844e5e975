import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  validate,
} from "graphql";
import type { CORSOptions, Plugin } from "graphql-yoga";
import type { Context } from "../schema/context.ts";
import {
  createKeyRateLimiter,
  createSubscriptionCounter,
  DEFAULT_MAX_SUBSCRIPTIONS_PER_KEY,
  DEFAULT_RATE_LIMIT_POINTS,
  type KeyRateLimiter,
  type RateVerdict,
  rateLimitHeaders,
  type SubscriptionCounter,
} from "./key-limits.ts";

/** Each key's budget of query cost and its concurrent subscriptions (decision 041). */
export interface RequestLimitOptions {
  rateLimiter: KeyRateLimiter;
  subscriptions: SubscriptionCounter;
  /** NODE_ENV=production: field suggestions hidden. */
  production: boolean;
  /** Introspection for every key; when false only keys holding keys:manage may introspect. */
  introspection: boolean;
}

/** What the execute and subscribe hooks see of a request. */
export interface RunArgs {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: unknown;
  contextValue: unknown;
}

/** The request's variables as an object (none: an empty one). */
export function variablesOf(args: RunArgs): Record<string, unknown> {
  const { variableValues } = args;
  return variableValues && typeof variableValues === "object"
    ? (variableValues as Record<string, unknown>)
    : {};
}

/**
 * Introspection (__schema, __type) only for keys holding keys:manage when it is off: a partner's
 * key has no need to map the API (schema.graphql is published), an operator's tools may.
 * __typename stays allowed: clients and caches ask for it everywhere.
 */
export function introspectionRefusal(args: RunArgs): ExecutionResult | null {
  const { viewer } = args.contextValue as Partial<Context>;
  if (viewer?.scopes.has("keys:manage")) return null;
  if (validate(args.schema, args.document, [NoSchemaIntrospectionCustomRule]).length === 0) {
    return null;
  }
  const message =
    "Introspection is off for keys without the keys:manage scope; the schema is published as schema.graphql";
  return {
    errors: [
      new GraphQLError(message, {
        extensions: { code: "INTROSPECTION_DISABLED", http: { status: 403 } },
      }),
    ],
  };
}

/** What each HTTP request's charge left, for its response headers. */
export const verdicts = new WeakMap<Request, RateVerdict>();

/** Every GraphQL answer over HTTP tells the key's budget: RateLimit-Policy and RateLimit. */
export function rateLimitHeadersPlugin(): Plugin {
  return {
    onResponse({ request, response }) {
      const verdict = verdicts.get(request);
      // A refusal carries its headers in its error (extensions.http), as yoga sends them.
      if (!verdict?.allowed) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(verdict))) {
        response.headers.set(name, value);
      }
    },
  };
}

export function rateLimited(verdict: RateVerdict, cost: number): ExecutionResult {
  const message = `This API key has used its budget of ${verdict.limit} query cost points a minute (this request costs ${cost}); retry in ${verdict.resetSeconds} s`;
  const extensions = {
    code: "RATE_LIMITED",
    cost,
    limit: verdict.limit,
    retryAfterSeconds: verdict.resetSeconds,
    http: { status: 429, headers: rateLimitHeaders(verdict) },
  };
  return { errors: [new GraphQLError(message, { extensions })] };
}

/**
 * A subscription over HTTP (server-sent events) takes one of its key's subscription places, as
 * a graphql-ws subscription does (graphql-ws.ts closes that socket with 4429 instead).
 */
export function sseSubscriptionRefusal(
  args: RunArgs,
  subscriptions: SubscriptionCounter,
): ExecutionResult | null {
  const { viewer, socket } = args.contextValue as Partial<Context> & { socket?: unknown };
  if (!viewer || socket || subscriptions.take(viewer.apiKeyId)) return null;
  return { errors: [tooManySubscriptions(subscriptions.maxPerKey)] };
}

export function tooManySubscriptions(maxPerKey: number): GraphQLError {
  const message = `This API key holds ${maxPerKey} subscriptions on this instance, the most it may (TRACKLINE_MAX_SUBSCRIPTIONS_PER_KEY)`;
  return new GraphQLError(message, {
    extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: maxPerKey, http: { status: 429 } },
  });
}

/**
 * Who may call and how much (decision 041): each key's cost budget and subscriptions, which
 * browser origins, and what production hides. Unset parts take the development defaults.
 */
export interface AccessPolicy extends RequestLimitOptions {
  /** Browser origins allowed (CORS): a list, "*" for any; an empty list sends no CORS headers. */
  corsOrigins: readonly string[] | "*";
  /** Requests a minute per IP address on /t/ and /public/graphql (decision 043). */
  publicRateLimiter: KeyRateLimiter;
  /** Proxies whose X-Forwarded-For entries are trusted to name the client (0: none). */
  trustedProxyHops: number;
  /** Live tracking pages (event streams) one IP address may hold open on this instance. */
  publicStreamsPerAddress: number;
}

/** Open event streams per IP address: a household's tabs, not a scraper's thousand (decision 044). */
export const PUBLIC_STREAMS_PER_ADDRESS = 20;

/** Requests a minute one IP address may make to the public tracking page and its API. */
export const PUBLIC_REQUESTS_PER_MINUTE = 120;
export const PUBLIC_RATE_LIMIT_PREFIX = "trackline-public-ip";

export function accessPolicy(given: Partial<AccessPolicy> = {}): AccessPolicy {
  return {
    rateLimiter:
      given.rateLimiter ?? createKeyRateLimiter({ pointsPerMinute: DEFAULT_RATE_LIMIT_POINTS }),
    subscriptions:
      given.subscriptions ?? createSubscriptionCounter(DEFAULT_MAX_SUBSCRIPTIONS_PER_KEY),
    production: given.production ?? false,
    introspection: given.introspection ?? true,
    corsOrigins: given.corsOrigins ?? "*",
    publicRateLimiter:
      given.publicRateLimiter ??
      createKeyRateLimiter({
        pointsPerMinute: PUBLIC_REQUESTS_PER_MINUTE,
        keyPrefix: PUBLIC_RATE_LIMIT_PREFIX,
      }),
    trustedProxyHops: given.trustedProxyHops ?? 0,
    publicStreamsPerAddress: given.publicStreamsPerAddress ?? PUBLIC_STREAMS_PER_ADDRESS,
  };
}

/** yoga's CORS settings: the budget headers are readable by a browser client too. */
export function corsOptions(origins: AccessPolicy["corsOrigins"]): CORSOptions {
  if (origins !== "*" && origins.length === 0) return false;
  return {
    origin: origins === "*" ? "*" : [...origins],
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["authorization", "content-type", "accept", "accept-language"],
    exposedHeaders: ["RateLimit", "RateLimit-Policy", "Retry-After"],
    credentials: false,
    maxAge: 600,
  };
}
