import { DATASET_CARRIER_CODES } from "./carrier-registry.ts";
import { type ChecksumFn, createChecksum } from "./checksums.ts";
import type { LoadedFormat } from "./format-data.ts";
import { compactRegexSource, type RegexShape, regexShape } from "./regex-source.ts";
import { s10CarrierCode } from "./s10-carriers.ts";

/** A group value that must appear in one of the format's lookup tables (S10 country codes). */
interface RequiredLookup {
  group: string;
  values: Set<string>;
  patterns: RegExp[];
}

/** A format ready for the hot path: anchored whitespace-free regex, checksum, ranking data. */
export interface CompiledFormat {
  id: string;
  name: string;
  regex: RegExp;
  checksum: ChecksumFn | null;
  checksumName: string | null;
  prependIf: { test: RegExp; content: string } | null;
  required: RequiredLookup[];
  /** Our carrier code; null when it depends on the number (S10). */
  carrier: string | null;
  /** Carrier whose match this one is listed after when both match (FormatData.listed_after). */
  listedAfter: string | null;
  shape: RegexShape;
  confidence: number;
  validExamples: string[];
  invalidExamples: string[];
  /** Country code -> country name, from the format's lookup tables (S10). */
  countryNames: Map<string, string>;
}

/** Outcome of one format against one normalized number. */
export interface FormatOutcome {
  format: CompiledFormat;
  carrier: string;
  checksum: "CHECKSUM_VALID" | "NO_CHECKSUM" | "CHECKSUM_FAILED";
  /** Issuing country of an S10 number, for naming posts we do not list. */
  country: string | null;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/**
 * 0..1 score. Checksum-valid formats live in [0.5, 0.95] and pattern-only ones in [0.1, 0.47],
 * so a verified check digit always outranks a bare pattern; inside each band, every character
 * the pattern pins down (prefixes, country codes checked against a table) and a fixed length
 * raise the score, because they make an accidental match less likely.
 */
function confidenceOf(shape: RegexShape, lookups: number, hasChecksum: boolean): number {
  const pinned = Math.min(shape.fixedChars + 2 * lookups, 4);
  const fixedLength = shape.minLength === shape.maxLength ? 0.05 : 0;
  const score = hasChecksum
    ? 0.5 + PIN_WEIGHT.checksum * pinned + fixedLength
    : 0.1 + PIN_WEIGHT.pattern * pinned + fixedLength;
  return Math.round(score * 100) / 100;
}

/** What one pinned character adds to confidence, per band (detection weighs context alike). */
export const PIN_WEIGHT = { checksum: 0.1, pattern: 0.08 } as const;

export function compileFormat(loaded: LoadedFormat): CompiledFormat {
  const { data } = loaded;
  const id = data.id ?? slug(`${loaded.courierCode}_${data.name}`);
  const source = compactRegexSource(Array.isArray(data.regex) ? data.regex.join("") : data.regex);
  const spec = data.validation?.checksum;
  const prepend = data.validation?.serial_number_format?.prepend_if;
  const required = (data.validation?.additional?.exists ?? []).flatMap((name) => {
    const table = data.additional?.find((a) => a.name === name);
    if (!table) return [];
    return [
      {
        group: table.regex_group_name,
        values: new Set(table.lookup.flatMap((row) => (row.matches ? [row.matches] : []))),
        patterns: table.lookup.flatMap((row) =>
          row.matches_regex ? [new RegExp(`^(?:${row.matches_regex})$`)] : [],
        ),
      },
    ];
  });
  const shape = regexShape(source);
  const carrier =
    loaded.origin === "extra"
      ? loaded.courierCode
      : (DATASET_CARRIER_CODES[id] ?? DATASET_CARRIER_CODES[loaded.courierCode] ?? null);
  if (carrier === null && loaded.courierCode !== "s10") {
    throw new Error(`No carrier code mapped for dataset courier "${loaded.courierCode}"`);
  }
  return {
    id,
    name: data.name,
    regex: new RegExp(`^(?:${source})$`),
    checksum: spec ? createChecksum(spec) : null,
    checksumName: spec?.name ?? null,
    prependIf: prepend
      ? { test: new RegExp(compactRegexSource(prepend.matches_regex)), content: prepend.content }
      : null,
    required,
    carrier,
    listedAfter: data.listed_after ?? null,
    shape,
    confidence: confidenceOf(shape, required.length, spec !== undefined),
    countryNames: new Map(
      (data.additional ?? []).flatMap((a) =>
        a.lookup.flatMap((row) => (row.matches && row.country ? [[row.matches, row.country]] : [])),
      ) as [string, string][],
    ),
    validExamples: data.test_numbers?.valid ?? [],
    invalidExamples: data.test_numbers?.invalid ?? [],
  };
}

/** Runs one format on a normalized number; null when the pattern (or a required lookup) fails. */
export function runFormat(f: CompiledFormat, s: string): FormatOutcome | null {
  const m = f.regex.exec(s);
  if (m === null) return null;
  const groups = m.groups;
  for (const req of f.required) {
    const v = groups?.[req.group];
    if (v === undefined) return null;
    if (!req.values.has(v) && !req.patterns.some((p) => p.test(v))) return null;
  }
  const country = f.carrier === null ? (groups?.CountryCode ?? "") : null;
  const carrier = f.carrier ?? s10CarrierCode(country ?? "", groups?.ServiceType ?? "");
  if (f.checksum === null) return { format: f, carrier, checksum: "NO_CHECKSUM", country };
  let serial = groups?.SerialNumber ?? "";
  if (f.prependIf?.test.test(serial)) serial = f.prependIf.content + serial;
  const ok = f.checksum(serial, groups?.CheckDigit ?? "");
  return { format: f, carrier, checksum: ok ? "CHECKSUM_VALID" : "CHECKSUM_FAILED", country };
}
