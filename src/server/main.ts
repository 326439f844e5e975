import { createServer, type RequestListener, type Server } from "node:http";
import path from "node:path";
import { Redis } from "ioredis";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { sealClearSecrets } from "../domain/carrier-webhooks.ts";
import { warmPlaces } from "../places/index.ts";
import { PUBLIC_RATE_LIMIT_PREFIX, PUBLIC_REQUESTS_PER_MINUTE } from "./access-policy.ts";
import { buildApp } from "./app.ts";
import { ConfigError, readConfig } from "./config.ts";
import { DataDirLockedError, lockDataDir, prepareDataDir } from "./data-dir.ts";
import { openDatabase } from "./database.ts";
import { type DemoOutcome, ensureDemo } from "./demo.ts";
import { createEmailChannel } from "./email-channel.ts";
import { startJobEngine } from "./job-queue.ts";
import { createKeyRateLimiter, createSubscriptionCounter } from "./key-limits.ts";
import { LIVE_MAP_PATH } from "./live-map-route.ts";
import { createLogger } from "./logger.ts";
import { applyMigrations } from "./migrate.ts";
import { createTracklinePubSub } from "./pubsub.ts";
import { createRateGate } from "./rate-gate.ts";
import { createRedisResponseStore, RESPONSE_CACHE_PREFIX } from "./response-cache.ts";
import { openSecretBox } from "./secret-key.ts";
import { createSmsChannel } from "./sms-channel.ts";
import { replyError } from "./transport-limits.ts";
import { createWebhookSender } from "./webhook-sender.ts";
import { createLocalGeneration, createRedisGeneration } from "./write-generation.ts";

/** A start-up failure whose message says it all (no stack trace needed). */
class StartError extends Error {}

/** What to undo on shutdown, newest first. */
const closers: (() => Promise<void> | void)[] = [];

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    for (const close of closers.reverse()) await close();
    process.exit(0);
  });
}

try {
  await start();
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof StartError
  ) {
    console.error(`trackline: ${error.message}`);
  } else {
    console.error("trackline failed to start:", error);
  }
  process.exit(1);
}

