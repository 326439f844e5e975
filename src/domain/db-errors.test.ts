import { describe, expect, it } from "vitest";
import {
  isForeignKeyViolation,
  isTransactionConflict,
  isUniqueViolation,
  sqlStateOf,
} from "./db-errors.ts";

// Shapes as the two adapters raise them (recorded from Prisma 6.19 with adapter-pg and PGlite).
const fromPg = {
  name: "PrismaClientKnownRequestError",
  code: "P2002",
  meta: {
    driverAdapterError: { cause: { originalCode: "23505", kind: "UniqueConstraintViolation" } },
  },
};
const fromPGlite = {
  name: "DriverAdapterError",
  cause: { kind: "postgres", code: "40P01", message: "deadlock detected" },
};
// A raw query's failure (P2010), as each adapter raises it through `$queryRawUnsafe`.
const rawFromPg = {
  code: "P2010",
  meta: {
    driverAdapterError: {
      cause: { originalCode: "23503", kind: "ForeignKeyConstraintViolation" },
    },
  },
};
const rawFromPGlite = {
  code: "P2010",
  meta: { driverAdapterError: { cause: { kind: "postgres", code: "23503" } } },
};

describe("sqlStateOf", () => {
  it("reads the SQLSTATE whichever adapter raised the error", () => {
    expect(sqlStateOf(fromPg)).toBe("23505");
    expect(sqlStateOf(fromPGlite)).toBe("40P01");
    expect(sqlStateOf(new Error("boom"))).toBeNull();
  });

  it("tells a lost insert race from a lost transaction race", () => {
    expect(isUniqueViolation(fromPg)).toBe(true);
    expect(isTransactionConflict(fromPg)).toBe(false);
    expect(isTransactionConflict(fromPGlite)).toBe(true);
    expect(isTransactionConflict({ code: "P2034" })).toBe(true);
  });

  it("looks past Prisma's own codes to the SQLSTATE a raw query failed with", () => {
    expect(sqlStateOf(rawFromPg)).toBe("23503");
    expect(sqlStateOf(rawFromPGlite)).toBe("23503");
    expect(isForeignKeyViolation(rawFromPGlite)).toBe(true);
    expect(isForeignKeyViolation({ code: "P2003" })).toBe(true);
    // PL/pgSQL's class P0 is PostgreSQL's, not Prisma's.
    expect(sqlStateOf({ code: "P0001" })).toBe("P0001");
  });
});
