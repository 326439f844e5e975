import { AsyncLocalStorage } from "node:async_hooks";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type pg from "pg";
import type { Context } from "../schema/context.ts";

/**
 * The tenant whose GraphQL operation is running, for PostgreSQL's row-level security (decision
 * 042): every connection a statement runs on first carries `trackline.tenant_id`, and policies
 * on the tenant-owned tables hide every other tenant's rows. Outside an operation (jobs, webhook
 * ingestion, start-up) the setting is empty and the policies let everything through: those paths
 * work across tenants by design and filter by tenant themselves.
 */
const scope = new AsyncLocalStorage<string>();

export const tenantScope = {
  /**
   * Runs `work` as the tenant. A Prisma query starts when it is awaited, not when it is made:
   * await it inside `work` (`async () => await db...`), or it runs as no one.
   */
  run: <T>(tenantId: string, work: () => T): T => scope.run(tenantId, work),
  /** Work that must see every tenant (a job) even when something in a request started it. */
  system: <T>(work: () => T): T => scope.exit(work),
  current: (): string => scope.getStore() ?? "",
};

/** Runs each operation's resolvers, and each later event of a subscription, in its tenant. */
export function tenantScopePlugin(): Plugin {
  const tenantOf = (contextValue: unknown) => (contextValue as Partial<Context>).viewer?.tenantId;
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const tenantId = tenantOf(args.contextValue);
      if (tenantId)
        setExecuteFn((execArgs) => tenantScope.run(tenantId, () => executeFn(execArgs)));
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const tenantId = tenantOf(args.contextValue);
      if (!tenantId) return;
      setSubscribeFn(async (subscribeArgs) => {
        const result = await tenantScope.run(tenantId, () => subscribeFn(subscribeArgs));
        return isAsyncIterable(result) ? scopedIterator(result, tenantId) : result;
      });
    },
  };
}

/** Each `next` of a subscription resolves its event's fields in the subscriber's tenant. */
function scopedIterator<T>(source: AsyncIterable<T>, tenantId: string): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    next: () => tenantScope.run(tenantId, () => iterator.next()),
    return: (value?: unknown) =>
      iterator.return?.(value) ?? Promise.resolve({ done: true, value: undefined as T }),
    throw: (error?: unknown) => iterator.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Makes every connection the pool hands out carry the current tenant (`set_config` at session
 * level, sent only when the connection's last tenant differs), for queries and transactions
 * alike: the Prisma adapter and pg-boss both go through `query` and `connect`.
 */
export function scopeConnections(pool: pg.Pool): void {
  const tenantOf = new WeakMap<pg.PoolClient, string>();
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const scoped = async (): Promise<pg.PoolClient> => {
    const client = await connect();
    const wanted = tenantScope.current();
    if ((tenantOf.get(client) ?? "") === wanted) return client;
    try {
      await client.query("SELECT set_config('trackline.tenant_id', $1, false)", [wanted]);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    tenantOf.set(client, wanted);
    return client;
  };
  Object.assign(pool, {
    connect: scoped,
    query: async (...args: Parameters<pg.PoolClient["query"]>) => {
      const client = await scoped();
      try {
        return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        client.release();
      }
    },
  });
}
