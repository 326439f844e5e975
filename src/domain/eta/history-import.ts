import { createHash, randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../../../generated/prisma/client.ts";
import { TEXT_LIMITS } from "../input-limits.ts";
import type { UserErrorCode } from "../user-error.ts";
import {
  describeZonedTimeProblem,
  parseZonedTimeOrProblem,
  type ZonedTime,
} from "../zoned-time.ts";
import type { CalendarBook } from "./calendar.ts";

/** The columns of a delivery-history CSV, in their documented order. */
export const HISTORY_COLUMNS = [
  "origin_country",
  "origin_region",
  "origin_postal_code",
  "destination_country",
  "destination_region",
  "destination_postal_code",
  "carrier",
  "service",
  "ordered_at",
  "shipped_at",
  "delivered_at",
  "promised_date",
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** `shipped_at` or `ordered_at` must be there too (a row needs a start). */
export const REQUIRED_COLUMNS: readonly HistoryColumn[] = ["destination_country", "delivered_at"];

export interface RowError {
  row: number;
  column: HistoryColumn | null;
  code: UserErrorCode;
  message: string;
}

type Row = Partial<Record<HistoryColumn, string>>;
export type HistoryRow = Omit<Prisma.DeliveryHistoryCreateManyInput, "tenantId" | "importId">;

const TEXT: Partial<Record<HistoryColumn, number>> = {
  origin_region: TEXT_LIMITS.place,
  origin_postal_code: TEXT_LIMITS.postalCode,
  destination_region: TEXT_LIMITS.place,
  destination_postal_code: TEXT_LIMITS.postalCode,
  carrier: TEXT_LIMITS.code,
  service: TEXT_LIMITS.shippingMethod,
};

/** The header's problems: a required column missing, a column we do not know. */
export function checkHeader(header: readonly string[]): RowError[] {
  const errors: RowError[] = [];
  const known = new Set<string>(HISTORY_COLUMNS);
  for (const column of [...REQUIRED_COLUMNS, "shipped_at|ordered_at"]) {
    const names = column.split("|");
    if (!names.some((name) => header.includes(name))) {
      const message = `the header has no ${names.join(" or ")} column`;
      errors.push({ row: 1, column: names[0] as HistoryColumn, code: "MISSING_COLUMN", message });
    }
  }
  for (const name of header) {
    if (!known.has(name)) {
      const message = `unknown column "${name}"; columns are ${HISTORY_COLUMNS.join(", ")}`;
      errors.push({ row: 1, column: null, code: "INVALID_INPUT", message });
    }
  }
  return errors;
}

/** One CSV record checked: a row to store, or every problem it has, each naming its column. */
export function checkHistoryRow(
  record: Row,
  row: number,
  calendars: CalendarBook,
): { row: HistoryRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: HistoryColumn, code: UserErrorCode, message: string) =>
    errors.push({ row, column, code, message });
  const text = (column: HistoryColumn) => {
    const value = record[column]?.trim() || null;
    const limit = TEXT[column];
    if (value && limit && value.length > limit) {
      fail(column, "TOO_LONG", `${column} is longer than ${limit} characters`);
    }
    return value;
  };
  const country = (column: HistoryColumn, required: boolean) => {
    const value = text(column)?.toUpperCase() ?? null;
    if (!value && required) fail(column, "REQUIRED", `${column} is required`);
    else if (value && !calendars.isCountry(value)) {
      fail(
        column,
        "INVALID_COUNTRY_CODE",
        `${column} "${value}" is not an ISO 3166-1 alpha-2 country`,
      );
    }
    return value;
  };
  const time = (column: HistoryColumn, required: boolean): ZonedTime | null => {
    const value = text(column);
    if (!value) {
      if (required) fail(column, "REQUIRED", `${column} is required`);
      return null;
    }
    const parsed = parseZonedTimeOrProblem(value);
    if ("problem" in parsed) {
      fail(
        column,
        "INVALID_TIMESTAMP",
        describeZonedTimeProblem(value, parsed.problem).replace("DateTime", column),
      );
      return null;
    }
    return parsed.time;
  };
  const origin = country("origin_country", false);
  const destination = country("destination_country", true);
  const ordered = time("ordered_at", false);
  const shipped = time("shipped_at", false);
  const delivered = time("delivered_at", true);
  if (
    !ordered &&
    !shipped &&
    !errors.some((e) => e.column === "ordered_at" || e.column === "shipped_at")
  ) {
    fail("shipped_at", "REQUIRED", "shipped_at or ordered_at is required");
  }
  const start = shipped ?? ordered;
  if (delivered && start && delivered.instant < start.instant) {
    const column = shipped ? "shipped_at" : "ordered_at";
    fail("delivered_at", "DELIVERED_BEFORE_SHIPPED", `delivered_at is before ${column}`);
  }
  if (shipped && ordered && shipped.instant < ordered.instant) {
    fail("shipped_at", "DATE_OUT_OF_RANGE", "shipped_at is before ordered_at");
  }
  const promised = text("promised_date");
  if (promised && !/^\d{4}-\d{2}-\d{2}$/.test(promised)) {
    fail("promised_date", "INVALID_TIMESTAMP", `promised_date "${promised}" is not YYYY-MM-DD`);
  }
  const values = {
    originCountry: origin,
    originRegion: text("origin_region"),
    originPostalCode: text("origin_postal_code"),
    destinationCountry: destination ?? "",
    destinationRegion: text("destination_region"),
    destinationPostalCode: text("destination_postal_code"),
    carrier: text("carrier")?.toLowerCase() ?? null,
    service: text("service"),
  };
  if (errors.length > 0 || !delivered) return { errors: dedupe(errors) };
  const data: HistoryRow = {
    ...values,
    orderedAt: ordered?.instant ?? null,
    orderedAtOffsetMinutes: ordered?.offsetMinutes ?? null,
    shippedAt: shipped?.instant ?? null,
    shippedAtOffsetMinutes: shipped?.offsetMinutes ?? null,
    deliveredAt: delivered.instant,
    deliveredAtOffsetMinutes: delivered.offsetMinutes,
    promisedDate: promised ? new Date(`${promised}T00:00:00Z`) : null,
    rowKey: "",
  };
  data.rowKey = createHash("sha256")
    .update(
      JSON.stringify([values, ordered?.instant, shipped?.instant, delivered.instant, promised]),
    )
    .digest("hex");
  return { row: data };
}

/** One error per column: a too-long text that is also required-looking says it once. */
function dedupe(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.column}|${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Columns as stored, with the PostgreSQL array type each is sent as. */
const STORED: [keyof HistoryRow | "tenantId" | "importId" | "id", string][] = [
  ["id", "text"],
  ["tenantId", "text"],
  ["importId", "text"],
  ["rowKey", "text"],
  ["originCountry", "text"],
  ["originRegion", "text"],
  ["originPostalCode", "text"],
  ["destinationCountry", "text"],
  ["destinationRegion", "text"],
  ["destinationPostalCode", "text"],
  ["carrier", "text"],
  ["service", "text"],
  ["orderedAt", "timestamptz"],
  ["orderedAtOffsetMinutes", "int4"],
  ["shippedAt", "timestamptz"],
  ["shippedAtOffsetMinutes", "int4"],
  ["deliveredAt", "timestamptz"],
  ["deliveredAtOffsetMinutes", "int4"],
  ["promisedDate", "date"],
];

/**
 * Stores checked rows, a batch per statement (one array per column through unnest: createMany
 * binds every value on its own and took half a minute for 25,000 rows embedded); rows already
 * imported are skipped. Returns how many were new.
 */
export async function storeHistoryRows(
  db: PrismaClient,
  tenantId: string,
  importId: string,
  rows: readonly HistoryRow[],
): Promise<number> {
  const columns = STORED.map(([name]) => `"${name}"`).join(", ");
  const arrays = STORED.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const sql = `INSERT INTO "DeliveryHistory" (${columns}) SELECT * FROM unnest(${arrays}) ON CONFLICT ("tenantId", "rowKey") DO NOTHING`;
  let added = 0;
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = rows.slice(i, i + INSERT_BATCH);
    const values = STORED.map(([name]) =>
      batch.map((row) => {
        if (name === "id") return randomUUID();
        if (name === "tenantId") return tenantId;
        if (name === "importId") return importId;
        const value = row[name];
        return value instanceof Date ? value.toISOString() : (value ?? null);
      }),
    );
    added += await db.$executeRawUnsafe(sql, ...values);
  }
  return added;
}

const INSERT_BATCH = 5000;
