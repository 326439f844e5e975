import { type Parser, parse } from "csv-parse";

/**
 * A csv-parse stream of records keyed by the header's names (trimmed, lower case), for the file
 * imports. `onHeader` sees the names first, to check them. Values are left as sent: each row
 * check trims its own (csv-parse's trim and info cost a third of the parse).
 */
export function csvRecordParser(onHeader: (names: string[]) => void): Parser {
  return parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim().toLowerCase());
      onHeader(names);
      return names;
    },
  });
}
