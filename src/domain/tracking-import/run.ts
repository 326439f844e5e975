import type { PrismaClient, TrackingImport } from "../../../generated/prisma/client.ts";
import { importFinished } from "../outbound-webhooks/events.ts";
import { emitWebhookEvent } from "../outbound-webhooks/outbox.ts";
import { type ApplyDeps, applyTrackingRows } from "./apply.ts";
import type { ImportProblem } from "./columns.ts";
import type { CsvRead } from "./read-csv.ts";

/** More problems than this (errors, and warnings apart) are counted, not listed or stored. */
export const MAX_LISTED_PROBLEMS = 1000;

/** What an import answers, over HTTP and GraphQL alike. */
export interface TrackingImportAnswer {
  importId: string;
  /** Rows applied or unchanged: after the import, each of their orders carries its number. */
  accepted: number;
  applied: number;
  unchanged: number;
  rejected: number;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Errors and warnings beyond the listed ones. */
  errorsNotListed: number;
}

/**
 * Applies a file that was read: the import is recorded RUNNING first (so a crash leaves a trace),
 * then FINISHED with its counts and problems in the transaction that queues `import.finished`.
 */
export async function runTrackingImport(
  db: PrismaClient,
  tenantId: string,
  read: Extract<CsvRead, { outcome: "READ" }>,
  deps: ApplyDeps,
): Promise<TrackingImportAnswer> {
  const record = await db.trackingImport.create({
    data: { tenantId, rows: read.records },
  });
  let outcome: Awaited<ReturnType<typeof applyTrackingRows>>;
  try {
    outcome = await applyTrackingRows(db, tenantId, read.rows, deps);
  } catch (error) {
    await db.trackingImport.update({
      where: { id: record.id },
      data: { state: "FAILED", finishedAt: new Date() },
    });
    throw error;
  }
  const errors = [...read.problems, ...outcome.problems].sort((a, b) => a.row - b.row);
  const warnings = outcome.warnings.sort((a, b) => a.row - b.row);
  const answer: TrackingImportAnswer = {
    importId: record.id,
    accepted: outcome.applied + outcome.unchanged,
    applied: outcome.applied,
    unchanged: outcome.unchanged,
    // A record refused while reading (texts, dates, a malformed line) never reached apply.
    rejected: read.records - read.rows.length + outcome.rejected,
    errors: errors.slice(0, MAX_LISTED_PROBLEMS),
    warnings: warnings.slice(0, MAX_LISTED_PROBLEMS),
    errorsNotListed:
      Math.max(0, errors.length - MAX_LISTED_PROBLEMS) +
      Math.max(0, warnings.length - MAX_LISTED_PROBLEMS),
  };
  const finished = importFinished(tenantId, {
    importId: record.id,
    kind: "TRACKING",
    accepted: answer.accepted,
    rejected: answer.rejected,
  });
  const webhooks = await db.$transaction(async (tx) => {
    await tx.trackingImport.update({
      where: { id: record.id },
      data: {
        state: "FINISHED",
        applied: answer.applied,
        unchanged: answer.unchanged,
        rejected: answer.rejected,
        errors: answer.errors as object[],
        warnings: answer.warnings as object[],
        errorsNotListed: answer.errorsNotListed,
        finishedAt: new Date(),
      },
    });
    return emitWebhookEvent(tx, deps.jobs, finished, deps.now);
  });
  if (webhooks > 0) deps.jobs.wake("webhook-delivery");
  return answer;
}

/** One import of the tenant; another tenant's id answers null. */
export function findTrackingImport(
  db: PrismaClient,
  tenantId: string,
  importId: string,
): Promise<TrackingImport | null> {
  return db.trackingImport.findFirst({ where: { id: importId, tenantId } });
}
