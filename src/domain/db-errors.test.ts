import { describe, expect, it } from "vitest";
import { isTransactionConflict, isUniqueViolation, sqlStateOf } from "./db-errors.ts";

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
});
