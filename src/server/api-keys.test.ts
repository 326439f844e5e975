import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database.ts";
import { apiKeyShape } from "../domain/api-key-format.ts";
import { createApiKey, createAuthenticator, generateApiKey, hashApiKey } from "./api-keys.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("the key format", () => {
  it("is a typed prefix, 43 base62 characters of randomness and a 6-character checksum", () => {
    const live = generateApiKey("live");
    expect(live).toMatch(/^tl_live_[0-9A-Za-z]{49}$/);
    expect(generateApiKey("test")).toMatch(/^tl_test_[0-9A-Za-z]{49}$/);
    expect(apiKeyShape(live)).toBe("current");
    expect(new Set(Array.from({ length: 50 }, () => generateApiKey())).size).toBe(50);
  });

  it("tells a mistyped or truncated key from a wrong one", () => {
    const key = generateApiKey("live");
    const last = key.at(-1) === "a" ? "b" : "a";
    expect(apiKeyShape(key.slice(0, -1) + last)).toBe("malformed");
    const middle = key.length - 20;
    const swapped = `${key.slice(0, middle)}${key[middle + 1]}${key[middle]}${key.slice(middle + 2)}`;
    if (swapped !== key) expect(apiKeyShape(swapped)).toBe("malformed");
    expect(apiKeyShape(key.slice(0, -1))).toBe("malformed");
    expect(apiKeyShape(generateApiKey("live"))).toBe("current");
  });

  it("treats keys from before the format (and chosen demo keys) as legacy: looked up, not checked", () => {
    expect(apiKeyShape(`tl_test_${randomBytes(24).toString("base64url")}`)).toBe("legacy");
    expect(apiKeyShape("tl_test_demo_given")).toBe("legacy");
    expect(apiKeyShape("anything")).toBe("legacy");
  });
});

describe("createAuthenticator", () => {
  it("answers repeat calls from memory until the TTL, then sees a revocation", async () => {
    const { db } = database;
    const tenant = await db.tenant.create({ data: { name: "T" } });
    const key = await createApiKey(db, { tenantId: tenant.id, name: "k" });
    let clock = 1_000;
    const authenticate = createAuthenticator(db, { ttlMs: 10_000, now: () => clock });

    expect((await authenticate(`Bearer ${key}`)).viewer?.tenantId).toBe(tenant.id);
    await authenticate.settled();
    await db.apiKey.update({ where: { hash: hashApiKey(key) }, data: { revokedAt: new Date() } });
    database.queries.length = 0;
    expect((await authenticate(`Bearer ${key}`)).viewer?.tenantId).toBe(tenant.id);
    expect(database.queries).toEqual([]);

    clock += 10_001;
    expect((await authenticate(`Bearer ${key}`)).refusal?.code).toBe("UNAUTHENTICATED");
  });

  it("forgets a key at once when told (a revocation announced over the pub/sub)", async () => {
    const { db } = database;
    const tenant = await db.tenant.create({ data: { name: "F" } });
    const key = await createApiKey(db, { tenantId: tenant.id, name: "k" });
    const authenticate = createAuthenticator(db);
    const viewer = (await authenticate(`Bearer ${key}`)).viewer;
    await db.apiKey.update({ where: { hash: hashApiKey(key) }, data: { revokedAt: new Date() } });
    authenticate.forget(viewer?.apiKeyId ?? "");
    expect((await authenticate(`Bearer ${key}`)).refusal?.code).toBe("UNAUTHENTICATED");
    await authenticate.settled();
  });

  it("never remembers a refusal, so a key created a moment later works at once", async () => {
    const { db } = database;
    const tenant = await db.tenant.create({ data: { name: "U" } });
    const authenticate = createAuthenticator(db);
    const key = "tl_test_created_after_a_miss";
    expect((await authenticate(`Bearer ${key}`)).viewer).toBeUndefined();
    await createApiKey(db, { tenantId: tenant.id, name: "late", key });
    expect((await authenticate(`Bearer ${key}`)).viewer?.tenantId).toBe(tenant.id);
    await authenticate.settled();
  });

  it("refuses a key failing its checksum as MALFORMED_API_KEY without a lookup", async () => {
    const authenticate = createAuthenticator(database.db);
    const key = generateApiKey("live");
    database.queries.length = 0;
    const result = await authenticate(`Bearer ${key.slice(0, -1)}${key.endsWith("x") ? "y" : "x"}`);
    expect(result.refusal?.code).toBe("MALFORMED_API_KEY");
    expect(database.queries).toEqual([]);
    expect((await authenticate(`Bearer ${key}`)).refusal?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses an expired key as API_KEY_EXPIRED, also from memory", async () => {
    const { db } = database;
    const tenant = await db.tenant.create({ data: { name: "E" } });
    const expiresAt = new Date("2026-11-20T12:00:00Z");
    const key = await createApiKey(db, { tenantId: tenant.id, name: "k", expiresAt });
    let at = new Date("2026-11-20T11:59:59Z");
    const authenticate = createAuthenticator(db, { keyClock: () => at });
    expect((await authenticate(`Bearer ${key}`)).viewer?.tenantId).toBe(tenant.id);
    at = expiresAt;
    expect((await authenticate(`Bearer ${key}`)).refusal?.code).toBe("API_KEY_EXPIRED");
    await authenticate.settled();
  });

  it("records lastUsedAt at most once a minute per key", async () => {
    const { db } = database;
    const tenant = await db.tenant.create({ data: { name: "L" } });
    const key = await createApiKey(db, { tenantId: tenant.id, name: "k" });
    let at = new Date("2026-11-20T12:00:00Z");
    const authenticate = createAuthenticator(db, { keyClock: () => at });
    const writes = () => database.queries.filter((sql) => /UPDATE "[^"]*"?\.?"?ApiKey"/.test(sql));
    database.queries.length = 0;
    for (let i = 0; i < 20; i++) {
      at = new Date(at.getTime() + 2_000);
      await authenticate(`Bearer ${key}`);
    }
    await authenticate.settled();
    expect(writes()).toHaveLength(1);
    const row = await db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(key) } });
    expect(row.lastUsedAt?.toISOString()).toBe("2026-11-20T12:00:02.000Z");

    at = new Date(at.getTime() + 60_000);
    await authenticate(`Bearer ${key}`);
    await authenticate.settled();
    expect(writes()).toHaveLength(2);
  });
});
