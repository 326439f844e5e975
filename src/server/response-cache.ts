import { createHash } from "node:crypto";
import {
  type BuildResponseCacheKeyFunction,
  type Cache,
  createInMemoryCache,
  useResponseCache,
} from "@envelop/response-cache";
import { type DocumentNode, getOperationAST, Kind } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";
import { matchLocale } from "../domain/texts/index.ts";
import type { Context } from "../schema/context.ts";
import type { WriteGeneration } from "./write-generation.ts";

/** Root fields whose answers are cached; an operation is cached only if it asks for nothing else. */
export const CACHED_QUERY_FIELDS: ReadonlySet<string> = new Set([
  "shipment",
  "shipments",
  "trackShipment",
  "orders",
]);

/**
 * Fields whose answer depends on more than the stored rows and the cache key: an operation
 * selecting one is not cached. The public URL carries the request's origin (and issues a token
 * on first read); the estimate moves with the clock.
 */
export const UNCACHED_FIELDS = ["Shipment.publicUrl", "Shipment.estimatedDelivery"] as const;

/** Where the generation and the answers live in Redis. */
export const RESPONSE_CACHE_PREFIX = "trackline:response-cache:";

/** A backstop: an answer is never served longer than this, whatever happens to the generation. */
export const RESPONSE_CACHE_TTL_MS = 60_000;

export interface ResponseCacheOptions {
  /** Moved on by every committed write (the database handle's). */
  generation: WriteGeneration;
  /** Where answers are kept: this process's memory (1,000 answers) unless Redis's is given. */
  store?: Cache;
  /** Told of each lookup, for the metrics. */
  onLookup?(outcome: "hit" | "miss" | "bypass"): void;
}

/**
 * The response cache of decision 049 (envelop's plugin): after the key check, the limits and the
 * key's budget (place it after them), keyed by tenant, scopes, Accept-Language's locale and the
 * write generation read before the operation runs. Answers with errors are not kept.
 */
export function useTracklineResponseCache(options: ResponseCacheOptions): Plugin {
  const generations = new WeakMap<object, string>();
  const onLookup = options.onLookup ?? (() => {});
  const store = counted(options.store ?? createInMemoryCache({ max: 1000 }), onLookup);
  const ttlPerSchemaCoordinate: Record<string, number> = {};
  for (const field of CACHED_QUERY_FIELDS) {
    ttlPerSchemaCoordinate[`Query.${field}`] = RESPONSE_CACHE_TTL_MS;
  }
  for (const coordinate of UNCACHED_FIELDS) ttlPerSchemaCoordinate[coordinate] = 0;
  return {
    onPluginInit({ addPlugin }) {
      // Added right after this plugin: its onExecute runs once the generation is read.
      addPlugin(
        useResponseCache({
          cache: store,
          ttl: 0,
          ttlPerSchemaCoordinate,
          invalidateViaMutation: false,
          includeExtensionMetadata: false,
          enabled: (context) => generations.has(context),
          session: (context) =>
            sessionKey(context as unknown as Context, generations.get(context) ?? ""),
          shouldCacheResult: ({ result }) => !result.errors?.length,
          buildResponseCacheKey: responseCacheKey,
        }),
      );
    },
    async onExecute({ args }) {
      if (!cacheable(args.document, args.operationName)) return;
      const generation = await options.generation.read();
      if (generation === null) return onLookup("bypass");
      generations.set(args.contextValue as object, generation);
    },
  };
}

/**
 * The plugin's key (document, operation, variables, session) hashed by node:crypto at once:
 * its default goes through WebCrypto's asynchronous digest, a thread-pool round trip per
 * request. Variables are not sorted: the same variables in another order are another key (a
 * miss, never a wrong answer).
 */
const responseCacheKey: BuildResponseCacheKeyFunction = (params) =>
  createHash("sha256")
    .update(params.documentString)
    .update("|")
    .update(params.operationName ?? "")
    .update("|")
    .update(JSON.stringify(params.variableValues ?? {}))
    .update("|")
    .update(params.sessionId ?? "")
    .digest("hex");

/** Everything an answer depends on besides the operation, its variables and the data. */
function sessionKey(context: Context, generation: string): string {
  const { viewer, acceptLanguages } = context;
  const scopes = [...viewer.scopes].sort();
  return JSON.stringify([viewer.tenantId, scopes, matchLocale(acceptLanguages), generation]);
}

/** A query whose root fields are all cached ones (fragments at the root are not looked into). */
function cacheable(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== "query") return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (CACHED_QUERY_FIELDS.has(selection.name.value) || selection.name.value === "__typename"),
  );
}

function counted(store: Cache, onLookup: NonNullable<ResponseCacheOptions["onLookup"]>): Cache {
  return {
    set: (...args) => store.set(...args),
    invalidate: (entities) => store.invalidate(entities),
    get: async (key) => {
      const found = await store.get(key);
      onLookup(found ? "hit" : "miss");
      return found;
    },
  };
}

/** Answers in Redis, shared by every instance; a Redis error is a miss, never a failed request. */
export function createRedisResponseStore(redis: Redis, prefix: string): Cache {
  return {
    get: async (key) => {
      try {
        const text = await redis.get(prefix + key);
        return text ? JSON.parse(text) : null;
      } catch {
        return null;
      }
    },
    set: async (key, result, _entities, ttl) => {
      const ms = Number.isFinite(ttl)
        ? Math.min(ttl, RESPONSE_CACHE_TTL_MS)
        : RESPONSE_CACHE_TTL_MS;
      try {
        await redis.set(prefix + key, JSON.stringify(result), "PX", ms);
      } catch {
        // Not kept: the next read runs the operation.
      }
    },
    // Nothing to do: answers are keyed by the write generation (decision 049).
    invalidate: () => {},
  };
}
