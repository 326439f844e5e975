import type { PrismaPg } from "@prisma/adapter-pg";

type AdapterFactory = Pick<PrismaPg, "provider" | "adapterName" | "connect">;
type Adapter = Awaited<ReturnType<AdapterFactory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type SqlQuery = Parameters<Adapter["queryRaw"]>[0];

/**
 * Tables no cached read (decision 049) looks at: writing them leaves every cached answer true.
 * The carrier webhook inbox (the events it brings are written to TrackingEvent and Shipment by
 * ingestion, which does move the generation), the outbound webhook log, and API keys (their
 * `lastUsedAt` bookkeeping; keys are checked in front of the cache, never inside an answer).
 */
export const UNCACHED_TABLES: ReadonlySet<string> = new Set([
  "WebhookDelivery",
  "OutboundWebhookDelivery",
  "ApiKey",
]);

const NOT_DATA = /^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|SHOW|START\s+TRANSACTION)\b/i;
const READ = /^[(\s]*(SELECT|WITH|VALUES|TABLE|EXPLAIN)\b/i;
// UPDATE after DO (an upsert's conflict branch: the INSERT names the table) or FOR (a lock).
const TARGET =
  /\b(?:INSERT\s+INTO|(?<!\b(?:DO|FOR|KEY)\s+)UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE(?:\s+TABLE)?|COPY)\s+((?:"[^"]+"|[\w$]+)(?:\s*\.\s*(?:"[^"]+"|[\w$]+))?)/gi;

/**
 * Whether a statement may change what a cached read sees. Conservative: a statement it cannot
 * read (DDL, DO, a function call with a write inside a CTE) counts as a write. `jobSchema` is
 * pg-boss's schema, whose tables only the job engine reads.
 */
export function changesCachedData(sql: string, jobSchema: string): boolean {
  const text = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, "");
  if (NOT_DATA.test(text)) return false;
  const targets = [...text.matchAll(TARGET)].map((match) => match[1] ?? "");
  if (targets.length === 0) return !READ.test(text);
  return targets.some((target) => !uncachedTable(target, jobSchema));
}

function uncachedTable(target: string, jobSchema: string): boolean {
  const parts = target.split(".").map((part) => part.trim().replace(/^"|"$/g, ""));
  const table = parts.at(-1) ?? "";
  const schema = parts.length > 1 ? parts[0] : undefined;
  if (schema === jobSchema) return true;
  return UNCACHED_TABLES.has(table);
}

/**
 * The Prisma adapter, with `committed` called after each write that changes cached data: after
 * the statement returns outside a transaction, after the commit inside one (decision 049).
 */
export function watchWrites<F extends AdapterFactory>(
  factory: F,
  jobSchema: string,
  committed: () => Promise<void>,
): F {
  const writes = (query: SqlQuery) => changesCachedData(query.sql, jobSchema);
  const watchTransaction = (tx: Transaction): Transaction => {
    let wrote = false;
    return override(tx, {
      queryRaw: (query: SqlQuery) => {
        wrote ||= writes(query);
        return tx.queryRaw(query);
      },
      executeRaw: (query: SqlQuery) => {
        wrote ||= writes(query);
        return tx.executeRaw(query);
      },
      commit: async () => {
        await tx.commit();
        if (wrote) await committed();
      },
    });
  };
  const watchAdapter = (adapter: Adapter): Adapter =>
    override(adapter, {
      queryRaw: async (query: SqlQuery) => {
        const result = await adapter.queryRaw(query);
        if (writes(query)) await committed();
        return result;
      },
      executeRaw: async (query: SqlQuery) => {
        const result = await adapter.executeRaw(query);
        if (writes(query)) await committed();
        return result;
      },
      executeScript: async (script: string) => {
        await adapter.executeScript(script);
        await committed();
      },
      startTransaction: async (...args: Parameters<Adapter["startTransaction"]>) =>
        watchTransaction(await adapter.startTransaction(...args)),
    });
  return override(factory, {
    connect: async () => watchAdapter(await factory.connect()),
  } as Partial<F>);
}

/** `target` with some members replaced; the others answer as before (private fields intact). */
function override<T extends object>(target: T, members: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(members, property)) return members[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
