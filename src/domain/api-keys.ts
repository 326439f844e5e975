import type { ApiKey, PrismaClient } from "../../generated/prisma/client.ts";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "./api-key-format.ts";
import { expandScopes, SCOPES, type Scope, type StoredScope } from "./scopes.ts";
import { type UserError, userError } from "./user-error.ts";

/** The longest a rotated key keeps working beside its successor. */
export const MAX_GRACE_SECONDS = 7 * 24 * 3600;
export const MAX_KEY_NAME_LENGTH = 100;
/** More live keys than this per tenant is a leak waiting to happen, not a use case. */
export const MAX_KEYS_PER_TENANT = 100;

/** Announces a key revoked or cut short, so every instance forgets it at once. */
export interface ApiKeyEvents {
  /** `stopped`: it no longer works at all (revoked, or rotated without grace). */
  keyChanged(change: { tenantId: string; apiKeyId: string; stopped: boolean }): void;
}

/** The caller managing keys: its tenant and what it may grant. */
export interface KeyManager {
  tenantId: string;
  scopes: ReadonlySet<string>;
}

/** Stores a key for a tenant and returns it; the plain key is only ever seen here. */
export async function createApiKey(
  db: PrismaClient,
  input: {
    tenantId: string;
    name: string;
    scopes?: readonly StoredScope[];
    key?: string;
    expiresAt?: Date | null;
  },
): Promise<string> {
  const key = input.key ?? generateApiKey();
  await db.apiKey.create({ data: keyRow(key, { ...input, scopes: input.scopes ?? SCOPES }) });
  return key;
}

function keyRow(
  key: string,
  input: { tenantId: string; name: string; scopes: readonly string[]; expiresAt?: Date | null },
) {
  return {
    tenantId: input.tenantId,
    name: input.name,
    prefix: apiKeyPrefix(key),
    hash: hashApiKey(key),
    scopes: [...input.scopes],
    expiresAt: input.expiresAt ?? null,
  };
}

export interface IssuedKey {
  key: string | null;
  apiKey: ApiKey | null;
  errors: UserError[];
}

const refused = (errors: UserError[]): IssuedKey => ({ key: null, apiKey: null, errors });

/** `createApiKey` over GraphQL: never more than the caller holds, never already expired. */
export async function issueApiKey(
  db: PrismaClient,
  manager: KeyManager,
  input: { name: string; scopes: readonly Scope[]; expiresAt?: Date | null },
  now: Date,
): Promise<IssuedKey> {
  const name = input.name.trim();
  const errors: UserError[] = [];
  if (!name) errors.push(userError("REQUIRED", "give the key a name", "name"));
  if (name.length > MAX_KEY_NAME_LENGTH) {
    errors.push(userError("TOO_LONG", `at most ${MAX_KEY_NAME_LENGTH} characters`, "name"));
  }
  if (input.scopes.length === 0) {
    errors.push(userError("REQUIRED", "a key needs at least one scope", "scopes"));
  }
  const beyond = input.scopes.filter((scope) => !manager.scopes.has(scope));
  if (beyond.length > 0) {
    const message = `this API key cannot grant scopes it does not have: ${beyond.join(", ")}`;
    errors.push(userError("FORBIDDEN", message, "scopes"));
  }
  if (input.expiresAt && input.expiresAt <= now) {
    errors.push(userError("DATE_OUT_OF_RANGE", "expiresAt must be in the future", "expiresAt"));
  }
  if (errors.length > 0) return refused(errors);
  const live = await db.apiKey.count({ where: liveKeys(manager.tenantId, now) });
  if (live >= MAX_KEYS_PER_TENANT) {
    const message = `a tenant may hold at most ${MAX_KEYS_PER_TENANT} live keys: revoke some first`;
    return refused([userError("TOO_MANY", message)]);
  }
  const key = generateApiKey("live");
  const row = keyRow(key, { ...input, name, tenantId: manager.tenantId, scopes: unique(input) });
  const apiKey = await db.apiKey.create({ data: row });
  return { key, apiKey, errors: [] };
}

/** The tenant's keys, newest first, revoked and expired ones included (they explain failures). */
export function listApiKeys(db: PrismaClient, tenantId: string, take: number): Promise<ApiKey[]> {
  return db.apiKey.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/**
 * A new key with the old one's name, scopes and expiry; the old one works `graceSeconds` more
 * (0: stops at once). Refused for a key the caller could not have created itself.
 */
export async function rotateApiKey(
  db: PrismaClient,
  manager: KeyManager,
  input: { id: string; graceSeconds: number },
  deps: { now: Date; events: ApiKeyEvents },
): Promise<IssuedKey> {
  const { now } = deps;
  if (!Number.isInteger(input.graceSeconds) || input.graceSeconds < 0) {
    return refused([
      userError("INVALID_INPUT", "a whole number of seconds, 0 or more", "graceSeconds"),
    ]);
  }
  if (input.graceSeconds > MAX_GRACE_SECONDS) {
    const message = `at most ${MAX_GRACE_SECONDS} seconds (7 days)`;
    return refused([userError("TOO_LARGE", message, "graceSeconds")]);
  }
  const old = await db.apiKey.findFirst({
    where: { id: input.id, ...liveKeys(manager.tenantId, now) },
  });
  if (!old) return refused([userError("NOT_FOUND", "no live API key with this id", "id")]);
  const beyond = old.scopes.filter((scope) => !grants(manager.scopes, scope));
  if (beyond.length > 0) {
    const message = `this API key cannot rotate a key with scopes it does not have: ${beyond.join(", ")}`;
    return refused([userError("FORBIDDEN", message, "id")]);
  }
  const graceEnd = new Date(now.getTime() + input.graceSeconds * 1000);
  const oldEnd = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
  const key = generateApiKey(old.prefix.startsWith("tl_test_") ? "test" : "live");
  const apiKey = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: keyRow(key, { ...old, expiresAt: old.expiresAt }),
    });
    await tx.apiKey.update({
      where: { id: old.id },
      data: { expiresAt: oldEnd, replacedById: created.id },
    });
    return created;
  });
  deps.events.keyChanged({
    tenantId: old.tenantId,
    apiKeyId: old.id,
    stopped: input.graceSeconds === 0,
  });
  return { key, apiKey, errors: [] };
}

/** Stops a key at once on every instance; revoking a revoked key changes nothing. */
export async function revokeApiKey(
  db: PrismaClient,
  tenantId: string,
  input: { id: string },
  deps: { now: Date; events: ApiKeyEvents },
): Promise<{ apiKey: ApiKey | null; errors: UserError[] }> {
  const found = await db.apiKey.findFirst({ where: { id: input.id, tenantId } });
  if (!found)
    return { apiKey: null, errors: [userError("NOT_FOUND", "no API key with this id", "id")] };
  if (found.revokedAt) return { apiKey: found, errors: [] };
  const apiKey = await db.apiKey.update({ where: { id: found.id }, data: { revokedAt: deps.now } });
  deps.events.keyChanged({ tenantId, apiKeyId: apiKey.id, stopped: true });
  return { apiKey, errors: [] };
}

function liveKeys(tenantId: string, now: Date) {
  return {
    tenantId,
    revokedAt: null,
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
}

/** Whether a caller holding `held` (fine scopes) holds everything a stored scope or alias means. */
function grants(held: ReadonlySet<string>, stored: string): boolean {
  return [...expandScopes([stored])].every((scope) => held.has(scope));
}

function unique(input: { scopes: readonly Scope[] }): Scope[] {
  return SCOPES.filter((scope) => input.scopes.includes(scope));
}
