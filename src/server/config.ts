/** Everything trackline reads from the environment, in one place; defaults run the demo. */
export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  demoApiKey: string | undefined;
  /** Seed a demo tenant when the database is empty (embedded mode's default). */
  seedDemo: boolean;
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
  };
}
