import { TEXT_LIMITS } from "../input-limits.ts";
import type { TrackingSuggestion } from "../shipments.ts";
import type { UserErrorCode } from "../user-error.ts";
import {
  describeZonedTimeProblem,
  parseZonedTimeOrProblem,
  type ZonedTime,
} from "../zoned-time.ts";

/** The columns of a 3PL tracking file, in their documented order. */
export const TRACKING_COLUMNS = [
  "order_id",
  "store",
  "carrier",
  "tracking_number",
  "shipped_at",
  "shipping_method",
  "items",
] as const;
export type TrackingColumn = (typeof TRACKING_COLUMNS)[number];

export const REQUIRED_TRACKING_COLUMNS: readonly TrackingColumn[] = [
  "order_id",
  "store",
  "carrier",
  "tracking_number",
  "shipped_at",
];

/** A problem of one row (or of the header, row 1), naming its column. */
export interface ImportProblem {
  /** Row 1 is the header; the nth data record is row n + 1 (its file line, one line a record). */
  row: number;
  column: TrackingColumn | null;
  /** The cell as uploaded (cut at 200 characters), so the row can be found in the sheet. */
  value?: string;
  code: UserErrorCode;
  message: string;
  /** Numbers the carrier check thinks were meant, when it has any. */
  suggestions?: TrackingSuggestion[];
}

/** A row whose texts are well formed; whether it can be applied is for apply.ts to say. */
export interface TrackingRow {
  row: number;
  orderId: string;
  store: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: ZonedTime;
  shippedAtText: string;
  shippingMethod: string | null;
  /** Native item ids of the order this parcel carries; empty: not said. */
  items: string[];
}

/** The header's problems: a required column missing, a column we do not know. */
export function checkTrackingHeader(header: readonly string[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const column of REQUIRED_TRACKING_COLUMNS) {
    if (!header.includes(column)) {
      const message = `the header has no ${column} column`;
      problems.push({ row: 1, column, code: "MISSING_COLUMN", message });
    }
  }
  const known = new Set<string>(TRACKING_COLUMNS);
  for (const name of header) {
    if (!known.has(name)) {
      const message = `unknown column "${name}"; columns are ${TRACKING_COLUMNS.join(", ")}`;
      problems.push({ row: 1, column: null, code: "INVALID_INPUT", message });
    }
  }
  return problems;
}

// The same limits confirmShipment's input has (INPUT_LIMITS.confirmShipment), by column.
const TEXT: Record<TrackingColumn, number> = {
  order_id: TEXT_LIMITS.id,
  store: TEXT_LIMITS.name,
  carrier: TEXT_LIMITS.code,
  tracking_number: TEXT_LIMITS.trackingNumber,
  shipped_at: TEXT_LIMITS.code,
  shipping_method: TEXT_LIMITS.shippingMethod,
  items: TEXT_LIMITS.rawDescription,
};

/** One CSV record's texts checked: present, not too long, a ship date with its UTC offset. */
export function readTrackingRow(
  record: Partial<Record<TrackingColumn, string>>,
  row: number,
): { row: TrackingRow } | { problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const text = (column: TrackingColumn, required: boolean): string => {
    const value = record[column]?.trim() ?? "";
    if (!value && required) {
      problems.push({ row, column, code: "REQUIRED", message: `${column} is required` });
    } else if (value.length > TEXT[column]) {
      const message = `${column} is longer than ${TEXT[column]} characters`;
      problems.push({ row, column, value: cellValue(value), code: "TOO_LONG", message });
    }
    return value;
  };
  const orderId = text("order_id", true);
  const store = text("store", true);
  const carrier = text("carrier", true);
  const trackingNumber = text("tracking_number", true);
  const shippingMethod = text("shipping_method", false);
  const items = text("items", false);
  const shipped = text("shipped_at", true);
  let shippedAt: ZonedTime | null = null;
  if (shipped) {
    const parsed = parseZonedTimeOrProblem(shipped);
    if ("problem" in parsed) {
      const message = describeZonedTimeProblem(shipped, parsed.problem).replace(
        "DateTime",
        "shipped_at",
      );
      const value = cellValue(shipped);
      problems.push({ row, column: "shipped_at", value, code: "INVALID_TIMESTAMP", message });
    } else shippedAt = parsed.time;
  }
  if (problems.length > 0 || !shippedAt) return { problems };
  return {
    row: {
      row,
      orderId,
      store,
      carrier,
      trackingNumber,
      shippedAt,
      shippedAtText: shipped,
      shippingMethod: shippingMethod || null,
      // "A1;A2": the order's native item ids, separated by semicolons (a comma would need quotes).
      items: items
        .split(";")
        .map((item) => item.trim())
        .filter(Boolean),
    },
  };
}

/** A cell as a problem quotes it: long ones cut (a report should not echo megabytes). */
export function cellValue(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}...` : value;
}

/** The cell of a checked row a problem is about, as uploaded. */
export function rowCell(row: TrackingRow, column: TrackingColumn | null): string | undefined {
  const cells: Record<TrackingColumn, string | null> = {
    order_id: row.orderId,
    store: row.store,
    carrier: row.carrier,
    tracking_number: row.trackingNumber,
    shipped_at: row.shippedAtText,
    shipping_method: row.shippingMethod,
    items: row.items.join(";"),
  };
  const value = column ? cells[column] : null;
  return value ? cellValue(value) : undefined;
}
