import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { createTenantWithKey, MAX_TENANT_NAME_LENGTH } from "../domain/tenants.ts";
import { DataDirLockedError, lockDataDir, prepareDataDir } from "./data-dir.ts";
import { isPostgresUrl, openDatabase } from "./database.ts";
import { applyMigrations } from "./migrate.ts";

/**
 * `npm run tenant:create -- --name "Acme"`: a tenant and its first key (every scope), printed
 * once. On PostgreSQL it runs beside the servers. The embedded database admits one process at a
 * time, so there it needs the server stopped (decision 034).
 */
class UsageError extends Error {}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`tenant:create: ${error.message}`);
  } else {
    console.error("tenant:create failed:", error);
  }
  process.exit(1);
}

async function main(): Promise<void> {
  const name = readName();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    throw new UsageError("DATABASE_URL must start with postgres:// or postgresql://");
  }
  const dataDir = path.resolve(process.env.TRACKLINE_DATA_DIR || "data");
  let release = () => {};
  if (!databaseUrl) {
    prepareDataDir(dataDir);
    try {
      release = lockDataDir(dataDir).release;
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      throw new UsageError(
        `${error.message}.\nThe embedded database admits one process at a time: stop the server, run this command, then start the server again (with PostgreSQL, DATABASE_URL, it runs beside the server).`,
      );
    }
    process.once("exit", () => release());
  }
  const database = await openDatabase({ DATABASE_URL: databaseUrl, TRACKLINE_DATA_DIR: dataDir });
  try {
    await applyMigrations(database);
    const db = new PrismaClient({ adapter: database.adapter });
    try {
      const { tenantId, apiKey } = await createTenantWithKey(db, { name });
      console.log(`Tenant:   ${name} (${tenantId})`);
      console.log(`API key:  ${apiKey}`);
      console.log("          shown once: only its hash is stored. It holds every scope;");
      console.log("          make narrower keys with the createApiKey mutation.");
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.close();
    release();
  }
}

function readName(): string {
  let values: { name?: string };
  try {
    ({ values } = parseArgs({ options: { name: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}\nusage: npm run tenant:create -- --name "Acme"`,
    );
  }
  const name = values.name?.trim() ?? "";
  if (!name) throw new UsageError('give the tenant a name: npm run tenant:create -- --name "Acme"');
  if (name.length > MAX_TENANT_NAME_LENGTH) {
    throw new UsageError(`the name is longer than ${MAX_TENANT_NAME_LENGTH} characters`);
  }
  return name;
}
