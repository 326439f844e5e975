import type { TrackingStatus, TrackingSubstatus } from "../vocabulary/index.ts";
import { fourPx } from "./4px/index.ts";
import { seventeenTrack } from "./17track/index.ts";
import { aftership } from "./aftership/index.ts";
import { cainiao } from "./cainiao/index.ts";
import type { DefinedCarrier } from "./define-carrier.ts";
import { dhl } from "./dhl/index.ts";
import { easypost } from "./easypost/index.ts";
import { fedex } from "./fedex/index.ts";
import {
  type CarrierInfo,
  type CarrierMatch,
  type DetectionContext,
  type DetectionResult,
  detectCarrier,
  detectCarriers,
  findCarrier,
  listCarriers,
  normalizeTrackingNumber,
  type TrackingNumberCheck,
  type TrackingNumberError,
  validateTrackingNumber,
} from "./tracking-numbers/index.ts";
import { ups } from "./ups/index.ts";
import { usps } from "./usps/index.ts";
import { yunexpress } from "./yunexpress/index.ts";

/** A tracking-number problem, or a carrier code that names no carrier (as confirmShipment says). */
export interface CarrierCheckError {
  code: TrackingNumberError["code"] | "UNKNOWN_CARRIER";
  message: string;
}

/** A tracking-number check against a carrier this registry may not know. */
export type CarrierCheck = Omit<TrackingNumberCheck, "errors"> & { errors: CarrierCheckError[] };

/** Every carrier and aggregator whose payloads trackline understands; adding one is one line. */
export const CARRIER_ADAPTERS: readonly DefinedCarrier[] = [
  ups,
  fedex,
  usps,
  dhl,
  yunexpress,
  cainiao,
  fourPx,
  aftership,
  seventeenTrack,
  easypost,
];

/**
 * Everything trackline knows about carriers, in one place: the payload adapters above and the
 * tracking-number directory (formats, names, tracking pages). A carrier that has an adapter but
 * no directory entry is still a carrier a seller can ship with.
 */
export interface CarrierRegistry {
  readonly adapters: readonly DefinedCarrier[];
  /** The payload adapter (carrier or aggregator) of a code. */
  adapter(code: string): DefinedCarrier | undefined;
  /** A carrier a shipment can name: directory entry, or an adapter that is not an aggregator. */
  find(code: string): CarrierInfo | undefined;
  /** Every such carrier, directory order first. */
  list(): CarrierInfo[];
  /** Carriers a number may belong to, best first; context (origin, destination) breaks ties. */
  detect(trackingNumber: string, context?: DetectionContext): CarrierMatch[];
  /** The same for a batch, in input order. */
  detectMany(trackingNumbers: readonly string[], context?: DetectionContext): DetectionResult[];
  /**
   * Checks a number for one carrier; a carrier without known formats accepts any clean number
   * with a warning, and a code that names no carrier is UNKNOWN_CARRIER (with `matches` saying
   * what it looks like).
   */
  validate(code: string, trackingNumber: string): CarrierCheck;
  /** What a raw code means in the carrier's table; null when the carrier or code is unknown. */
  lookupCode(
    carrier: string,
    rawCode: string,
    rawDescription: string,
  ): { status: TrackingStatus; substatus: TrackingSubstatus | null } | null;
}

export function createCarrierRegistry(
  adapters: readonly DefinedCarrier[] = CARRIER_ADAPTERS,
): CarrierRegistry {
  const byCode = new Map(adapters.map((adapter) => [adapter.code, adapter]));
  const adapterOnly = new Map<string, CarrierInfo>();
  for (const adapter of adapters) {
    if (adapter.aggregator || findCarrier(adapter.code)) continue;
    const template = adapter.trackingUrl ?? null;
    adapterOnly.set(adapter.code, {
      code: adapter.code,
      name: adapter.name,
      formats: [],
      trackingUrl: (n) => (template ? template.replace("%s", encodeURIComponent(n)) : null),
    });
  }
  return {
    adapters,
    adapter: (code) => byCode.get(code),
    find: (code) => findCarrier(code) ?? adapterOnly.get(code),
    list: () => [...listCarriers(), ...adapterOnly.values()],
    detect: detectCarrier,
    detectMany: detectCarriers,
    validate: (code, trackingNumber) => {
      if (findCarrier(code)) return validateTrackingNumber(code, trackingNumber);
      const n = normalizeTrackingNumber(trackingNumber);
      if ("error" in n) {
        const errors = [n.error];
        return {
          valid: false,
          normalized: null,
          errors,
          suggestions: [],
          matches: [],
          warnings: [],
        };
      }
      const matches = detectCarrier(n.normalized);
      const known = adapterOnly.get(code);
      if (known) {
        const message = `trackline knows no number format of ${known.name}: "${n.normalized}" is accepted as given.`;
        const warnings = [{ code: "NO_KNOWN_FORMAT" as const, message }];
        return {
          valid: true,
          normalized: n.normalized,
          errors: [],
          suggestions: [],
          matches,
          warnings,
        };
      }
      const looksLike = matches.length
        ? ` It matches ${matches.map((m) => `${m.carrier.name} (${m.carrier.code})`).join(", ")}.`
        : "";
      const message = `Unknown carrier code "${code}".${looksLike}`;
      return {
        valid: false,
        normalized: n.normalized,
        errors: [{ code: "UNKNOWN_CARRIER", message }],
        suggestions: [],
        matches,
        warnings: [],
      };
    },
    lookupCode: (carrier, rawCode, rawDescription) => {
      const event = byCode
        .get(carrier)
        ?.normalize({ carrier, trackingNumber: "", occurredAt: "", rawCode, rawDescription });
      return event?.known ? { status: event.status, substatus: event.substatus } : null;
    },
  };
}
