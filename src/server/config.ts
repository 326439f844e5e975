import { CARRIER_ADAPTERS } from "../carriers/registry.ts";
import { apiKeyShape } from "../domain/api-key-format.ts";
import { parseAllowList, type TargetAllowList } from "../domain/outbound-webhooks/targets.ts";
import { DEFAULT_POOL, isPostgresUrl, type PoolSettings } from "./database.ts";
import { DEFAULT_MAX_SUBSCRIPTIONS_PER_KEY, DEFAULT_RATE_LIMIT_POINTS } from "./key-limits.ts";
import { REQUEST_LIMITS } from "./request-limits.ts";
import { parseSecretKey } from "./secret-key.ts";
import { DEFAULT_LIMITS } from "./transport-limits.ts";

/** Everything trackline reads from the environment, in one place; defaults run the local demo. */
export interface Config {
  port: number;
  /** Interface to listen on: loopback in embedded mode, every interface with PostgreSQL. */
  host: string;
  mode: "embedded" | "postgres";
  /** NODE_ENV=production. */
  production: boolean;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  demoApiKey: string | undefined;
  /** Seed a demo tenant into an empty database: embedded development only, unless asked. */
  seedDemo: boolean;
  /** Seals webhook signing secrets at rest (decision 026); embedded mode makes one when unset. */
  secretKey: Buffer | undefined;
  /** Serve GraphiQL on GET /graphql (text/html): everywhere but production, unless asked. */
  graphiql: boolean;
  /** GraphiQL opens with the demo key in its headers: embedded development only, never asked. */
  prefillGraphiQL: boolean;
  /** Cap on a GraphQL request body, in bytes. */
  maxBodyBytes: number;
  /** Embedded mode: a commit is on disk before it is acknowledged (TRACKLINE_FSYNC, default 1). */
  fsync: boolean;
  /** Cache the answers of shipment and order reads (TRACKLINE_RESPONSE_CACHE, default 1; 049). */
  responseCache: boolean;
  /** PostgreSQL mode: connections per process and how long to wait for one and for a statement. */
  pool: PoolSettings;
  /** The base URL marketplaces call back, as registered with them (TRACKLINE_PUBLIC_URL). */
  publicUrl: string | undefined;
  /** Private hosts and ranges outbound webhooks may reach (TRACKLINE_WEBHOOK_ALLOW_HOSTS). */
  webhookAllowList: TargetAllowList;
  /** When set, /metrics needs `Authorization: Bearer <token>` (TRACKLINE_METRICS_TOKEN). */
  metricsToken: string | undefined;
  /**
   * What this process does (`--role`, or TRACKLINE_ROLE): `api` serves HTTP and WebSockets and
   * runs no jobs, `worker` runs jobs and serves only /healthz, /readyz and /metrics, `all` both.
   */
  role: Role;
  /** Each API key's query cost budget per minute (TRACKLINE_RATE_LIMIT_POINTS). */
  rateLimitPoints: number;
  /** Concurrent subscriptions per key and instance (TRACKLINE_MAX_SUBSCRIPTIONS_PER_KEY). */
  maxSubscriptionsPerKey: number;
  /**
   * Reverse proxies in front of the server that append to X-Forwarded-For
   * (TRACKLINE_TRUSTED_PROXY_HOPS); 0 by default: the connection's address is the client's.
   */
  trustedProxyHops: number;
  /**
   * Browser origins allowed to call the API (TRACKLINE_CORS_ORIGINS): a list, "*" for any, or
   * none. Unset: any outside production, none in production.
   */
  corsOrigins: readonly string[] | "*";
  /** Introspection for every key (TRACKLINE_INTROSPECTION); in production only keys:manage keys. */
  introspection: boolean;
  /** JSON log level (TRACKLINE_LOG_LEVEL): trace, debug, info (default), warn, error, fatal, silent. */
  logLevel: string;
  /** Buyer notification channels; a channel left unset skips its messages (CHANNEL_NOT_CONFIGURED). */
  notifications: NotificationConfig;
  /**
   * Carrier tracking API base URLs by carrier code (TRACKLINE_UPS_API_URL, TRACKLINE_DHL_API_URL,
   * TRACKLINE_17TRACK_API_URL): a sandbox or a local fake; unset, the carrier's production host.
   */
  carrierApiUrls: Record<string, string>;
}

