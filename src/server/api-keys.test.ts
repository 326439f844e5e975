import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database.ts";
import { createApiKey, createAuthenticator, hashApiKey } from "./api-keys.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("createAuthenticator", () => {
  it("answers repeat calls from memory until the TTL, then sees a revocation", async () => {
    const { db } = database;
    const tenant = await db.tenant.create({ data: { name: "T" } });
    const key = await createApiKey(db, { tenantId: tenant.id, name: "k" });
    let clock = 1_000;
    const authenticate = createAuthenticator(db, { ttlMs: 10_000, now: () => clock });

    expect((await authenticate(`Bearer ${key}`))?.tenantId).toBe(tenant.id);
    await db.apiKey.update({ where: { hash: hashApiKey(key) }, data: { revokedAt: new Date() } });
    database.queries.length = 0;
    expect((await authenticate(`Bearer ${key}`))?.tenantId).toBe(tenant.id);
    expect(database.queries).toEqual([]);

    clock += 10_001;
    expect(await authenticate(`Bearer ${key}`)).toBeNull();
  });

  it("never remembers a refusal, so a key created a moment later works at once", async () => {
    const { db } = database;
    const tenant = await db.tenant.create({ data: { name: "U" } });
    const authenticate = createAuthenticator(db);
    const key = "tl_test_created_after_a_miss";
    expect(await authenticate(`Bearer ${key}`)).toBeNull();
    await createApiKey(db, { tenantId: tenant.id, name: "late", key });
    expect((await authenticate(`Bearer ${key}`))?.tenantId).toBe(tenant.id);
  });
});
