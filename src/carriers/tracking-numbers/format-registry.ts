import { CARRIER_DECLARATIONS } from "./carrier-registry.ts";
import { type CompiledFormat, compileFormat } from "./compiled-format.ts";
import { loadFormatData } from "./format-data.ts";
import type { CarrierInfo, FormatInfo } from "./types.ts";

/** Longest normalized number we accept; the longest known format (USPS IMpb with routing) is 34. */
export const MAX_TRACKING_NUMBER_LENGTH = 40;

/** Every format, dataset first then extras, compiled once at module load. */
export const FORMATS: readonly CompiledFormat[] = loadFormatData().map(compileFormat);

const S10_CARRIERS = new Set([
  "china-post",
  "china-ems",
  "singapore-post",
  "thailand-post",
  "japan-post",
  "korea-post",
  "royal-mail",
  "deutsche-post",
  "la-poste",
  "colissimo",
  "australia-post",
  "canada-post",
  "usps",
  "upu-s10",
]);

function formatInfo(f: CompiledFormat): FormatInfo {
  return {
    id: f.id,
    name: f.name,
    hasCheckDigit: f.checksum !== null,
    checksum: f.checksumName,
    example: f.validExamples[0]?.replace(/[\s-]/g, "") ?? null,
  };
}

function urlBuilder(template: string | null): (n: string) => string | null {
  return (n) => (template === null ? null : template.replace("%s", encodeURIComponent(n)));
}

/** Carrier code -> tie-break rank (declaration order). */
export const CARRIER_RANK = new Map(CARRIER_DECLARATIONS.map((c, i) => [c.code, i]));

/** Carrier code -> countries it operates in, for carriers that declare them. */
export const CARRIER_COUNTRIES = new Map<string, ReadonlySet<string> | "worldwide">(
  CARRIER_DECLARATIONS.flatMap((c) => {
    if (c.countries === undefined) return [];
    return [[c.code, c.countries === "worldwide" ? "worldwide" : new Set(c.countries)] as const];
  }),
);

/** Carrier code -> its formats, S10 included for every post that issues S10 numbers. */
export const FORMATS_BY_CARRIER = new Map<string, CompiledFormat[]>();
for (const f of FORMATS) {
  const codes = f.carrier === null ? [...S10_CARRIERS] : [f.carrier];
  for (const code of codes) {
    if (!CARRIER_RANK.has(code)) throw new Error(`Format ${f.id} names undeclared carrier ${code}`);
    FORMATS_BY_CARRIER.set(code, [...(FORMATS_BY_CARRIER.get(code) ?? []), f]);
  }
}

export const CARRIERS = new Map<string, CarrierInfo>(
  CARRIER_DECLARATIONS.map((c) => [
    c.code,
    {
      code: c.code,
      name: c.name,
      trackingUrl: urlBuilder(c.trackingUrl),
      formats: (FORMATS_BY_CARRIER.get(c.code) ?? []).map(formatInfo),
    },
  ]),
);

/**
 * Candidate formats by normalized length and first character code, so a number is only run
 * against regexes that can possibly match it.
 */
const INDEX: CompiledFormat[][][] = [];
for (let len = 0; len <= MAX_TRACKING_NUMBER_LENGTH; len++) {
  const byChar: CompiledFormat[][] = [];
  for (let code = 0; code < 128; code++) {
    const ch = String.fromCharCode(code);
    byChar.push(
      FORMATS.filter(
        (f) => len >= f.shape.minLength && len <= f.shape.maxLength && f.shape.firstChars.has(ch),
      ),
    );
  }
  INDEX.push(byChar);
}

const NONE: readonly CompiledFormat[] = [];

/** Formats worth trying on a normalized number. */
export function candidateFormats(normalized: string): readonly CompiledFormat[] {
  return INDEX[normalized.length]?.[normalized.charCodeAt(0)] ?? NONE;
}
