import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { DEMO_TENANT_NAME, seedDemo } from "../../prisma/seed/demo.ts";
import { generateApiKey, hashApiKey } from "./api-keys.ts";
import { FILE_MODE } from "./data-dir.ts";
import type { DatabaseHandle } from "./database.ts";

/** What start-up found or did about the demo tenant. */
export type DemoOutcome =
  /** Seeded now; `apiKey` is the tenant's only key. */
  | { kind: "seeded"; apiKey: string }
  /** Seeded before; `apiKey` is its key, read from the key file or confirmed from the env. */
  | { kind: "existing"; apiKey: string }
  /** Seeded before, and its plain key cannot be recovered here: `why` says so. */
  | { kind: "key-unavailable"; why: string }
  /** The database holds other tenants and no demo: nothing to do. */
  | { kind: "absent" };

export interface DemoOptions {
  now: Date;
  /** TRACKLINE_DEMO_API_KEY: the key to seed with, or to recognise on a later start. */
  givenKey?: string;
  /** Embedded mode keeps the plain key here (0600) so a restart can show it again. */
  keyFile?: string;
}

/** The advisory lock held while seeding, so instances starting together seed once. */
const DEMO_SEED_LOCK = 72707370;

/**
 * Seeds the demo tenant into an empty database, or finds the one seeded before. Never mints a
 * second key: a restart reuses the key it can recover and otherwise says why it cannot
 * (docs/decisions/027-safe-defaults.md).
 */
export async function ensureDemo(
  db: PrismaClient,
  database: DatabaseHandle,
  options: DemoOptions,
): Promise<DemoOutcome> {
  return database.session(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [DEMO_SEED_LOCK]);
    try {
      return await ensureDemoLocked(db, options);
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [DEMO_SEED_LOCK]);
    }
  });
}

async function ensureDemoLocked(db: PrismaClient, options: DemoOptions): Promise<DemoOutcome> {
  const { givenKey, keyFile } = options;
  if ((await db.tenant.count()) === 0) {
    const apiKey = givenKey ?? generateApiKey();
    // Written before seeding: a start that dies half-way leaves a key the next start can show.
    if (keyFile) writeFileSync(keyFile, apiKey, { mode: FILE_MODE });
    await seedDemo(db, { now: options.now, apiKey });
    return { kind: "seeded", apiKey };
  }
  const tenant = await db.tenant.findFirst({ where: { name: DEMO_TENANT_NAME } });
  if (!tenant) return { kind: "absent" };
  const isLiveKey = async (key: string) =>
    (await db.apiKey.count({
      where: { tenantId: tenant.id, hash: hashApiKey(key), revokedAt: null },
    })) > 0;
  if (givenKey) {
    if (await isLiveKey(givenKey)) return { kind: "existing", apiKey: givenKey };
    return {
      kind: "key-unavailable",
      why: "TRACKLINE_DEMO_API_KEY is not a live key of the demo tenant (it only chooses the key when the demo is first seeded); no key was added",
    };
  }
  if (keyFile && existsSync(keyFile)) {
    const stored = readFileSync(keyFile, "utf8").trim();
    if (await isLiveKey(stored)) return { kind: "existing", apiKey: stored };
    return {
      kind: "key-unavailable",
      why: `the key in ${keyFile} is no longer a live key of the demo tenant; no key was added`,
    };
  }
  return {
    kind: "key-unavailable",
    why: "its key was shown when it was seeded (only its hash is stored); no new key was created",
  };
}
