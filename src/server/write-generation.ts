import type { Redis } from "ioredis";

/**
 * A counter that every committed write a cached read could see moves on, after its commit
 * (decision 049). A cached answer is keyed by the generation read before its operation ran, so
 * an answer that raced a write is stored under a generation no later read asks for.
 */
export interface WriteGeneration {
  /** The current generation; null when it cannot be known (Redis away): then nothing is cached. */
  read(): Promise<string | null>;
  /** After a write committed. Never throws: a failed bump stops caching until it is made good. */
  bump(): Promise<void>;
}

/** One process's counter: enough when one instance serves the database (embedded mode). */
export function createLocalGeneration(): WriteGeneration {
  let generation = 0;
  return {
    read: async () => String(generation),
    bump: async () => {
      generation += 1;
    },
  };
}

/**
 * The counter in Redis, shared by every instance: a write on one moves the others' keys on.
 * When a bump fails this instance caches nothing until Redis takes one again (made at the next
 * read); meanwhile another instance that still reaches Redis may serve an answer older than that
 * write, at most for the cache's ttl (see decision 049).
 */
export function createRedisGeneration(redis: Redis, key: string): WriteGeneration {
  let owed = false;
  const bump = async () => {
    try {
      await redis.incr(key);
      owed = false;
    } catch {
      owed = true;
    }
  };
  return {
    read: async () => {
      if (owed) await bump();
      if (owed) return null;
      try {
        return (await redis.get(key)) ?? "0";
      } catch {
        return null;
      }
    },
    bump,
  };
}
