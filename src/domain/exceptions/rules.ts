import type { ExceptionType, TrackingStatus } from "../../vocabulary/index.ts";
import type { WorkCalendar } from "../eta/calendar.ts";
import { type Day, dayAtOffset, dayInZone, isoOfDay } from "../eta/days.ts";
import { businessDaysBetween } from "../eta/journey.ts";
import type { StallMilestone } from "./stall-milestones.ts";
import type { StallThreshold } from "./stall-thresholds.ts";

/** A moment with the UTC offset it was reported in. */
export interface Moment {
  instant: Date;
  offsetMinutes: number;
}

/** What the rules read of one shipment (src/domain/exceptions/facts.ts loads it). */
export interface ExceptionFacts {
  status: TrackingStatus;
  substatus: string | null;
  /** The event that set the current status (the latest known one). */
  statusEvent: Moment | null;
  /** The latest physical scan, and the milestone the parcel had reached by then. */
  lastScan: (Moment & { milestone: StallMilestone }) | null;
  /** When the marketplace got the tracking (confirmedAtOf); null: not confirmed. */
  confirmedAt: Date | null;
  originCountry: string | null;
  destinationCountry: string;
  /** The destination's time zone: days without an offset of their own are counted there. */
  timeZone: string;
  promisedDeliveryTo: Moment | null;
  /** The latest day of the estimate made at hand-over (in timeZone); null without one. */
  estimatedLatest: Day | null;
}

/** What the rules are evaluated with; `now` comes from outside, like every clock here. */
export interface RuleContext {
  now: Date;
  /** The destination's working days (transit is counted in them, as the estimator does). */
  calendar: WorkCalendar;
  stallThreshold(milestone: StallMilestone): StallThreshold;
  /** Business days a confirmed parcel may go without its first physical scan. */
  noScanBusinessDays: number;
}

/** An exception that holds now: since when, and what the rule saw. */
export interface DetectedException {
  type: ExceptionType;
  since: Date;
  evidence: Record<string, string | number | boolean | null>;
}

/** Default of RuleContext.noScanBusinessDays: after two business days, the parcel was not handed over. */
export const NO_SCAN_BUSINESS_DAYS = 2;

/** Statuses whose parcel should keep being scanned; the others have a rule of their own or are done. */
const MOVING: ReadonlySet<string> = new Set(["IN_TRANSIT", "OUT_FOR_DELIVERY"]);
const DONE: ReadonlySet<string> = new Set(["DELIVERED", "EXPIRED"]);

/** Every exception that holds for a shipment at `ctx.now`; a pure function of its inputs. */
export function detectExceptions(facts: ExceptionFacts, ctx: RuleContext): DetectedException[] {
  const found: DetectedException[] = [];
  const since = facts.statusEvent?.instant ?? ctx.now;
  if (facts.status === "DELIVERY_FAILED") {
    found.push({ type: "DELIVERY_FAILED", since, evidence: statusEvidence(facts) });
  }
  if (facts.substatus === "CUSTOMS_HELD") {
    found.push({ type: "CUSTOMS_HELD", since, evidence: statusEvidence(facts) });
  }
  if (facts.substatus === "RETURNING_TO_SENDER") {
    found.push({ type: "RETURNING_TO_SENDER", since, evidence: statusEvidence(facts) });
  }
  const stalled = stall(facts, ctx);
  if (stalled) found.push(stalled);
  const noScan = noScanAfterConfirmation(facts, ctx);
  if (noScan) found.push(noScan);
  const late = lateness(facts, ctx);
  if (late) found.push(late);
  return found;
}

function statusEvidence(facts: ExceptionFacts): DetectedException["evidence"] {
  return {
    status: facts.status,
    substatus: facts.substatus,
    eventAt: facts.statusEvent?.instant.toISOString() ?? null,
  };
}

/** No physical scan for more business days than the lane's usual gap at the parcel's milestone. */
function stall(facts: ExceptionFacts, ctx: RuleContext): DetectedException | null {
  const scan = facts.lastScan;
  const quietStatus =
    MOVING.has(facts.status) || (facts.status === "EXCEPTION" && facts.substatus === "DELAYED");
  if (!scan || !quietStatus) return null;
  const scanDay = dayAtOffset(scan.instant, scan.offsetMinutes);
  const today = dayAtOffset(ctx.now, scan.offsetMinutes);
  const days = businessDaysBetween(scanDay, today, ctx.calendar);
  const threshold = ctx.stallThreshold(scan.milestone);
  if (days <= threshold.businessDays) return null;
  return {
    type: "STALLED",
    since: scan.instant,
    evidence: {
      lastScanAt: scan.instant.toISOString(),
      milestone: scan.milestone,
      businessDays: days,
      thresholdBusinessDays: threshold.businessDays,
      thresholdSource: threshold.source,
      lane: threshold.lane,
      samples: threshold.samples,
      calendar: ctx.calendar.country,
    },
  };
}

/** Confirmed to the marketplace, and no physical scan N business days later. */
function noScanAfterConfirmation(
  facts: ExceptionFacts,
  ctx: RuleContext,
): DetectedException | null {
  if (!facts.confirmedAt || facts.lastScan || DONE.has(facts.status)) return null;
  const confirmedDay = dayInZone(facts.confirmedAt, facts.timeZone);
  const days = businessDaysBetween(confirmedDay, dayInZone(ctx.now, facts.timeZone), ctx.calendar);
  if (days < ctx.noScanBusinessDays) return null;
  return {
    type: "NO_SCAN_AFTER_CONFIRMATION",
    since: facts.confirmedAt,
    evidence: {
      confirmedAt: facts.confirmedAt.toISOString(),
      businessDays: days,
      thresholdBusinessDays: ctx.noScanBusinessDays,
      calendar: ctx.calendar.country,
    },
  };
}

/** Not delivered, and past the promised date or past the latest day of the hand-over estimate. */
function lateness(facts: ExceptionFacts, ctx: RuleContext): DetectedException | null {
  if (DONE.has(facts.status)) return null;
  const promised = facts.promisedDeliveryTo;
  if (promised && promised.instant.getTime() < ctx.now.getTime()) {
    return {
      type: "LATE",
      since: promised.instant,
      evidence: {
        basis: "PROMISE",
        date: isoOfDay(dayAtOffset(promised.instant, promised.offsetMinutes)),
        promisedDeliveryTo: promised.instant.toISOString(),
      },
    };
  }
  const latest = facts.estimatedLatest;
  if (latest !== null && dayInZone(ctx.now, facts.timeZone) > latest) {
    return {
      type: "LATE",
      since: startOfDayInZone(latest + 1, facts.timeZone),
      evidence: { basis: "ESTIMATE", date: isoOfDay(latest), timeZone: facts.timeZone },
    };
  }
  return null;
}

/** The instant a calendar day starts in a time zone (the offset at noon UTC of that day). */
export function startOfDayInZone(day: Day, timeZone: string): Date {
  const noon = new Date(day * 86_400_000 + 12 * 3_600_000);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    timeZoneName: "longOffset",
  }).formatToParts(noon);
  const name = parts.find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offset = match ? (match[1] === "-" ? -1 : 1) * (+match[2]! * 60 + +match[3]!) : 0;
  return new Date(day * 86_400_000 - offset * 60_000);
}
