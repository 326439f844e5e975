import { isPostgresUrl } from "./database.ts";
import { parseSecretKey } from "./secret-key.ts";

/** Everything trackline reads from the environment, in one place; defaults run the demo. */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  demoApiKey: string | undefined;
  /** Seed a demo tenant when the database is empty (embedded mode's default). */
  seedDemo: boolean;
  /** Seals webhook signing secrets at rest (decision 026); embedded mode makes one when unset. */
  secretKey: Buffer | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.TRACKLINE_DATA_DIR || "data",
    redisUrl: env.REDIS_URL || undefined,
    demoApiKey: env.TRACKLINE_DEMO_API_KEY || undefined,
    seedDemo: env.TRACKLINE_SEED_DEMO !== "false",
    secretKey: readSecretKey(env),
  };
}

/** TRACKLINE_SECRET_KEY; required on PostgreSQL, where instances must share the key (026). */
function readSecretKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  if (env.TRACKLINE_SECRET_KEY) return parseSecretKey(env.TRACKLINE_SECRET_KEY);
  // A key generated on one host would not be the key of the other instances, so none is made.
  if (isPostgresUrl(env.DATABASE_URL || undefined)) {
    throw new Error(
      "TRACKLINE_SECRET_KEY is required with DATABASE_URL: 32 random bytes as base64 or hex (openssl rand -base64 32), the same for every instance",
    );
  }
  return undefined;
}