export interface NotificationConfig {
  /** TRACKLINE_SMTP_URL and TRACKLINE_MAIL_FROM. */
  email: { url: string; from: string } | undefined;
  /** TRACKLINE_SMS_URL and TRACKLINE_SMS_TOKEN. */
  sms: { baseUrl: string; token: string } | undefined;
}

export const ROLES = ["all", "api", "worker"] as const;
export type Role = (typeof ROLES)[number];

/** A setting the environment got wrong: the message names the variable; no stack is needed. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv.slice(2),
): Config {
  const port = Number(env.PORT || 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a TCP port number, got "${env.PORT}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  // Anything else used to fall back to the embedded database silently: a typo in a production
  // URL would have started an empty local database (and seeded it).
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    // Only the scheme: the rest may hold a password.
    const scheme = String(databaseUrl).split(":")[0];
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql://, got "${scheme}:..."`,
    );
  }
  const mode = databaseUrl ? "postgres" : "embedded";
  const production = env.NODE_ENV === "production";
  const development = mode === "embedded" && !production;
  return {
    port,
    // Embedded mode is a single-machine demo or tool: nobody else should reach its data by
    // default. PostgreSQL mode is how trackline is deployed, usually in a container whose
    // port mapping is the boundary, so it listens everywhere (docs/decisions/027-safe-defaults.md).
    host: env.HOST || (mode === "embedded" ? "127.0.0.1" : "0.0.0.0"),
    mode,
    production,
    databaseUrl,
    dataDir: env.TRACKLINE_DATA_DIR || "data",
    redisUrl: env.REDIS_URL || undefined,
    demoApiKey: readDemoApiKey(env),
    seedDemo: readSwitch(env, "TRACKLINE_SEED_DEMO") ?? development,
    graphiql: readSwitch(env, "TRACKLINE_GRAPHIQL") ?? !production,
    prefillGraphiQL: development,
    maxBodyBytes:
      readPositiveInteger(env, "TRACKLINE_MAX_BODY_BYTES", "bytes") ?? DEFAULT_LIMITS.maxBodyBytes,
    fsync: readSwitch(env, "TRACKLINE_FSYNC") ?? true,
    responseCache: readSwitch(env, "TRACKLINE_RESPONSE_CACHE") ?? true,
    pool: {
      max: readPositiveInteger(env, "TRACKLINE_PG_POOL_MAX", "connections") ?? DEFAULT_POOL.max,
      connectTimeoutMs:
        readPositiveInteger(env, "TRACKLINE_PG_CONNECT_TIMEOUT_MS", "milliseconds") ??
        DEFAULT_POOL.connectTimeoutMs,
      statementTimeoutMs:
        readPositiveInteger(env, "TRACKLINE_PG_STATEMENT_TIMEOUT_MS", "milliseconds") ??
        DEFAULT_POOL.statementTimeoutMs,
    },
    secretKey: readSecretKey(env),
    publicUrl: readPublicUrl(env),
    webhookAllowList: readAllowList(env),
    metricsToken: env.TRACKLINE_METRICS_TOKEN || undefined,
    role: readRole(env, argv, mode),
    rateLimitPoints: readRateLimitPoints(env),
    maxSubscriptionsPerKey:
      readPositiveInteger(env, "TRACKLINE_MAX_SUBSCRIPTIONS_PER_KEY", "subscriptions") ??
      DEFAULT_MAX_SUBSCRIPTIONS_PER_KEY,
    trustedProxyHops: readPositiveInteger(env, "TRACKLINE_TRUSTED_PROXY_HOPS", "proxies") ?? 0,
    corsOrigins: readCorsOrigins(env, production),
    introspection: readSwitch(env, "TRACKLINE_INTROSPECTION") ?? !production,
    logLevel: readLogLevel(env),
    notifications: readNotificationConfig(env),
    carrierApiUrls: readCarrierApiUrls(env),
  };
}

/** Each polled carrier's TRACKLINE_<CARRIER>_API_URL, checked to be an http(s) URL. */
function readCarrierApiUrls(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const adapter of CARRIER_ADAPTERS) {
    const variable = adapter.tracking?.baseUrlVariable;
    const value = variable ? env[variable] : undefined;
    if (!variable || !value) continue;
    if (!/^https?:\/\/[^/\s]+/.test(value)) {
      throw new ConfigError(`${variable} must be an http(s) URL, got "${value.split(":")[0]}:..."`);
    }
    urls[adapter.code] = value.replace(/\/+$/, "");
  }
  return urls;
}

