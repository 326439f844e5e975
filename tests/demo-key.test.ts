import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../src/server/api-keys.ts";
import { ensureDemo } from "../src/server/demo.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

const now = new Date("2026-11-21T08:00:00Z");
const dir = mkdtempSync(path.join(tmpdir(), "trackline-demo-"));
const keyFile = path.join(dir, "demo-api-key");
let database: TestDatabase;
let seededKey: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await ensureDemo(database.db, database.handle, { now, keyFile });
  if (outcome.kind !== "seeded") throw new Error(`expected a seed, got ${outcome.kind}`);
  seededKey = outcome.apiKey;
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const demoKeys = () => database.db.apiKey.count({ where: { tenant: { name: "Demo Seller" } } });

describe("demo tenant across restarts", () => {
  it("seeds once, keeping the plain key in an owner-only file", async () => {
    expect(readFileSync(keyFile, "utf8")).toBe(seededKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await database.db.apiKey.count({ where: { hash: hashApiKey(seededKey) } })).toBe(1);
    expect(await database.db.tenant.count()).toBe(1);
  });

  it("reuses the stored key on an embedded restart", async () => {
    const outcome = await ensureDemo(database.db, database.handle, { now, keyFile });
    expect(outcome).toEqual({ kind: "existing", apiKey: seededKey });
    expect(await demoKeys()).toBe(1);
  });

  it("never mints another key when the plain key cannot be recovered (PostgreSQL restarts)", async () => {
    for (let restart = 0; restart < 3; restart++) {
      const outcome = await ensureDemo(database.db, database.handle, { now });
      expect(outcome).toMatchObject({
        kind: "key-unavailable",
        why: expect.stringContaining("shown when it was seeded"),
      });
    }
    expect(await demoKeys()).toBe(1);
  });

  it("does not register a TRACKLINE_DEMO_API_KEY the demo tenant does not have", async () => {
    const outcome = await ensureDemo(database.db, database.handle, {
      now,
      givenKey: "tl_test_chosen_later",
    });
    expect(outcome).toMatchObject({
      kind: "key-unavailable",
      why: expect.stringContaining("TRACKLINE_DEMO_API_KEY"),
    });
    expect(await demoKeys()).toBe(1);
    const same = await ensureDemo(database.db, database.handle, { now, givenKey: seededKey });
    expect(same).toEqual({ kind: "existing", apiKey: seededKey });
  });

  it("says so when the key file no longer names a live key", async () => {
    const tenant = await database.db.tenant.findFirstOrThrow();
    await database.db.apiKey.updateMany({
      where: { tenantId: tenant.id },
      data: { revokedAt: now },
    });
    const outcome = await ensureDemo(database.db, database.handle, { now, keyFile });
    expect(outcome).toMatchObject({
      kind: "key-unavailable",
      why: expect.stringContaining(keyFile),
    });
    unlinkSync(keyFile);
    expect(await ensureDemo(database.db, database.handle, { now, keyFile })).toMatchObject({
      kind: "key-unavailable",
    });
    expect(await demoKeys()).toBe(1);
  });
});

describe("demo tenant in a database that has others", () => {
  it("seeds nothing", async () => {
    // The same database, its only tenant renamed: a database without a demo tenant.
    await database.db.tenant.updateMany({ data: { name: "Real Seller" } });
    try {
      expect(await ensureDemo(database.db, database.handle, { now })).toEqual({ kind: "absent" });
      expect(await database.db.tenant.count()).toBe(1);
    } finally {
      await database.db.tenant.updateMany({ data: { name: "Demo Seller" } });
    }
  });
});
