import type { Readable } from "node:stream";
import { CsvError } from "csv-parse";
import { csvRecordParser } from "../csv-records.ts";
import {
  checkTrackingHeader,
  type ImportProblem,
  readTrackingRow,
  type TrackingColumn,
  type TrackingRow,
} from "./columns.ts";

export interface CsvLimits {
  /** Bytes of CSV text; more stops the read. */
  maxBytes: number;
  /** Data rows; more refuses the whole file (none of it is applied). */
  maxRows: number;
}

export type CsvRead =
  | { outcome: "TOO_LARGE" }
  | { outcome: "TOO_MANY_ROWS" }
  | { outcome: "BAD_HEADER"; problems: ImportProblem[] }
  | { outcome: "READ"; records: number; rows: TrackingRow[]; problems: ImportProblem[] };

/**
 * Reads a tracking file as it streams in, each record checked on its own; stops at the size or
 * row cap. A malformed CSV line ends the read (csv-parse cannot resync), keeping the rows before.
 */
export async function readTrackingCsv(source: Readable, limits: CsvLimits): Promise<CsvRead> {
  let headerProblems: ImportProblem[] | null = null;
  const parser = csvRecordParser((names) => {
    headerProblems = checkTrackingHeader(names);
  });
  let received = 0;
  let stopped: "TOO_LARGE" | "TOO_MANY_ROWS" | null = null;
  const stop = (why: "TOO_LARGE" | "TOO_MANY_ROWS") => {
    stopped ??= why;
    source.unpipe(parser);
    source.pause();
    parser.destroy();
  };
  source.on("data", (chunk: Buffer | string) => {
    received += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    if (received > limits.maxBytes) stop("TOO_LARGE");
  });
  source.pipe(parser);
  const rows: TrackingRow[] = [];
  const problems: ImportProblem[] = [];
  let records = 0;
  try {
    for await (const record of parser as AsyncIterable<Partial<Record<TrackingColumn, string>>>) {
      if (isMissingColumn(headerProblems)) break;
      records++;
      if (records > limits.maxRows) {
        stop("TOO_MANY_ROWS");
        break;
      }
      // Row 1 is the header: the nth record is row n + 1.
      const read = readTrackingRow(record, records + 1);
      if ("row" in read) rows.push(read.row);
      else problems.push(...read.problems);
    }
  } catch (error) {
    if (error instanceof CsvError) {
      records++;
      const message = error.message;
      problems.push({ row: records + 1, column: null, code: "INVALID_INPUT", message });
    } else if (!stopped) throw error;
  }
  if (stopped) return { outcome: stopped };
  const header: ImportProblem[] | null = headerProblems;
  if (header === null) {
    return { outcome: "BAD_HEADER", problems: checkTrackingHeader([]) };
  }
  if (isMissingColumn(header)) return { outcome: "BAD_HEADER", problems: header };
  return { outcome: "READ", records, rows, problems: [...header, ...problems] };
}

function isMissingColumn(problems: ImportProblem[] | null): boolean {
  return problems?.some((problem) => problem.code === "MISSING_COLUMN") ?? false;
}