async function start(): Promise<void> {
  const config = readConfig();
  // Bound first: a busy port stops the start before the data directory is created, locked,
  // migrated or seeded. Until the app is ready, requests get a 503.
  const starting: RequestListener = (_req, res) =>
    replyError(res, 503, "STARTING", "trackline is starting", { "retry-after": "2" });
  const server = createServer(starting);
  const port = await listen(server, config.port, config.host);
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const dataDir = path.resolve(config.dataDir);
  if (config.mode === "embedded") {
    prepareDataDir(dataDir);
    const lock = lockDataDir(dataDir);
    // 'exit' also runs after an uncaught error; a kill -9 leaves a lock the next start takes over.
    process.once("exit", () => lock.release());
  }

  // Commands fail at once while Redis is away (no offline queue), so the key limiter falls back
  // to its in-memory window instead of holding requests, and the response cache stands aside.
  const limitsRedis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : undefined;
  limitsRedis?.on("error", () => {});
  closers.push(async () => {
    await limitsRedis?.quit();
  });
  // Every instance's writes move one shared generation (decision 049).
  const generation = limitsRedis
    ? createRedisGeneration(limitsRedis, `${RESPONSE_CACHE_PREFIX}generation`)
    : createLocalGeneration();
  const driver = await openDatabase(
    { DATABASE_URL: config.databaseUrl, TRACKLINE_DATA_DIR: dataDir },
    { durable: config.fsync, pool: config.pool, generation },
  );
  closers.push(() => driver.close());
  const applied = await applyMigrations(driver);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = new PrismaClient({ adapter: driver.adapter });
  closers.push(() => db.$disconnect());
  const jobs = await startJobEngine(driver);
  closers.push(() => jobs.stop());
  const rateGate = createRateGate(config.redisUrl);
  closers.push(() => rateGate.close());
  const pubsubHandle = createTracklinePubSub(config.redisUrl);
  const { pubsub } = pubsubHandle;
  closers.push(pubsubHandle.close);
  const { secretBox, createdKeyFile } = openSecretBox({ ...config, dataDir });
  if (createdKeyFile) {
    console.log(`Generated the secret key ${createdKeyFile}: back it up apart from the data`);
  }
  // Also refuses to start when the key does not open the secrets already sealed.
  const sealed = await sealClearSecrets(db, secretBox);
  if (sealed > 0) console.log(`Sealed ${sealed} webhook secrets stored in the clear`);

  const demo = config.seedDemo
    ? await ensureDemo(db, driver, {
        now: new Date(),
        givenKey: config.demoApiKey,
        keyFile: config.mode === "embedded" ? path.join(dataDir, "demo-api-key") : undefined,
      })
    : undefined;
  const demoKey = demo && "apiKey" in demo ? demo.apiKey : undefined;

  server.off("request", starting);
  const app = buildApp({
    logger: createLogger({ level: config.logLevel }),
    db,
    pubsub,
    server,
    graphiql: config.graphiql,
    demoApiKey: config.prefillGraphiQL ? demoKey : undefined,
    limits: { maxBodyBytes: config.maxBodyBytes },
    secretBox,
    jobs,
    rateGate: rateGate.gate,
    publicUrl: config.publicUrl,
    carrierApiUrls: config.carrierApiUrls,
    webhookSender: createWebhookSender(config.webhookAllowList),
    readinessChecks: config.redisUrl ? { redis: pubsubHandle.ping } : undefined,
    metricsToken: config.metricsToken,
    serveApi: config.role !== "worker",
    responseCache: config.responseCache
      ? {
          generation,
          store: limitsRedis
            ? createRedisResponseStore(limitsRedis, `${RESPONSE_CACHE_PREFIX}answer:`)
            : undefined,
        }
      : undefined,
    access: {
      rateLimiter: createKeyRateLimiter({
        pointsPerMinute: config.rateLimitPoints,
        redis: limitsRedis,
      }),
      subscriptions: createSubscriptionCounter(config.maxSubscriptionsPerKey),
      corsOrigins: config.corsOrigins,
      publicRateLimiter: createKeyRateLimiter({
        pointsPerMinute: PUBLIC_REQUESTS_PER_MINUTE,
        redis: limitsRedis,
        keyPrefix: PUBLIC_RATE_LIMIT_PREFIX,
      }),
      trustedProxyHops: config.trustedProxyHops,
      production: config.production,
      introspection: config.introspection,
    },
    notificationChannels: {
      email: config.notifications.email ? createEmailChannel(config.notifications.email) : null,
      sms: config.notifications.sms
        ? createSmsChannel({ ...config.notifications.sms, fetch: globalThis.fetch })
        : null,
    },
  });
  // The gazetteer (~0.4 s) loads once the app answers, so the first events need not wait for it.
  warmPlaces();
  // Stops taking requests (readiness 503, WebSockets closed with 1001), lets those in flight
  // finish, then lets running jobs finish, before anything they use is closed.
  closers.push(async () => {
    await app.close();
    await jobs.stop();
  });
  // An api instance only enqueues: the workers (of any instance) run the jobs.
  if (config.role !== "api") {
    await app.startWorkers();
    const resumed = await app.resumePendingWork();
    if (resumed > 0) console.log(`Resumed ${resumed} stored webhook deliveries`);
  }

  const where = config.mode === "embedded" ? `embedded database in ${dataDir}` : "PostgreSQL";
  const role = config.role === "all" ? "" : `, role ${config.role}`;
  console.log(`trackline (${where}${config.redisUrl ? ", Redis pub/sub" : ""}${role})`);
  const base = `http://${displayHost(config.host)}:${port}`;
  if (config.role === "worker") console.log(`Health:    ${base}/readyz`);
  else {
    console.log(config.graphiql ? `GraphiQL:  ${base}/graphql` : `GraphQL:   ${base}/graphql`);
    console.log(`Live map:  ${base}${LIVE_MAP_PATH}`);
  }
  if (demo) {
    const keptInFile = config.mode === "embedded";
    console.log(
      describeDemo(demo, { given: config.demoApiKey, production: config.production, keptInFile }),
    );
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new StartError(`port ${port} on ${host} is in use: stop what holds it or set PORT`));
      } else if (error.code === "EACCES" || error.code === "EADDRNOTAVAIL") {
        reject(
          new StartError(`cannot listen on ${host}:${port} (${error.code}): check HOST and PORT`),
        );
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/** A host to type into a browser: "everywhere" is reachable as localhost. */
function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * The demo key is printed so the operator can use it; a key from TRACKLINE_DEMO_API_KEY is
 * theirs already and, in production, stays out of the logs.
 */
function describeDemo(
  demo: DemoOutcome,
  options: { given?: string; production: boolean; keptInFile: boolean },
): string {
  switch (demo.kind) {
    case "absent":
      return "Demo:      not seeded (the database already has tenants)";
    case "key-unavailable":
      return `Demo:      the demo tenant exists; ${demo.why}`;
    case "seeded":
    case "existing": {
      if (demo.apiKey === options.given && options.production) {
        return "Demo key:  the one in TRACKLINE_DEMO_API_KEY";
      }
      const once =
        demo.kind === "seeded" && !options.keptInFile
          ? "   (shown once: only its hash is stored)"
          : "";
      return `Demo key:  ${demo.apiKey}   (Authorization: Bearer <key>)${once}`;
    }
  }
}
