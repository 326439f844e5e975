import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CsvError } from "csv-parse";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { csvRecordParser } from "../domain/csv-records.ts";
import type { CalendarBook } from "../domain/eta/calendar.ts";
import {
  checkHeader,
  checkHistoryRow,
  type HistoryRow,
  type RowError,
  storeHistoryRows,
} from "../domain/eta/history-import.ts";
import type { JobQueue } from "../domain/jobs.ts";
import { importFinished } from "../domain/outbound-webhooks/events.ts";
import { emitWebhookEvent } from "../domain/outbound-webhooks/outbox.ts";
import type { AuthResult } from "./api-keys.ts";
import { authorizeUpload, replyError } from "./transport-limits.ts";

export const DELIVERY_HISTORY_PATH = "/imports/delivery-history";
/** 25,000 rows of every column take about 5 MB; 20 MB leaves room without inviting abuse. */
export const MAX_HISTORY_BYTES = 20 * 1024 * 1024;
/** More row errors than this are counted, not listed. */
const MAX_LISTED_ERRORS = 1000;

export interface HistoryImportDeps {
  db: PrismaClient;
  authenticate(header: string | null): Promise<AuthResult>;
  calendars: CalendarBook;
  /** Queues the `import.finished` webhooks. */
  jobs: JobQueue;
  now: () => Date;
  /** Called after rows were added, once the answer is sent (the model is fitted again). */
  onImported?(tenantId: string): void;
  maxBytes?: number;
}

/**
 * `POST /imports/delivery-history` (text/csv, header row): each row checked on its own, the good
 * ones stored even when others are refused, a row sent again stored once. Streams the body
 * through csv-parse, stopping at the size cap.
 */
export async function handleHistoryImport(
  req: IncomingMessage,
  res: ServerResponse,
  deps: HistoryImportDeps,
): Promise<void> {
  const maxBytes = deps.maxBytes ?? MAX_HISTORY_BYTES;
  if (req.method !== "POST") return replyError(res, 405, "METHOD_NOT_ALLOWED", "use POST");
  const viewer = await authorizeUpload(
    req,
    res,
    deps.authenticate,
    "tracking:write",
    "importing delivery history",
  );
  if (!viewer) return;
  if (!/^text\/csv\b/i.test(req.headers["content-type"] ?? "")) {
    return replyError(res, 415, "UNSUPPORTED_MEDIA_TYPE", "send content-type: text/csv");
  }
  if (Number(req.headers["content-length"]) > maxBytes) {
    return replyError(res, 413, "PAYLOAD_TOO_LARGE", `CSV over ${maxBytes} bytes`);
  }
  const rows: HistoryRow[] = [];
  const errors: RowError[] = [];
  let rejected = 0;
  let headerErrors: RowError[] = [];
  const parser = csvRecordParser((names) => {
    headerErrors = checkHeader(names);
  });
  let received = 0;
  let tooLarge = false;
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxBytes && !tooLarge) {
      tooLarge = true;
      parser.destroy();
      req.pause();
    }
  });
  req.pipe(parser);
  try {
    let records = 0;
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (headerErrors.some((e) => e.code === "MISSING_COLUMN")) break;
      records++;
      // Row 1 is the header: the nth record is row n + 1.
      const checked = checkHistoryRow(record, records + 1, deps.calendars);
      if ("row" in checked) rows.push(checked.row);
      else {
        rejected++;
        errors.push(...checked.errors);
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) {
      if (!tooLarge) throw error;
    } else {
      rejected++;
      const row = (error as CsvError & { records?: number }).records ?? rows.length + rejected;
      errors.push({ row: row + 2, column: null, code: "INVALID_INPUT", message: error.message });
    }
  }
  if (tooLarge) return replyError(res, 413, "PAYLOAD_TOO_LARGE", `CSV over ${maxBytes} bytes`);
  if (headerErrors.some((e) => e.code === "MISSING_COLUMN")) {
    return reply(res, 400, {
      importId: null,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      errors: headerErrors,
    });
  }
  const importId = randomUUID();
  const added = await storeHistoryRows(deps.db, viewer.tenantId, importId, rows);
  const finished = importFinished(viewer.tenantId, {
    importId,
    kind: "DELIVERY_HISTORY",
    accepted: rows.length,
    rejected,
  });
  const webhooks = await deps.db.$transaction((tx) =>
    emitWebhookEvent(tx, deps.jobs, finished, deps.now()),
  );
  if (webhooks > 0) deps.jobs.wake("webhook-delivery");
  const all = [...headerErrors, ...errors];
  reply(res, 200, {
    importId,
    accepted: rows.length,
    duplicates: rows.length - added,
    rejected,
    errors: all.slice(0, MAX_LISTED_ERRORS),
    ...(all.length > MAX_LISTED_ERRORS ? { errorsNotListed: all.length - MAX_LISTED_ERRORS } : {}),
  });
  if (added > 0) deps.onImported?.(viewer.tenantId);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
