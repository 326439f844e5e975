import type { ExceptionType } from "./exception.ts";
import type { Milestone } from "./milestone.ts";
import type { OrderState } from "./order-state.ts";
import type { TrackingStatus, TrackingSubstatus } from "./tracking-status.ts";

/**
 * Buyer-facing texts of one locale, as ICU MessageFormat strings. `status` words a timeline
 * entry (by substatus when there is one, else by status); `orderState` names an order's state;
 * `milestone` is the message sent to a buyer at that moment (variables: MessageVars);
 * `exception` is the only section for the seller, not the buyer.
 */
export interface TextCatalog {
  status: Record<TrackingStatus | TrackingSubstatus, string>;
  orderState: Record<OrderState, string>;
  milestone: Record<Milestone, string>;
  /** Lines of a delivery estimate's explanation (variables: ETA_TEXT_VARS). */
  eta: Record<EtaTextKey, string>;
  /** The action suggested to the seller for an open exception (variables: ExceptionTextVars). */
  exception: Record<ExceptionType, string>;
}

/** The lines a delivery estimate's explanation is made of, and the variables each reads. */
export const ETA_TEXT_VARS = {
  lane: ["lane", "count"],
  shrunk: ["lane", "count"],
  priorPromise: ["from", "to"],
  priorChannel: ["source", "from", "to"],
  priorCarrier: ["source", "from", "to"],
  priorDefault: ["from", "to"],
  businessDays: ["country"],
  holidayOrigin: ["holiday", "date"],
  holidayDestination: ["holiday", "date"],
  from: ["point", "date"],
  pastPromise: ["date"],
} as const;
export type EtaTextKey = keyof typeof ETA_TEXT_VARS;
export const ETA_TEXT_KEYS = Object.keys(ETA_TEXT_VARS) as EtaTextKey[];

/** A plugin's own wording: some of a locale's texts, in the marketplace's words. */
export type TextOverrides = {
  [Section in keyof TextCatalog]?: Partial<TextCatalog[Section]>;
};

/** Who wrote a locale's texts: a native speaker, or a machine draft awaiting review. */
export type TextReview = "native" | "machine-draft";
