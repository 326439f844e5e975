import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { DEMO_TENANT_NAME, seedDemo } from "../../prisma/seed/demo.ts";
import { sealClearSecrets } from "../domain/carrier-webhooks.ts";
import { createApiKey } from "./api-keys.ts";
import { buildApp } from "./app.ts";
import { readConfig } from "./config.ts";
import { openDatabase } from "./database.ts";
import { applyMigrations } from "./migrate.ts";
import { createTracklinePubSub } from "./pubsub.ts";
import { openSecretBox } from "./secret-key.ts";

const config = readConfig();
const driver = await openDatabase({
  DATABASE_URL: config.databaseUrl,
  TRACKLINE_DATA_DIR: config.dataDir,
});
const applied = await applyMigrations(driver);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
const db = new PrismaClient({ adapter: driver.adapter });
const { pubsub, close: closePubSub } = createTracklinePubSub(config.redisUrl);
const { secretBox, createdKeyFile } = openSecretBox(config);
if (createdKeyFile)
  console.log(`Generated the secret key ${createdKeyFile}: back it up apart from the data`);
// Also refuses to start when the key does not open the secrets already sealed.
const sealed = await sealClearSecrets(db, secretBox);
if (sealed > 0) console.log(`Sealed ${sealed} webhook secrets stored in the clear`);

const demoApiKey = config.seedDemo ? await ensureDemo() : undefined;
const app = buildApp({ db, pubsub, demoApiKey, secretBox });
const port = await app.listen(config.port);
const resumed = await app.resumePendingWork();
if (resumed > 0) console.log(`Resumed ${resumed} stored webhook deliveries`);

console.log(`trackline (${driver.mode} database${config.redisUrl ? ", Redis pub/sub" : ""})`);
console.log(`GraphiQL:  http://localhost:${port}/graphql`);
if (demoApiKey) console.log(`Demo key:  ${demoApiKey}   (Authorization: Bearer <key>)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await app.close();
    await closePubSub();
    await db.$disconnect();
    await driver.close();
    process.exit(0);
  });
}

/**
 * Seeds the demo tenant into an empty database. The plain key is kept in the data directory
 * (embedded mode only) so a restart can print it again; only its hash is in the database.
 */
async function ensureDemo(): Promise<string | undefined> {
  const keyFile = driver.mode === "embedded" ? path.resolve(config.dataDir, "demo-api-key") : null;
  if ((await db.tenant.count()) === 0) {
    const key = await seedDemo(db, { now: new Date(), apiKey: config.demoApiKey });
    if (keyFile) writeFileSync(keyFile, key, { mode: 0o600 });
    return key;
  }
  const tenant = await db.tenant.findFirst({ where: { name: DEMO_TENANT_NAME } });
  if (!tenant) return undefined;
  if (config.demoApiKey) {
    const known = await db.apiKey.findFirst({
      where: { tenantId: tenant.id, prefix: config.demoApiKey.slice(0, 12) },
    });
    if (!known)
      await createApiKey(db, { tenantId: tenant.id, name: "demo", key: config.demoApiKey });
    return config.demoApiKey;
  }
  if (keyFile && existsSync(keyFile)) return readFileSync(keyFile, "utf8").trim();
  return createApiKey(db, { tenantId: tenant.id, name: "demo" });
}
