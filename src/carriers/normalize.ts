import type { CanonicalEvent, CodeMeaning, RawCarrierEvent } from "./types.ts";

/** A carrier's code table: raw code -> canonical meaning, as data. */
export type CodeTable = Readonly<Record<string, CodeMeaning>>;

/** Second chance for a code missing from the table; its result is still marked unknown. */
export type CodeFallback = (raw: RawCarrierEvent) => CodeMeaning | undefined;

/**
 * What an unmapped code becomes when no fallback knows better. IN_TRANSIT says nothing
 * false about a moving parcel, and `known: false` tells the domain not to trust it
 * over a known event (docs/decisions/020-unknown-carrier-codes.md).
 */
export const UNKNOWN_CODE_MEANING: CodeMeaning = { status: "IN_TRANSIT" };

/**
 * Aggregator and UPS codes are "parent<sep>child" (tag/subtag, status/status_detail,
 * InTransit_007): when the child is new, the documented parent still says a lot.
 */
export function parentCodeFallback(table: CodeTable, separator: string): CodeFallback {
  return (raw) => {
    const cut = raw.rawCode.indexOf(separator);
    return cut > 0 ? table[raw.rawCode.slice(0, cut)] : undefined;
  };
}

export function createNormalizer(
  codeTable: CodeTable,
  fallback?: CodeFallback,
): (raw: RawCarrierEvent) => CanonicalEvent {
  return (raw) => {
    const known = Object.hasOwn(codeTable, raw.rawCode) ? codeTable[raw.rawCode] : undefined;
    if (known)
      return { ...raw, status: known.status, substatus: known.substatus ?? null, known: true };
    let meaning: CodeMeaning = UNKNOWN_CODE_MEANING;
    try {
      meaning = fallback?.(raw) ?? UNKNOWN_CODE_MEANING;
    } catch {
      // A fallback must never turn an odd event into a failed ingest.
    }
    return { ...raw, status: meaning.status, substatus: meaning.substatus ?? null, known: false };
  };
}
