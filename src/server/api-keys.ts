import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Viewer } from "../schema/context.ts";

export const SCOPES = ["read", "write"] as const;
export type Scope = (typeof SCOPES)[number];

/** Keys are 32 random bytes: SHA-256 is enough (no salt or slow hash needed for that entropy). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(kind: "test" | "live" = "test"): string {
  return `tl_${kind}_${randomBytes(24).toString("base64url")}`;
}

/** Stores a key for a tenant and returns it; the plain key is only ever seen here. */
export async function createApiKey(
  db: PrismaClient,
  input: { tenantId: string; name: string; scopes?: Scope[]; key?: string },
): Promise<string> {
  const key = input.key ?? generateApiKey();
  await db.apiKey.create({
    data: {
      tenantId: input.tenantId,
      name: input.name,
      prefix: key.slice(0, 12),
      hash: hashApiKey(key),
      scopes: input.scopes ?? [...SCOPES],
    },
  });
  return key;
}

/** Reads "Bearer <key>" and finds the live key it names; null for anything else. */
export async function authenticate(
  db: PrismaClient,
  authorization: string | null | undefined,
): Promise<Viewer | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return null;
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(match[1]!) } });
  if (!row || row.revokedAt) return null;
  return { tenantId: row.tenantId, apiKeyId: row.id, scopes: new Set(row.scopes) };
}

/**
 * `authenticate` with a short-lived memory of keys seen recently: the lookup was one of three
 * queries on a typical request. A revoked key keeps working for at most `ttlMs`.
 */
export function createAuthenticator(
  db: PrismaClient,
  options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): (authorization: string | null | undefined) => Promise<Viewer | null> {
  const ttlMs = options.ttlMs ?? 10_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { viewer: Viewer; expires: number }>();
  return async (authorization) => {
    const key = authorization ?? "";
    const hit = cache.get(key);
    if (hit && hit.expires > now()) return hit.viewer;
    cache.delete(key);
    const viewer = await authenticate(db, authorization);
    if (viewer) {
      // Maps keep insertion order: the first key is the oldest entry.
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value ?? "");
      cache.set(key, { viewer, expires: now() + ttlMs });
    }
    return viewer;
  };
}
