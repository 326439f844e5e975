import type { WorkCalendar } from "./calendar.ts";
import type { Day } from "./days.ts";
import { atLeast, type Distribution, emptyDistribution, quantile } from "./distribution.ts";
import {
  type Anchor,
  addBusinessDays,
  firstMovingDay,
  JOURNEY_POINTS,
  LEG_MILESTONES,
  type LegMilestone,
} from "./journey.ts";
import type { Blend, LevelShare } from "./lane-table.ts";
import { type Lane, type LaneLevel, laneKeys, laneLabel } from "./lanes.ts";
import {
  calibratedLevels,
  type EtaModel,
  isDomestic,
  journeyDays,
  laneCalendars,
  pairKey,
} from "./model.ts";
import {
  carrierStandard,
  defaultPrior,
  type EtaPriorWindow,
  type PriorKind,
  priorDistribution,
} from "./priors.ts";

export interface EtaQuery {
  lane: Lane;
  carrier: string | null;
  service: string | null;
  /** The local day of each point of the journey already reached (ORDERED, SHIPPED, ...). */
  reached: Partial<Record<Anchor, Day>>;
  /** 0..1: the share of deliveries the range should hold. */
  confidence: number;
  /** The marketplace's promised delivery window, as local days. */
  promise?: { from: Day; to: Day } | null;
  /** The marketplace channel's service days (Shopee, TikTok Shop), before the carrier's. */
  channelPrior?: EtaPriorWindow | null;
  /** Set for a parcel still in transit: it arrives this day or later. */
  notDeliveredBefore?: Day | null;
  /** The store site's weekend when it is not its country's. */
  destinationWeekend?: readonly number[];
}

/** The finest lane level with history, or the prior that stood in for it. */
export type BasisLevel = LaneLevel | PriorKind;

export interface SkippedHoliday {
  side: "ORIGIN" | "DESTINATION";
  day: Day;
  calendar: WorkCalendar;
}

export interface EtaResult {
  earliest: Day;
  latest: Day;
  mostLikely: Day;
  confidence: number;
  /** The journey point counted from, and its day. */
  anchor: Anchor;
  anchorDay: Day;
  basis: { level: BasisLevel; sampleSize: number; lane: string };
  /** The coarser lane a thin lane was shrunk toward. */
  shrunkToward: { level: LaneLevel; sampleSize: number; lane: string } | null;
  /** The prior, when history was thin enough for it to weigh (>= 10 % of the blend). */
  prior: EtaPriorWindow | null;
  legs: { milestone: LegMilestone; earliest: Day; latest: Day }[];
  /** Holidays skipped while counting: at the origin before the parcel moves, at the destination up to `latest`. */
  holidays: SkippedHoliday[];
  origin: WorkCalendar;
  destination: WorkCalendar;
}

/** How much an anchor's own history must hold before it is preferred to an earlier anchor. */
const MIN_ANCHOR_HISTORY = 10;
const PRIOR_REPORTED = 0.1;

/** An explained delivery range from a fitted model; pure, `model.now` is not consulted. */
export function estimateDelivery(model: EtaModel, query: EtaQuery): EtaResult | null {
  const { origin } = laneCalendars(model.calendars, query.lane);
  const destination = model.calendars.calendar(
    query.lane.destinationCountry,
    query.lane.destinationRegion,
    query.destinationWeekend,
  );
  const keys = laneKeys(query.lane);
  const anchor = chooseAnchor(model, query, keys);
  if (!anchor) return null;
  const anchorDay = query.reached[anchor]!;
  const domestic = isDomestic(query.lane);
  const prior = choosePrior(query, anchor, anchorDay, origin, destination, domestic);
  const table = model.tables.get(pairKey(anchor, "DELIVERED"));
  const blend: Blend = table
    ? table.blend(keys, priorDistribution(prior), 1, model.options.shrinkage)
    : { p: priorDistribution(prior), levels: [], priorShare: 1 };
  const start = firstMovingDay(anchor, anchorDay, origin);
  let p = blend.p;
  if (query.notDeliveredBefore != null && query.notDeliveredBefore > start) {
    p = atLeast(
      p,
      journeyDays("DELIVERED", start, query.notDeliveredBefore - 1, origin, destination) + 1,
    );
  }
  const levels = calibratedLevels(model.calibrations.get(anchor), query.confidence);
  const low = quantile(p, levels.low);
  const high = quantile(p, levels.high);
  const earliest = addBusinessDays(start, low, destination);
  const latest = addBusinessDays(start, high, destination);
  const mostLikely =
    model.options.mostLikely === "MEDIAN"
      ? addBusinessDays(start, quantile(p, 0.5), destination)
      : likeliestDay(p, start, destination, earliest, latest, model.options.mostLikelyTolerance);
  return {
    earliest,
    latest,
    mostLikely,
    confidence: query.confidence,
    anchor,
    anchorDay,
    ...describeBasis(query.lane, blend, prior, model.options.shrinkage.lane),
    legs: legs(model, keys, anchor, start, destination, query.confidence),
    holidays: skippedHolidays(anchorDay, start, latest, origin, destination),
    origin,
    destination,
  };
}

/** The latest reached point with enough history on this lane; ORDERED and SHIPPED need none. */
function chooseAnchor(model: EtaModel, query: EtaQuery, keys: (string | null)[]): Anchor | null {
  const reached = JOURNEY_POINTS.filter(
    (point): point is Anchor => point !== "DELIVERED" && query.reached[point as Anchor] != null,
  );
  for (let i = reached.length - 1; i >= 0; i--) {
    const anchor = reached[i]!;
    if (anchor === "ORDERED" || anchor === "SHIPPED") return anchor;
    const table = model.tables.get(pairKey(anchor, "DELIVERED"));
    const seen = table?.blend(keys, emptyDistribution(), 1, { lane: 1, prior: 1 }).levels ?? [];
    if ((seen.at(-1)?.sampleSize ?? 0) >= MIN_ANCHOR_HISTORY) return anchor;
  }
  return reached.at(-1) ?? null;
}

