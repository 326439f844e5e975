/** Prisma's error codes (P1000-P6999); PostgreSQL's own P0 class (PL/pgSQL) is a SQLSTATE. */
const PRISMA_CODE = /^P[1-9]\d{3}$/;

/**
 * The PostgreSQL SQLSTATE behind an error from Prisma, whichever adapter raised it: the pg
 * adapter wraps it in a PrismaClientKnownRequestError (P2002, meta.driverAdapterError), PGlite's
 * adapter throws a DriverAdapterError whose `cause` carries the code.
 */
export function sqlStateOf(error: unknown): string | null {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): string | null => {
    if (!value || typeof value !== "object" || depth > 4 || seen.has(value)) return null;
    seen.add(value);
    const record = value as Record<string, unknown>;
    // Prisma's own codes look like SQLSTATEs ("P2002"): translate them before trusting `code`;
    // others (P2010, a raw query's failure) carry the SQLSTATE further in.
    if (record.code === "P2002") return "23505";
    if (record.code === "P2003") return "23503";
    if (record.code === "P2034") return "40001";
    for (const key of ["originalCode", "code"]) {
      const code = record[key];
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && !PRISMA_CODE.test(code)) {
        return code;
      }
    }
    for (const key of ["cause", "meta", "driverAdapterError"]) {
      const found = visit(record[key], depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(error, 0);
}

/** A unique index refused the row: someone else stored it first. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === "23505";
}

/** A foreign key refused the row: what it points at is gone (P2003 is Prisma's name for it). */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlStateOf(error) === "23503";
}

/** A deadlock or serialization failure: the transaction lost a race and may simply be re-run. */
export function isTransactionConflict(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === "40P01" || state === "40001";
}

/**
 * Runs an insert; null when a unique index says the row already exists. The check before an
 * insert answers the common case kindly; this answers the race that check cannot see.
 */
export async function insertOnce<T>(insert: () => Promise<T>): Promise<T | null> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
