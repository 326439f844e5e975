import type { CalendarBook, WorkCalendar } from "./calendar.ts";
import type { Day } from "./days.ts";
import { binOf, type Distribution } from "./distribution.ts";
import {
  type Anchor,
  businessDaysBetween,
  type DeliveryRecord,
  firstMovingDay,
  JOURNEY_POINTS,
  type JourneyPoint,
} from "./journey.ts";
import { LaneTable, type Shrinkage } from "./lane-table.ts";
import { type Lane, laneKeys } from "./lanes.ts";
import { defaultPrior, priorDistribution } from "./priors.ts";

export interface EtaModelOptions {
  shrinkage: Shrinkage;
  /** Deliveries this many days old weigh half as much as today's; null: all weigh the same. */
  halfLifeDays: number | null;
  /** Calibrate on the predictions the model would have made over this many days of history. */
  calibrationDays: number;
  /**
   * Leave out predictions younger than this from calibration: the parcels sent then that are
   * still in transit are missing from the history, so the ones there are the fast ones.
   */
  settleDays: number;
  /** A month of history with fewer held-out predictions than this does not calibrate. */
  minCalibration: number;
  /** The day reported as most likely: the median, or the day with most mass within a day of it. */
  mostLikely: "MEDIAN" | "WINDOW";
  /** WINDOW only: days of expected absolute error the most likely day may give up for a likelier hit. */
  mostLikelyTolerance: number;
}

/** Chosen on rolling windows of the development data (bench/eta.ts, decision 033). */
export const DEFAULT_ETA_OPTIONS: EtaModelOptions = {
  shrinkage: { lane: 20, prior: 2 },
  halfLifeDays: null,
  calibrationDays: 180,
  settleDays: 30,
  minCalibration: 300,
  mostLikely: "WINDOW",
  mostLikelyTolerance: 0.03,
};

/**
 * How the model's cumulative probabilities fell on deliveries it had not seen: for each held-out
 * delivery of y business days, F(y - 1) and F(y), each sorted ascending; per month of history.
 */
export interface Calibration {
  months: { below: Float64Array; atOrBelow: Float64Array }[];
  size: number;
}

export interface EtaModel {
  now: Day;
  options: EtaModelOptions;
  calendars: CalendarBook;
  /** One table per (from, to) pair of journey points: "SHIPPED>DELIVERED". */
  tables: ReadonlyMap<string, LaneTable>;
  calibrations: ReadonlyMap<Anchor, Calibration>;
  /** Deliveries learned from. */
  size: number;
}

const CALIBRATED: readonly Anchor[] = ["ORDERED", "SHIPPED"];

export const pairKey = (from: JourneyPoint, to: JourneyPoint) => `${from}>${to}`;

export function laneCalendars(calendars: CalendarBook, lane: Lane) {
  const destination = calendars.calendar(lane.destinationCountry, lane.destinationRegion);
  const origin = lane.originCountry
    ? calendars.calendar(lane.originCountry, lane.originRegion)
    : destination;
  return { origin, destination };
}

/** Business days between two points of a journey, the origin's days off skipped at its start. */
export function journeyDays(
  from: JourneyPoint,
  start: Day,
  end: Day,
  origin: WorkCalendar,
  destination: WorkCalendar,
): number {
  return businessDaysBetween(firstMovingDay(from, start, origin), end, destination);
}

export const isDomestic = (lane: Lane) =>
  !!lane.originCountry &&
  lane.originCountry.toUpperCase() === lane.destinationCountry.toUpperCase();

/**
 * Learns business days between journey points per lane from deliveries completed by `now`,
 * and calibrates the interval on the predictions it would have made along the way (each
 * delivery predicted from what had been delivered before it started).
 */
export function fitEtaModel(
  records: Iterable<DeliveryRecord>,
  deps: { now: Day; calendars: CalendarBook; options?: Partial<EtaModelOptions> },
): EtaModel {
  const options = { ...DEFAULT_ETA_OPTIONS, ...deps.options };
  const { now, calendars } = deps;
  const tables = new Map<string, LaneTable>();
  const table = (key: string) => {
    let found = tables.get(key);
    if (!found) {
      found = new LaneTable();
      tables.set(key, found);
    }
    return found;
  };
  const weightAt = (day: Day) =>
    options.halfLifeDays ? 2 ** ((day - now) / options.halfLifeDays) : 1;
  const replay: Replay[] = [];
  let size = 0;
  for (const record of records) {
    const delivered = record.days.DELIVERED;
    if (!(delivered <= now)) continue;
    size++;
    const keys = laneKeys(record.lane);
    const { origin, destination } = laneCalendars(calendars, record.lane);
    const weight = weightAt(delivered);
    for (let i = 0; i < JOURNEY_POINTS.length - 1; i++) {
      const from = JOURNEY_POINTS[i]!;
      const start = record.days[from];
      if (start === undefined) continue;
      for (let j = i + 1; j < JOURNEY_POINTS.length; j++) {
        const to = JOURNEY_POINTS[j]!;
        const end = record.days[to];
        if (end === undefined || end < start) continue;
        const bin = binOf(journeyDays(from, start, end, origin, destination));
        if (to === "DELIVERED" && (CALIBRATED as readonly string[]).includes(from)) {
          replay.push({ anchor: from as Anchor, start, end, keys, bin, weight, lane: record.lane });
        } else {
          table(pairKey(from, to)).add(keys, bin, weight);
        }
      }
    }
  }
  const calibrations = new Map<Anchor, Calibration>();
  for (const anchor of CALIBRATED) {
    const rows = replay.filter((row) => row.anchor === anchor);
    const calibration = calibrate(rows, table(pairKey(anchor, "DELIVERED")), now, options);
    if (calibration) calibrations.set(anchor, calibration);
  }
  return { now, options, calendars, tables, calibrations, size };
}

