import { stringify } from "csv-stringify/sync";
import type { TrackingImport } from "../../../generated/prisma/client.ts";
import type { ImportProblem } from "./columns.ts";

const HEADER = ["row", "column", "value", "severity", "code", "message", "suggestions"];

/**
 * An import's problems as a spreadsheet opens them: errors, then warnings, by row. The value
 * cell echoes the uploaded file (an order id "=HYPERLINK(...)" comes back as sent), so a
 * cell starting with =, +, -, @, tab or CR gets a leading apostrophe (OWASP CSV injection).
 */
export function importReportCsv(
  record: Pick<TrackingImport, "errors" | "warnings" | "errorsNotListed">,
): string {
  const line = (severity: string) => (problem: ImportProblem) => [
    problem.row,
    problem.column ?? "",
    problem.value ?? "",
    severity,
    problem.code,
    problem.message,
    (problem.suggestions ?? []).map((s) => `${s.trackingNumber} (${s.carrier})`).join("; "),
  ];
  const rows = [
    HEADER,
    ...(record.errors as unknown as ImportProblem[]).map(line("error")),
    ...(record.warnings as unknown as ImportProblem[]).map(line("warning")),
  ];
  if (record.errorsNotListed > 0) {
    rows.push([
      "",
      "",
      "note",
      "",
      `${record.errorsNotListed} more problems were counted, not listed`,
      "",
    ]);
  }
  return stringify(rows, { escape_formulas: true });
}
