import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/server/api-keys.ts";
import { graphql } from "./generated/index.ts";
import { startTestServer, type TestServer, type TestTenant } from "./helpers/test-server.ts";

let server: TestServer;
let other: TestTenant;
let clock = new Date("2026-11-20T12:00:00Z");
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  other = await server.createTenant("Tenant B");
});
afterAll(() => server.close());

const CreateKey = graphql(`
  mutation CreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt }
      errors { code field message }
    }
  }
`);

const ListKeys = graphql(`
  query ListKeys { apiKeys { id name prefix scopes expiresAt revokedAt } }
`);

const RotateKey = graphql(`
  mutation RotateKey($input: RotateApiKeyInput!) {
    rotateApiKey(input: $input) {
      key
      apiKey { id name scopes }
      errors { code field message }
    }
  }
`);

const RevokeKey = graphql(`
  mutation RevokeKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) { apiKey { id revokedAt } errors { code field } }
  }
`);

/** The status and error code a key gets for a small query. */
async function probe(apiKey: string, url = server.url) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: "{ stores { id } }" }),
  });
  const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions.code ?? null };
}

/** A key of tenant A with orders:read and keys:manage, made over GraphQL. */
async function newKey() {
  const result = await server.request(CreateKey, {
    input: { name: "integration", scopes: ["ORDERS_READ", "KEYS_MANAGE"] },
  });
  const payload = result.data?.createApiKey;
  if (!payload?.key || !payload.apiKey) throw new Error(JSON.stringify(result));
  return { key: payload.key, id: payload.apiKey.id };
}

