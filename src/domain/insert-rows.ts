import { randomBytes } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";

/**
 * Each column an insert writes, with its SQL type as PostgreSQL names it (`text`,
 * `timestamptz`, `"TrackingStatus"`): what the column's array is cast to.
 */
export type ColumnTypes<Row> = { readonly [K in keyof Row]-?: string };

type Cell = string | number | boolean | Date | null | undefined;

/**
 * Inserts many rows of one table in one statement whose size does not grow with them:
 * `INSERT ... SELECT FROM unnest($1::text[], $2::text[], ...)`, one array parameter per column,
 * each cast to the column's type. Prisma's `createMany` renders a parameter per cell, and for a
 * few hundred rows its client spent ten times as long on that as PostgreSQL on the insert
 * (decision 052). Rows go in the order given. `ignoreConflicts` skips rows a unique index
 * already holds (createMany's `skipDuplicates`); `returning` names the columns read back
 * (`*` for all, whose values come back typed as Prisma's own reads type them).
 */
export async function insertRows<Row extends Record<string, Cell>, Result = Row>(
  tx: Pick<Prisma.TransactionClient, "$queryRawUnsafe">,
  table: string,
  columns: ColumnTypes<Row>,
  rows: readonly Row[],
  options: { ignoreConflicts?: boolean; returning?: string } = {},
): Promise<Result[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns) as (keyof Row & string)[];
  const arrays = names.map((name) => rows.map((row) => asText(row[name])));
  const sql = [
    `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")})`,
    `SELECT ${names.map((name, i) => `c${i}::${columns[name]}`).join(", ")}`,
    `FROM unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(", ")})`,
    `AS v(${names.map((_, i) => `c${i}`).join(", ")})`,
    options.ignoreConflicts ? "ON CONFLICT DO NOTHING" : "",
    options.returning ? `RETURNING ${options.returning}` : "",
  ].join(" ");
  return (await tx.$queryRawUnsafe(sql, ...arrays)) as Result[];
}

/** Every cell travels as text (or NULL); the statement casts it to the column's type. */
function asText(value: Cell): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === "string" ? value : String(value);
}

const FINGERPRINT = randomBytes(2).toString("hex");
let counter = 0;
// Random bits drawn 4 KB at a time: a call to the system's generator per id cost more than the
// rest of making it.
let pool = randomBytes(4096);
let used = 0;

function randomHex8(): string {
  if (used + 4 > pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  used += 4;
  return pool.toString("hex", used - 4, used);
}

/**
 * A new row id in the shape of Prisma's `cuid()` default (25 lower-case characters starting
 * with "c"), for rows inserted without the Prisma client: time, a per-process counter, the
 * process's fingerprint and 32 random bits. Ids made by one process sort in the order it made
 * them, as cuids do.
 */
export function newRowId(): string {
  counter = (counter + 1) % 36 ** 4;
  return [
    "c",
    Date.now().toString(36).padStart(8, "0"),
    counter.toString(36).padStart(4, "0"),
    FINGERPRINT,
    randomHex8(),
  ].join("");
}