interface Replay {
  anchor: Anchor;
  start: Day;
  end: Day;
  keys: (string | null)[];
  bin: number;
  weight: number;
  lane: Lane;
}

/**
 * Replays history in time order into `target`: each delivery is predicted on the day it
 * started from the deliveries completed before that day, then added once it is delivered.
 * Predictions still resting mostly on the prior (the seller's first weeks) say nothing about
 * the model as it is now and are left out.
 */
function calibrate(
  rows: Replay[],
  target: LaneTable,
  now: Day,
  options: EtaModelOptions,
): Calibration | null {
  const from = now - options.settleDays - options.calibrationDays;
  const until = now - options.settleDays;
  const adds = [...rows].sort((a, b) => a.end - b.end);
  const predictions = rows.filter((r) => r.start >= from && r.start < until);
  predictions.sort((a, b) => a.start - b.start);
  const months = new Map<number, { below: number[]; atOrBelow: number[] }>();
  const priors = new Map<string, Distribution>();
  let added = 0;
  for (const row of predictions) {
    while (added < adds.length && adds[added]!.end < row.start) {
      const next = adds[added++]!;
      target.add(next.keys, next.bin, next.weight);
    }
    const kind = `${row.anchor}|${isDomestic(row.lane)}`;
    let prior = priors.get(kind);
    if (!prior) {
      prior = priorDistribution(defaultPrior(row.anchor, isDomestic(row.lane)));
      priors.set(kind, prior);
    }
    const scale = options.halfLifeDays ? 2 ** ((now - row.start) / options.halfLifeDays) : 1;
    const { p, priorShare } = target.blend(row.keys, prior, scale, options.shrinkage);
    if (priorShare > MAX_PRIOR_SHARE) continue;
    let cumulative = 0;
    for (let d = 0; d < row.bin; d++) cumulative += p[d]!;
    const month = Math.floor((until - row.start - 1) / 30);
    let bucket = months.get(month);
    if (!bucket) {
      bucket = { below: [], atOrBelow: [] };
      months.set(month, bucket);
    }
    bucket.below.push(cumulative);
    bucket.atOrBelow.push(Math.min(1, cumulative + p[row.bin]!));
  }
  while (added < adds.length) {
    const next = adds[added++]!;
    target.add(next.keys, next.bin, next.weight);
  }
  const kept = [...months.values()].filter((m) => m.below.length >= options.minCalibration);
  if (kept.length === 0) return null;
  return {
    months: kept.map((m) => ({
      below: Float64Array.from(m.below).sort(),
      atOrBelow: Float64Array.from(m.atOrBelow).sort(),
    })),
    size: kept.reduce((sum, m) => sum + m.below.length, 0),
  };
}

const MAX_PRIOR_SHARE = 0.1;

/**
 * The quantile levels that give a stated coverage on held-out history. Only the spread is
 * calibrated, equally in both tails: a level t such that deliveries before q(t) and after
 * q(1 - t) together make at most (1 - c) of held-out deliveries, in every month of the held-out
 * history, not only on average. A calm month cannot narrow what a busy one needed, and a shift
 * (early or late) is left to the lanes' own history: chasing the last season pads every promise.
 */
export function calibratedLevels(
  calibration: Calibration | undefined,
  confidence: number,
): { low: number; high: number } {
  const tail = (1 - confidence) / 2;
  if (!calibration) return { low: tail, high: 1 - tail };
  const low = Math.min(...calibration.months.map((month) => monthLevel(month, confidence)));
  return { low, high: 1 - low };
}

function monthLevel(
  month: { below: Float64Array; atOrBelow: Float64Array },
  confidence: number,
): number {
  const n = month.below.length;
  const allowed = n * (1 - confidence);
  // A delivery falls before quantile q(a) exactly when F(y) < a, after q(b) when F(y-1) >= b.
  const misses = (t: number) =>
    countBelow(month.atOrBelow, t) + (n - countBelow(month.below, 1 - t));
  let lo = 1e-6;
  let hi = 0.5;
  if (misses(lo) > allowed) return lo;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (misses(mid) <= allowed) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** How many sorted values are below x. */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