describe("createApiKey and apiKeys", () => {
  it("shows a new key once, in the checksummed format, and lists keys without it", async () => {
    const result = await server.request(CreateKey, {
      input: { name: "ERP", scopes: ["ORDERS_READ", "TRACKING_WRITE"] },
    });
    const payload = result.data?.createApiKey;
    expect(payload?.errors).toEqual([]);
    expect(payload?.key).toMatch(/^tl_live_[0-9A-Za-z]{49}$/);
    expect(payload?.apiKey).toMatchObject({
      name: "ERP",
      prefix: payload?.key?.slice(0, 12),
      scopes: ["ORDERS_READ", "TRACKING_WRITE"],
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    expect(await probe(payload?.key ?? "")).toEqual({ status: 200, code: null });

    const listed = await server.request(ListKeys);
    expect(listed.data?.apiKeys.map((key) => key.name)).toContain("ERP");
    expect(JSON.stringify(listed)).not.toContain(payload?.key);
    const row = await server.database.db.apiKey.findUniqueOrThrow({
      where: { id: payload?.apiKey?.id ?? "" },
    });
    expect(row.hash).not.toContain(payload?.key?.slice(12, 30));
  });

  it("lists only the caller's tenant's keys", async () => {
    const ofB = await server.request(ListKeys, {}, other.apiKey);
    const ofA = await server.request(ListKeys);
    const idsOfA = new Set(ofA.data?.apiKeys.map((key) => key.id));
    expect(ofB.data?.apiKeys.length).toBeGreaterThan(0);
    expect(ofB.data?.apiKeys.some((key) => idsOfA.has(key.id))).toBe(false);
  });

  it("never grants scopes the asking key lacks, naming the field", async () => {
    const { key } = await newKey();
    const result = await server.request(
      CreateKey,
      { input: { name: "wider", scopes: ["ORDERS_READ", "ORDERS_WRITE"] } },
      key,
    );
    expect(result.data?.createApiKey).toMatchObject({
      key: null,
      apiKey: null,
      errors: [
        { code: "FORBIDDEN", field: "scopes", message: expect.stringContaining("orders:write") },
      ],
    });
  });

  it("refuses an expiry in the past, and a key past its expiry gets 401 API_KEY_EXPIRED", async () => {
    const past = await server.request(CreateKey, {
      input: { name: "old", scopes: ["ORDERS_READ"], expiresAt: "2026-11-19T12:00:00Z" },
    });
    expect(past.data?.createApiKey.errors).toEqual([
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE", field: "expiresAt" }),
    ]);
    const soon = await server.request(CreateKey, {
      input: { name: "soon", scopes: ["ORDERS_READ"], expiresAt: "2026-11-20T13:00:01+01:00" },
    });
    const key = soon.data?.createApiKey.key ?? "";
    expect(await probe(key)).toEqual({ status: 200, code: null });
    clock = new Date("2026-11-20T12:00:01Z");
    try {
      expect(await probe(key)).toEqual({ status: 401, code: "API_KEY_EXPIRED" });
    } finally {
      clock = new Date("2026-11-20T12:00:00Z");
    }
  });

  it("answers 401 MALFORMED_API_KEY to a mistyped key and UNAUTHENTICATED to a wrong one", async () => {
    const { key } = await newKey();
    const typo = `${key.slice(0, 20)}${key[20] === "A" ? "B" : "A"}${key.slice(21)}`;
    expect(await probe(typo)).toEqual({ status: 401, code: "MALFORMED_API_KEY" });
    const wrong = (
      await server.request(CreateKey, { input: { name: "w", scopes: ["ORDERS_READ"] } })
    ).data?.createApiKey.key;
    await server.database.db.apiKey.deleteMany({ where: { name: "w" } });
    expect(await probe(wrong ?? "")).toEqual({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("needs keys:manage for every key operation", async () => {
    const reader = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "reader",
      scopes: ["orders:read"],
    });
    const list = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${reader}` },
      body: JSON.stringify({ query: print(ListKeys) }),
    });
    expect(list.status).toBe(403);
    const create = await server.request(CreateKey, { input: { name: "x", scopes: [] } }, reader);
    expect(create.data?.createApiKey.errors[0]?.code).toBe("FORBIDDEN");
    const revoke = await server.request(RevokeKey, { input: { id: "x" } }, reader);
    expect(revoke.data?.revokeApiKey.errors[0]?.code).toBe("FORBIDDEN");
  });
});

describe("rotateApiKey", () => {
  it("returns a new key at once; the old one works for graceSeconds, then stops", async () => {
    const { key: old, id } = await newKey();
    expect(await probe(old)).toEqual({ status: 200, code: null });
    const rotated = await server.request(RotateKey, { input: { id, graceSeconds: 60 } });
    const payload = rotated.data?.rotateApiKey;
    expect(payload?.errors).toEqual([]);
    expect(payload?.key).toMatch(/^tl_live_/);
    expect(payload?.apiKey).toMatchObject({
      name: "integration",
      scopes: ["ORDERS_READ", "KEYS_MANAGE"],
    });
    expect(await probe(payload?.key ?? "")).toEqual({ status: 200, code: null });
    expect(await probe(old)).toEqual({ status: 200, code: null });

    clock = new Date("2026-11-20T12:01:00Z");
    try {
      expect(await probe(old)).toEqual({ status: 401, code: "API_KEY_EXPIRED" });
      expect(await probe(payload?.key ?? "")).toEqual({ status: 200, code: null });
    } finally {
      clock = new Date("2026-11-20T12:00:00Z");
    }
  });

  it("refuses a key with scopes the caller lacks, an unknown id and a grace over 7 days", async () => {
    const { key, id } = await newKey();
    const fullKeys = await server.request(ListKeys);
    const full = fullKeys.data?.apiKeys.find((k) => k.name === "test");
    const wider = await server.request(
      RotateKey,
      { input: { id: full?.id ?? "", graceSeconds: 0 } },
      key,
    );
    expect(wider.data?.rotateApiKey.errors).toEqual([
      expect.objectContaining({ code: "FORBIDDEN", field: "id" }),
    ]);
    const ofB = await server.request(RotateKey, { input: { id, graceSeconds: 0 } }, other.apiKey);
    expect(ofB.data?.rotateApiKey.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "id" });
    const long = await server.request(RotateKey, { input: { id, graceSeconds: 8 * 86_400 } });
    expect(long.data?.rotateApiKey.errors[0]).toMatchObject({
      code: "TOO_LARGE",
      field: "graceSeconds",
    });
  });
});

describe("revokeApiKey", () => {
  it("stops a key at once although it was just used (cached), and is tenant-scoped", async () => {
    const { key, id } = await newKey();
    expect(await probe(key)).toEqual({ status: 200, code: null });
    const byB = await server.request(RevokeKey, { input: { id } }, other.apiKey);
    expect(byB.data?.revokeApiKey.errors[0]?.code).toBe("NOT_FOUND");
    expect(await probe(key)).toEqual({ status: 200, code: null });

    const revoked = await server.request(RevokeKey, { input: { id } });
    expect(revoked.data?.revokeApiKey).toMatchObject({ apiKey: { id }, errors: [] });
    expect(revoked.data?.revokeApiKey.apiKey?.revokedAt).not.toBeNull();
    expect(await probe(key)).toEqual({ status: 401, code: "UNAUTHENTICATED" });
  });
});