/** Email and SMS settings come in pairs: half of one is a mistake to name, not to ignore. */
function readNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const smtpUrl = env.TRACKLINE_SMTP_URL || undefined;
  const from = env.TRACKLINE_MAIL_FROM || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) {
    throw new ConfigError(
      `TRACKLINE_SMTP_URL must be an smtp:// or smtps:// URL, such as smtp://127.0.0.1:2525, got "${smtpUrl.split(":")[0]}:..."`,
    );
  }
  if (Boolean(smtpUrl) !== Boolean(from)) {
    throw new ConfigError(
      'TRACKLINE_SMTP_URL and TRACKLINE_MAIL_FROM go together: set both (From: such as "Shop <orders@shop.example>") or neither',
    );
  }
  const smsUrl = env.TRACKLINE_SMS_URL || undefined;
  const token = env.TRACKLINE_SMS_TOKEN || undefined;
  if (smsUrl && !/^https?:\/\/[^/\s]+/.test(smsUrl)) {
    throw new ConfigError(`TRACKLINE_SMS_URL must be an http(s) URL, got "${smsUrl}"`);
  }
  if (Boolean(smsUrl) !== Boolean(token)) {
    throw new ConfigError(
      "TRACKLINE_SMS_URL and TRACKLINE_SMS_TOKEN go together: set both or neither",
    );
  }
  return {
    email: smtpUrl && from ? { url: smtpUrl, from } : undefined,
    sms: smsUrl && token ? { baseUrl: smsUrl, token } : undefined,
  };
}

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

function readLogLevel(env: NodeJS.ProcessEnv): string {
  const value = env.TRACKLINE_LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(value)) {
    throw new ConfigError(
      `TRACKLINE_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${value}"`,
    );
  }
  return value;
}

/** A budget below one request's cost cap would refuse requests the cap lets through. */
function readRateLimitPoints(env: NodeJS.ProcessEnv): number {
  const points = readPositiveInteger(env, "TRACKLINE_RATE_LIMIT_POINTS", "cost points");
  if (points === undefined) return DEFAULT_RATE_LIMIT_POINTS;
  if (points < REQUEST_LIMITS.maxCost) {
    throw new ConfigError(
      `TRACKLINE_RATE_LIMIT_POINTS must be at least ${REQUEST_LIMITS.maxCost}, the cost one request may have, got "${env.TRACKLINE_RATE_LIMIT_POINTS}"`,
    );
  }
  return points;
}

/** TRACKLINE_CORS_ORIGINS: "*", or origins (scheme://host[:port]) separated by commas. */
function readCorsOrigins(env: NodeJS.ProcessEnv, production: boolean): readonly string[] | "*" {
  const value = env.TRACKLINE_CORS_ORIGINS?.trim();
  if (!value) return production ? [] : "*";
  if (value === "*") return "*";
  const origins = value.split(",").map((origin) => origin.trim());
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {}
    if (!url || url.origin !== origin) {
      throw new ConfigError(
        `TRACKLINE_CORS_ORIGINS must be "*" or origins such as https://app.example.com separated by commas (scheme, host and port only), got "${origin}"`,
      );
    }
  }
  return origins;
}

