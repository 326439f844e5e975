import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

/** Generous: on the embedded database a transaction waits for the one connection. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

/**
 * Runs statements in one transaction with PostgreSQL's JIT off. Aggregates over a window of
 * tens of thousands of shipments are estimated expensive (an index probe a row), so a default
 * PostgreSQL JIT-compiles them: 1 to 2 s of compiling for a statement that runs in 0.1 to 0.3 s
 * (decision 031). PGlite has no JIT; there it is only a transaction.
 */
export function withoutJit<T>(
  db: PrismaClient,
  run: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    return run(tx);
  }, TRANSACTION_OPTIONS);
}
