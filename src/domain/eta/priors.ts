import { type Distribution, windowDistribution } from "./distribution.ts";
import type { Anchor } from "./journey.ts";

/** Where a prior came from, in the order one is chosen when a lane has little or no history. */
export const PRIOR_KINDS = ["PROMISE", "CHANNEL", "CARRIER_STANDARD", "DEFAULT"] as const;
export type PriorKind = (typeof PRIOR_KINDS)[number];

/** A range of business days from the anchor, believed before any delivery was seen. */
export interface EtaPriorWindow {
  kind: PriorKind;
  fromDays: number;
  toDays: number;
  /** Who said so, for the explanation: "UPS Ground", "Shopee SLS Standard". */
  source: string | null;
}

/**
 * Published transit times of common services, in business days from pick-up (the carriers'
 * own service pages; domestic services within their home country).
 */
const CARRIER_STANDARDS: readonly {
  carrier: string;
  service: RegExp;
  domestic: boolean;
  from: number;
  to: number;
  name: string;
}[] = [
  {
    carrier: "usps",
    service: /express/i,
    domestic: true,
    from: 1,
    to: 2,
    name: "USPS Priority Mail Express",
  },
  {
    carrier: "usps",
    service: /priority/i,
    domestic: true,
    from: 1,
    to: 3,
    name: "USPS Priority Mail",
  },
  {
    carrier: "usps",
    service: /ground|advantage|^$/i,
    domestic: true,
    from: 2,
    to: 5,
    name: "USPS Ground Advantage",
  },
  { carrier: "ups", service: /ground|^$/i, domestic: true, from: 1, to: 5, name: "UPS Ground" },
  {
    carrier: "fedex",
    service: /ground|home|^$/i,
    domestic: true,
    from: 1,
    to: 5,
    name: "FedEx Ground",
  },
  {
    carrier: "dhl",
    service: /express|^$/i,
    domestic: false,
    from: 2,
    to: 5,
    name: "DHL Express Worldwide",
  },
];

/** The carrier's published standard for a service, when trackline knows it. */
export function carrierStandard(
  carrier: string | null,
  service: string | null,
  domestic: boolean,
): EtaPriorWindow | null {
  if (!carrier) return null;
  const code = carrier.toLowerCase();
  const match = CARRIER_STANDARDS.find(
    (s) => s.carrier === code && s.domestic === domestic && s.service.test(service?.trim() ?? ""),
  );
  return match
    ? { kind: "CARRIER_STANDARD", fromDays: match.from, toDays: match.to, source: match.name }
    : null;
}

/**
 * trackline's own default when nothing better is known (decision 033): domestic parcels 1-6
 * business days from pick-up, cross-border 6-20; from the order date two more for handling.
 */
export function defaultPrior(anchor: Anchor, domestic: boolean): EtaPriorWindow {
  const [from, to] = domestic ? [1, 6] : [6, 20];
  const handling = anchor === "ORDERED" ? 2 : 0;
  const later = anchor !== "ORDERED" && anchor !== "SHIPPED";
  // From a later milestone the parcel is past part of its way: half the window is left.
  const [f, t] = later ? [0, Math.ceil(to / 2)] : [from + handling, to + handling];
  return { kind: "DEFAULT", fromDays: f, toDays: t, source: null };
}

export function priorDistribution(prior: EtaPriorWindow): Distribution {
  return windowDistribution(prior.fromDays, prior.toDays);
}