function choosePrior(
  query: EtaQuery,
  anchor: Anchor,
  anchorDay: Day,
  origin: WorkCalendar,
  destination: WorkCalendar,
  domestic: boolean,
): EtaPriorWindow {
  if (query.promise && query.promise.to >= anchorDay) {
    const days = (day: Day) => journeyDays(anchor, anchorDay, day, origin, destination);
    return {
      kind: "PROMISE",
      fromDays: days(Math.max(anchorDay, query.promise.from)),
      toDays: days(query.promise.to),
      source: null,
    };
  }
  if (query.channelPrior) return query.channelPrior;
  if (anchor === "ORDERED" || anchor === "SHIPPED") {
    const standard = carrierStandard(query.carrier, query.service, domestic);
    if (standard) {
      const handling =
        anchor === "ORDERED"
          ? defaultPrior("ORDERED", domestic).fromDays - defaultPrior("SHIPPED", domestic).fromDays
          : 0;
      return {
        ...standard,
        fromDays: standard.fromDays + handling,
        toDays: standard.toDays + handling,
      };
    }
  }
  return defaultPrior(anchor, domestic);
}

function describeBasis(lane: Lane, blend: Blend, prior: EtaPriorWindow, pseudo: number) {
  const label = (share: LevelShare) => ({
    level: share.level,
    sampleSize: share.sampleSize,
    lane: laneLabel(lane, share.level),
  });
  const finest = blend.levels[0];
  const thin = blend.priorShare >= 0.5 || !finest;
  const basis = thin
    ? {
        level: prior.kind,
        sampleSize: finest?.sampleSize ?? 0,
        lane: finest ? laneLabel(lane, finest.level) : laneLabel(lane, "COUNTRY"),
      }
    : label(finest);
  // A lane whose own weight is under the pseudo-count leaned mostly on the next coarser one.
  const coarser = finest && finest.weight < pseudo ? blend.levels[1] : undefined;
  return {
    basis,
    shrunkToward: coarser ? label(coarser) : null,
    prior: blend.priorShare >= PRIOR_REPORTED ? prior : null,
  };
}

/**
 * The calendar day a buyer is most likely to call right (the most probability within a day
 * either side), among the days whose expected error is within a tenth of a day of the best one:
 * on a skewed lane the peak sits before the median, and a peak bought with a worse average
 * error is not worth it.
 */
function likeliestDay(
  p: Distribution,
  start: Day,
  destination: WorkCalendar,
  earliest: Day,
  latest: Day,
  tolerance: number,
): Day {
  const days: Day[] = [];
  const mass: number[] = [];
  let day = start;
  for (let k = 0; k < p.length; k++) {
    if (k > 0) day = addBusinessDays(day, 1, destination);
    if (p[k]! > 0) {
      days.push(day);
      mass.push(p[k]!);
    }
  }
  let bestError = Number.POSITIVE_INFINITY;
  const errors: number[] = [];
  const windows: number[] = [];
  for (let candidate = earliest; candidate <= latest; candidate++) {
    let error = 0;
    let window = 0;
    for (let i = 0; i < days.length; i++) {
      const off = Math.abs(days[i]! - candidate);
      error += off * mass[i]!;
      if (off <= 1) window += mass[i]!;
    }
    errors.push(error);
    windows.push(window);
    bestError = Math.min(bestError, error);
  }
  let best = earliest;
  let bestWindow = -1;
  for (let i = 0; i < errors.length; i++) {
    if (errors[i]! <= bestError + tolerance && windows[i]! > bestWindow + 1e-12) {
      best = earliest + i;
      bestWindow = windows[i]!;
    }
  }
  return best;
}

function legs(
  model: EtaModel,
  keys: (string | null)[],
  anchor: Anchor,
  start: Day,
  destination: WorkCalendar,
  confidence: number,
): EtaResult["legs"] {
  const after = JOURNEY_POINTS.indexOf(anchor);
  const out: EtaResult["legs"] = [];
  for (const milestone of LEG_MILESTONES) {
    if (JOURNEY_POINTS.indexOf(milestone) <= after) continue;
    const table = model.tables.get(pairKey(anchor, milestone));
    if (!table) continue;
    const blend = table.blend(keys, emptyDistribution(), 1, {
      ...model.options.shrinkage,
      prior: 0,
    });
    if (blend.levels.length === 0) continue;
    const tail = (1 - confidence) / 2;
    out.push({
      milestone,
      earliest: addBusinessDays(start, quantile(blend.p, tail), destination),
      latest: addBusinessDays(start, quantile(blend.p, 1 - tail), destination),
    });
  }
  return out;
}

function skippedHolidays(
  anchorDay: Day,
  start: Day,
  latest: Day,
  origin: WorkCalendar,
  destination: WorkCalendar,
): SkippedHoliday[] {
  const out: SkippedHoliday[] = [];
  for (let day = anchorDay; day < start; day++) {
    if (origin.holiday(day)) out.push({ side: "ORIGIN", day, calendar: origin });
  }
  for (let day = start + 1; day <= latest; day++) {
    if (destination.holiday(day)) out.push({ side: "DESTINATION", day, calendar: destination });
  }
  return out;
}
