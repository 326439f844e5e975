import { type CodeFallback, type CodeTable, createNormalizer } from "./normalize.ts";
import type { CarrierAdapter } from "./types.ts";

/** What a carrier folder declares: its payload parser, its code table, optional webhook checks. */
export interface CarrierDefinition extends Omit<CarrierAdapter, "normalize"> {
  /** Every documented raw code -> canonical meaning. */
  codes: CodeTable;
  /** Used when a code is missing from `codes`; the event is still marked unknown. */
  fallback?: CodeFallback;
}

/** A `CarrierAdapter` that also exposes its code table, for the contract suite and docs. */
export interface DefinedCarrier extends CarrierAdapter {
  readonly codes: CodeTable;
}

export function defineCarrier(definition: CarrierDefinition): DefinedCarrier {
  const { fallback, ...adapter } = definition;
  return { ...adapter, normalize: createNormalizer(definition.codes, fallback) };
}
