import { Readable } from "node:stream";
import type { TrackingImport } from "../../generated/prisma/client.ts";
import { MAX_REQUEST_TEXT } from "../domain/input-limits.ts";
import type { ImportProblem } from "../domain/tracking-import/columns.ts";
import { readTrackingCsv } from "../domain/tracking-import/read-csv.ts";
import {
  findTrackingImport,
  MAX_LISTED_PROBLEMS,
  runTrackingImport,
} from "../domain/tracking-import/run.ts";
import { type UserError, userError } from "../domain/user-error.ts";
import { builder } from "./builder.ts";
import { SuggestionRef } from "./tracking-number.ts";
import { scopeError, UserErrorCodeEnum, UserErrorRef } from "./user-error.ts";

/** Every text of a request is capped at MAX_REQUEST_TEXT: about 100 rows. Larger files: HTTP. */
const MAX_CSV_TEXT = MAX_REQUEST_TEXT;

const ImportRowErrorRef = builder.objectRef<ImportProblem>("ImportRowError").implement({
  description: "A problem of one row of an imported file.",
  fields: (t) => ({
    row: t.exposeInt("row", { description: "Row 1 is the header; the first data row is row 2." }),
    column: t.exposeString("column", { nullable: true }),
    value: t.exposeString("value", {
      nullable: true,
      description: "The cell as uploaded (cut at 200 characters).",
    }),
    code: t.field({ type: UserErrorCodeEnum, resolve: (problem) => problem.code }),
    message: t.exposeString("message"),
    suggestions: t.field({
      type: [SuggestionRef],
      description: "Numbers the tracking-number check thinks were meant.",
      resolve: (problem) => problem.suggestions ?? [],
    }),
  }),
});

const ImportStateEnum = builder.enumType("TrackingImportState", {
  values: ["RUNNING", "FINISHED", "FAILED"] as const,
});

const problems = (value: unknown) => value as ImportProblem[];

const TrackingImportRef = builder.objectRef<TrackingImport>("TrackingImport").implement({
  description: "A 3PL tracking file and what became of its rows (decision 038).",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The importId POST /imports/tracking answers." }),
    state: t.field({ type: ImportStateEnum, resolve: (record) => record.state }),
    rows: t.exposeInt("rows", { description: "Data rows read." }),
    accepted: t.int({
      description: "Rows applied or unchanged.",
      resolve: (record) => record.applied + record.unchanged,
    }),
    applied: t.exposeInt("applied", { description: "Rows that confirmed a new shipment." }),
    unchanged: t.exposeInt("unchanged", {
      description: "Rows whose order already carried that carrier and number.",
    }),
    rejected: t.exposeInt("rejected"),
    errors: t.field({
      type: [ImportRowErrorRef],
      complexity: { field: 1, multiplier: MAX_LISTED_PROBLEMS },
      resolve: (record) => problems(record.errors),
    }),
    warnings: t.field({
      type: [ImportRowErrorRef],
      description:
        "Accepted rows worth a look (an unknown number format, a carrier the site does not list).",
      complexity: { field: 1, multiplier: MAX_LISTED_PROBLEMS },
      resolve: (record) => problems(record.warnings),
    }),
    errorsNotListed: t.exposeInt("errorsNotListed"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("importJob", (t) =>
  t.field({
    type: TrackingImportRef,
    nullable: true,
    description: "A tracking import of the caller's tenant; null for any other id.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => findTrackingImport(ctx.db, ctx.viewer.tenantId, String(id)),
  }),
);

const ImportTrackingFileInput = builder.inputType("ImportTrackingFileInput", {
  fields: (t) => ({
    csv: t.string({
      required: true,
      description: `The file's text, header row first (at most ${MAX_CSV_TEXT} characters; POST /imports/tracking takes large ones).`,
    }),
  }),
});

type Payload = { import: TrackingImport | null; errors: UserError[] };

const ImportTrackingFilePayload = builder
  .objectRef<Payload>("ImportTrackingFilePayload")
  .implement({
    fields: (t) => ({
      import: t.field({ type: TrackingImportRef, nullable: true, resolve: (p) => p.import }),
      errors: t.field({ type: [UserErrorRef], resolve: (p) => p.errors }),
    }),
  });

builder.mutationField("importTrackingFile", (t) =>
  t.field({
    type: ImportTrackingFilePayload,
    description:
      "Confirms shipments from a small 3PL tracking file, each row as confirmShipment would; bad rows are listed in import.errors.",
    args: { input: t.arg({ type: ImportTrackingFileInput, required: true }) },
    resolve: async (_root, { input }, ctx): Promise<Payload> => {
      const denied = scopeError(ctx, "tracking:write");
      if (denied.length) return { import: null, errors: denied };
      if (input.csv.length > MAX_CSV_TEXT) {
        const message = `csv is longer than ${MAX_CSV_TEXT} characters: POST /imports/tracking takes large files`;
        return { import: null, errors: [userError("TOO_LONG", message, "csv")] };
      }
      const read = await readTrackingCsv(Readable.from([input.csv]), {
        maxBytes: Number.POSITIVE_INFINITY,
        maxRows: Number.POSITIVE_INFINITY,
      });
      if (read.outcome !== "READ") {
        const found = "problems" in read ? read.problems : [];
        return {
          import: null,
          errors: found.map((problem) => userError(problem.code, problem.message, "csv")),
        };
      }
      const answer = await runTrackingImport(ctx.db, ctx.viewer.tenantId, read, {
        now: ctx.now(),
        carriers: ctx.carriers,
        marketplaces: ctx.marketplaces,
        jobs: ctx.jobs,
      });
      return {
        import: await findTrackingImport(ctx.db, ctx.viewer.tenantId, answer.importId),
        errors: [],
      };
    },
  }),
);
