import type { PrismaClient } from "../../generated/prisma/client.ts";
import { apiKeyShape, hashApiKey } from "../domain/api-key-format.ts";
import { expandScopes } from "../domain/scopes.ts";
import type { Viewer } from "../schema/context.ts";
import { UNAUTHENTICATED_MESSAGE } from "./transport-limits.ts";

export { generateApiKey, hashApiKey } from "../domain/api-key-format.ts";
export { createApiKey } from "../domain/api-keys.ts";
export type { Scope, StoredScope } from "../domain/scopes.ts";

/** Why a request's key was refused: the code goes into the 401's `extensions.code`. */
export interface AuthRefusal {
  code: "UNAUTHENTICATED" | "MALFORMED_API_KEY" | "API_KEY_EXPIRED";
  message: string;
}

export type AuthResult =
  | { viewer: Viewer; refusal?: undefined }
  | { viewer?: undefined; refusal: AuthRefusal };

const MISSING: AuthRefusal = { code: "UNAUTHENTICATED", message: UNAUTHENTICATED_MESSAGE };
const MALFORMED: AuthRefusal = {
  code: "MALFORMED_API_KEY",
  message: "malformed API key: its checksum does not match, a character was mistyped or lost",
};
const EXPIRED: AuthRefusal = { code: "API_KEY_EXPIRED", message: "this API key has expired" };

/** A key's `lastUsedAt` is written at most this often per instance (decision 034). */
export const LAST_USED_INTERVAL_MS = 60_000;

interface Found {
  viewer: Viewer;
  expiresAt: number | null;
}

/** Reads "Bearer <key>" and finds the live key it names, or says why not. */
async function lookUp(
  db: PrismaClient,
  authorization: string | null | undefined,
): Promise<{ found: Found; lastUsedAt: number | null } | AuthRefusal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return MISSING;
  const key = match[1] ?? "";
  // A typo is told apart from a wrong key without touching the database.
  if (apiKeyShape(key) === "malformed") return MALFORMED;
  const row = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!row || row.revokedAt) return MISSING;
  const viewer = { tenantId: row.tenantId, apiKeyId: row.id, scopes: expandScopes(row.scopes) };
  return {
    found: { viewer, expiresAt: row.expiresAt?.getTime() ?? null },
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
  };
}

export interface Authenticator {
  (authorization: string | null | undefined): Promise<AuthResult>;
  /** Drops a key from memory (it was revoked or cut short): the next request looks it up. */
  forget(apiKeyId: string): void;
  /** Waits for the `lastUsedAt` writes under way. */
  settled(): Promise<void>;
}

/**
 * Key lookups with a short-lived memory of keys seen recently: the lookup was one of three
 * queries on a typical request. A revocation reaches every instance through the pub/sub
 * (`forget`); the TTL only bounds what a lost message could cost.
 */
export function createAuthenticator(
  db: PrismaClient,
  options: {
    ttlMs?: number;
    maxEntries?: number;
    /** The cache's clock (ms). */
    now?: () => number;
    /** Where a failed `lastUsedAt` write is reported (it never fails the request). */
    onError?: (error: unknown) => void;
    /** The app's clock: keys expire and are marked used by it. */
    keyClock?: () => Date;
  } = {},
): Authenticator {
  const ttlMs = options.ttlMs ?? 10_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const keyClock = options.keyClock ?? (() => new Date());
  const onError =
    options.onError ??
    ((error: unknown) => console.error("recording an API key's use failed:", error));
  const cache = new Map<string, Found & { cachedUntil: number }>();
  const lastWritten = new Map<string, number>();
  const writes = new Set<Promise<unknown>>();

  const touch = (apiKeyId: string, at: number) => {
    const before = lastWritten.get(apiKeyId);
    if (before !== undefined && at - before < LAST_USED_INTERVAL_MS) return;
    if (lastWritten.size >= maxEntries) lastWritten.clear();
    lastWritten.set(apiKeyId, at);
    const write = db.apiKey
      .updateMany({ where: { id: apiKeyId }, data: { lastUsedAt: new Date(at) } })
      .catch(onError)
      .finally(() => writes.delete(write));
    writes.add(write);
  };

  const admit = (found: Found): AuthResult => {
    const at = keyClock().getTime();
    if (found.expiresAt !== null && found.expiresAt <= at) return { refusal: EXPIRED };
    touch(found.viewer.apiKeyId, at);
    return { viewer: found.viewer };
  };

  const authenticate = async (authorization: string | null | undefined): Promise<AuthResult> => {
    const header = authorization ?? "";
    const at = now();
    const hit = cache.get(header);
    if (hit && hit.cachedUntil > at) return admit(hit);
    cache.delete(header);
    const result = await lookUp(db, authorization);
    if (!("found" in result)) return { refusal: result };
    if (result.lastUsedAt !== null && !lastWritten.has(result.found.viewer.apiKeyId)) {
      lastWritten.set(result.found.viewer.apiKeyId, result.lastUsedAt);
    }
    // Maps keep insertion order: the first key is the oldest entry.
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value ?? "");
    cache.set(header, { ...result.found, cachedUntil: at + ttlMs });
    return admit(result.found);
  };

  return Object.assign(authenticate, {
    forget: (apiKeyId: string) => {
      for (const [header, entry] of cache) {
        if (entry.viewer.apiKeyId === apiKeyId) cache.delete(header);
      }
    },
    settled: async () => {
      while (writes.size > 0) await Promise.allSettled([...writes]);
    },
  });
}
