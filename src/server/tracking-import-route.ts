import type { IncomingMessage, ServerResponse } from "node:http";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../carriers/registry.ts";
import type { JobQueue } from "../domain/jobs.ts";
import { readTrackingCsv } from "../domain/tracking-import/read-csv.ts";
import { importReportCsv } from "../domain/tracking-import/report-csv.ts";
import { findTrackingImport, runTrackingImport } from "../domain/tracking-import/run.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { AuthResult } from "./api-keys.ts";
import { authorizeUpload, replyError } from "./transport-limits.ts";

export const TRACKING_IMPORT_PATH = "/imports/tracking";
const REPORT_PATH = /^\/imports\/tracking\/([^/]+)\/errors\.csv$/;
/** 100,000 rows of every column take about 12 MB; 20 MB, as for delivery history. */
export const MAX_TRACKING_BYTES = 20 * 1024 * 1024;
/** More data rows refuse the whole file: a file cut at an arbitrary row is worse than none. */
export const MAX_TRACKING_ROWS = 100_000;

export interface TrackingImportDeps {
  db: PrismaClient;
  authenticate(header: string | null): Promise<AuthResult>;
  carriers: CarrierRegistry;
  marketplaces: MarketplaceRegistry;
  /** Marketplace pushes and the `import.finished` webhooks. */
  jobs: JobQueue;
  now: () => Date;
  maxBytes?: number;
  maxRows?: number;
}

/** Whether a request is for this route: the upload or an import's error report. */
export function isTrackingImportPath(path: string): boolean {
  return path === TRACKING_IMPORT_PATH || REPORT_PATH.test(path);
}

/**
 * `POST /imports/tracking` (text/csv, header row): each row confirms a shipment as
 * confirmShipment would, a bad row refused alone; `GET /imports/tracking/<id>/errors.csv`: that
 * import's problems as CSV. The key is checked before anything is read.
 */
export async function handleTrackingImport(
  req: IncomingMessage,
  res: ServerResponse,
  deps: TrackingImportDeps,
): Promise<void> {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const report = REPORT_PATH.exec(path);
  const method = report ? "GET" : "POST";
  if (req.method !== method) return replyError(res, 405, "METHOD_NOT_ALLOWED", `use ${method}`);
  const viewer = await authorizeUpload(
    req,
    res,
    deps.authenticate,
    "tracking:write",
    "importing tracking files",
  );
  if (!viewer) return;
  if (report) return sendReport(res, deps.db, viewer.tenantId, decodeURIComponent(report[1] ?? ""));
  if (!/^text\/csv\b/i.test(req.headers["content-type"] ?? "")) {
    return replyError(res, 415, "UNSUPPORTED_MEDIA_TYPE", "send content-type: text/csv");
  }
  const maxBytes = deps.maxBytes ?? MAX_TRACKING_BYTES;
  const maxRows = deps.maxRows ?? MAX_TRACKING_ROWS;
  if (Number(req.headers["content-length"]) > maxBytes) {
    return replyError(res, 413, "PAYLOAD_TOO_LARGE", `CSV over ${maxBytes} bytes`);
  }
  const read = await readTrackingCsv(req, { maxBytes, maxRows });
  if (read.outcome === "TOO_LARGE") {
    return replyError(res, 413, "PAYLOAD_TOO_LARGE", `CSV over ${maxBytes} bytes`);
  }
  if (read.outcome === "TOO_MANY_ROWS") {
    const message = `more than ${maxRows} rows: split the file (nothing was applied)`;
    return replyError(res, 413, "TOO_MANY_ROWS", message);
  }
  if (read.outcome === "BAD_HEADER") {
    return reply(res, 400, { importId: null, accepted: 0, rejected: 0, errors: read.problems });
  }
  const answer = await runTrackingImport(deps.db, viewer.tenantId, read, {
    now: deps.now(),
    carriers: deps.carriers,
    marketplaces: deps.marketplaces,
    jobs: deps.jobs,
  });
  reply(res, 200, answer);
}

async function sendReport(
  res: ServerResponse,
  db: PrismaClient,
  tenantId: string,
  importId: string,
): Promise<void> {
  const record = await findTrackingImport(db, tenantId, importId);
  // Another tenant's import is as absent as one that never was.
  if (!record) return replyError(res, 404, "NOT_FOUND", "no such import for this API key");
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="tracking-import-${record.id}-errors.csv"`,
  });
  res.end(importReportCsv(record));
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** The route as app.ts mounts it: which paths it answers, and a handler that logs its failures. */
export function createTrackingImportRoute(deps: TrackingImportDeps) {
  return {
    matches: isTrackingImportPath,
    handle(req: IncomingMessage, res: ServerResponse): void {
      handleTrackingImport(req, res, deps).catch((error: unknown) => {
        console.error("tracking import failed:", error);
        if (!res.headersSent) replyError(res, 500, "INTERNAL_SERVER_ERROR", "internal error");
        else res.end();
      });
    },
  };
}