function readAllowList(env: NodeJS.ProcessEnv): TargetAllowList {
  try {
    return parseAllowList(env.TRACKLINE_WEBHOOK_ALLOW_HOSTS);
  } catch {
    throw new ConfigError(
      `TRACKLINE_WEBHOOK_ALLOW_HOSTS must list host names, addresses or CIDR ranges separated by commas, such as "hooks.internal,10.0.0.0/8", got "${env.TRACKLINE_WEBHOOK_ALLOW_HOSTS}"`,
    );
  }
}

/**
 * TRACKLINE_DEMO_API_KEY: any key, but one that looks like a current key must pass its
 * checksum, or every request with it would be refused as MALFORMED_API_KEY (decision 034).
 */
function readDemoApiKey(env: NodeJS.ProcessEnv): string | undefined {
  const key = env.TRACKLINE_DEMO_API_KEY || undefined;
  if (key && apiKeyShape(key) === "malformed") {
    throw new ConfigError(
      "TRACKLINE_DEMO_API_KEY looks like a tl_live_/tl_test_ key but fails its checksum: copy it again, or leave it unset to have one generated",
    );
  }
  return key;
}

/** TRACKLINE_PUBLIC_URL: scheme, host and any path prefix a proxy adds; pushes are signed over it. */
function readPublicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.TRACKLINE_PUBLIC_URL;
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!url || !["http:", "https:"].includes(url.protocol) || url.search || url.hash) {
    throw new ConfigError(
      `TRACKLINE_PUBLIC_URL must be an http(s) base URL without query, such as https://track.example.com, got "${value}"`,
    );
  }
  return value.replace(/\/+$/, "");
}

/** TRACKLINE_SECRET_KEY; required on PostgreSQL, where instances must share the key (026). */
function readSecretKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  if (env.TRACKLINE_SECRET_KEY) {
    try {
      return parseSecretKey(env.TRACKLINE_SECRET_KEY);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  // A key generated on one host would not be the key of the other instances, so none is made.
  if (isPostgresUrl(env.DATABASE_URL || undefined)) {
    throw new ConfigError(
      "TRACKLINE_SECRET_KEY is required with DATABASE_URL: 32 random bytes as base64 or hex (openssl rand -base64 32), the same for every instance",
    );
  }
  return undefined;
}

/**
 * `1`/`0`, or `true`/`false` as the variable was documented before; unset or empty is the
 * default. Anything else stops the start: `TRACKLINE_SEED_DEMO=no` silently meaning "yes"
 * would seed a demo key into a production database.
 */
function readSwitch(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const value = env[name];
  if (value === undefined || value === "") return undefined;
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw new ConfigError(`${name} must be 1 or 0 (true or false also work), got "${value}"`);
}

function readPositiveInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  unit: string,
): number | undefined {
  const value = env[name];
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new ConfigError(`${name} must be a whole number of ${unit} above 0, got "${value}"`);
  }
  return number;
}

/** `--role X` or `--role=X` wins over TRACKLINE_ROLE; split roles need the shared database. */
function readRole(env: NodeJS.ProcessEnv, argv: readonly string[], mode: string): Role {
  let value = env.TRACKLINE_ROLE || "all";
  let source = "TRACKLINE_ROLE";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--role" || arg.startsWith("--role=")) {
      value = arg === "--role" ? (argv[i + 1] ?? "") : arg.slice("--role=".length);
      source = "--role";
    }
  }
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new ConfigError(`${source} must be one of ${ROLES.join(", ")}, got "${value}"`);
  }
  if (value !== "all" && mode === "embedded") {
    throw new ConfigError(
      `${source} ${value} needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process, which runs every role`,
    );
  }
  return value as Role;
}
