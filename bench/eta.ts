/**
 * Delivery estimates on real deliveries (Olist, Brazil), rolling two-month windows.
 * Run: npm run bench:eta   (data from ../shared/data/olist-sample, or TRACKLINE_ETA_DATA)
 * The data stays where it is (CC BY-NC-SA 4.0): read at run time, never copied.
 */
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { createCalendarBook } from "../src/domain/eta/calendar.ts";
import { type Day, dayOfIso, isoOfDay } from "../src/domain/eta/days.ts";
import { estimateDelivery } from "../src/domain/eta/estimate.ts";
import type { Anchor, DeliveryRecord } from "../src/domain/eta/journey.ts";
import {
  calibratedLevels,
  DEFAULT_ETA_OPTIONS,
  type EtaModelOptions,
  fitEtaModel,
} from "../src/domain/eta/model.ts";
import { fitBaseline } from "./eta-baseline.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(root, process.env.TRACKLINE_ETA_DATA ?? "../shared/data/olist-sample");
const FILE = "deliveries-2016-2017.csv.gz";
const CONFIDENCE = 0.9;
const WINDOWS = ["2017-03", "2017-05", "2017-07", "2017-09", "2017-11"];

interface Order {
  record: DeliveryRecord;
  promised: Day;
}

async function load(): Promise<Order[]> {
  const file = path.join(dataDir, FILE);
  if (!existsSync(file)) {
    throw new Error(`no ${file}: set TRACKLINE_ETA_DATA to the olist-sample folder`);
  }
  const rows = createReadStream(file)
    .pipe(createGunzip())
    .pipe(parse({ columns: true }));
  const orders: Order[] = [];
  for await (const row of rows as AsyncIterable<Record<string, string>>) {
    // Timestamps are local São Paulo time without an offset: their date is the local day.
    const ordered = dayOfIso(row.purchase_ts!);
    const shipped = dayOfIso(row.carrier_pickup_ts!);
    const delivered = dayOfIso(row.delivered_ts!);
    if ([ordered, shipped, delivered].some(Number.isNaN) || delivered < shipped) continue;
    orders.push({
      record: {
        lane: {
          originCountry: "BR",
          originRegion: row.seller_state!,
          originPostalCode: null,
          destinationCountry: "BR",
          destinationRegion: row.customer_state!,
          destinationPostalCode: row.customer_zip3!,
        },
        carrier: null,
        days: { ORDERED: ordered, SHIPPED: shipped, DELIVERED: delivered },
      },
      promised: dayOfIso(row.estimated_date!),
    });
  }
  return orders;
}

interface Guess {
  earliest: Day;
  latest: Day;
  mostLikely: Day;
}

interface Score {
  n: number;
  covered: number;
  widths: number[];
  interval: number;
  withinOne: number;
  absError: number;
}

const emptyScore = (): Score => ({
  n: 0,
  covered: 0,
  widths: [],
  interval: 0,
  withinOne: 0,
  absError: 0,
});

function score(s: Score, guess: Guess, actual: Day): void {
  const alpha = 1 - CONFIDENCE;
  const width = guess.latest - guess.earliest;
  const missed = Math.max(0, guess.earliest - actual) + Math.max(0, actual - guess.latest);
  s.n++;
  if (missed === 0) s.covered++;
  s.widths.push(width);
  s.interval += width + (2 / alpha) * missed;
  if (Math.abs(guess.mostLikely - actual) <= 1) s.withinOne++;
  s.absError += Math.abs(guess.mostLikely - actual);
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function row(label: string, s: Score): string {
  const mean = (x: number) => (x / s.n).toFixed(2);
  return [
    label.padEnd(26),
    String(s.n).padStart(6),
    (s.covered / s.n).toFixed(3).padStart(8),
    mean(s.widths.reduce((a, b) => a + b, 0)).padStart(8),
    String(median(s.widths)).padStart(6),
    mean(s.interval).padStart(9),
    (s.withinOne / s.n).toFixed(3).padStart(8),
    mean(s.absError).padStart(6),
  ].join(" ");
}

const HEADER = `${"".padEnd(26)} ${"n".padStart(6)} ${"cover".padStart(8)} ${"width".padStart(8)} ${"med w".padStart(6)} ${"int.score".padStart(9)} ${"±1 day".padStart(8)} ${"MAE".padStart(6)}`;

interface PromiseScore {
  n: number;
  onTime: number;
  slack: number;
}
const emptyPromise = (): PromiseScore => ({ n: 0, onTime: 0, slack: 0 });
function promise(p: PromiseScore, latest: Day, actual: Day): void {
  p.n++;
  if (actual <= latest) p.onTime++;
  p.slack += latest - actual;
}
const promiseText = (p: PromiseScore) =>
  `on time ${((100 * p.onTime) / p.n).toFixed(1)} %, mean slack ${(p.slack / p.n).toFixed(2)} days`;

async function main() {
  const options: Partial<EtaModelOptions> = {};
  if (process.env.ETA_HALF_LIFE) options.halfLifeDays = Number(process.env.ETA_HALF_LIFE) || null;
  if (process.env.ETA_SHRINK) {
    options.shrinkage = { ...DEFAULT_ETA_OPTIONS.shrinkage, lane: Number(process.env.ETA_SHRINK) };
  }
  if (process.env.ETA_MOST_LIKELY) options.mostLikely = process.env.ETA_MOST_LIKELY as "MEDIAN";
  if (process.env.ETA_MOST_LIKELY_TOLERANCE)
    options.mostLikelyTolerance = Number(process.env.ETA_MOST_LIKELY_TOLERANCE);
  if (process.env.ETA_MIN_CALIBRATION)
    options.minCalibration = Number(process.env.ETA_MIN_CALIBRATION);
  if (process.env.ETA_SETTLE_DAYS) options.settleDays = Number(process.env.ETA_SETTLE_DAYS);
  if (process.env.ETA_CALIBRATION_DAYS)
    options.calibrationDays = Number(process.env.ETA_CALIBRATION_DAYS);
  const orders = await load();
  const calendars = createCalendarBook();
  console.log(`${orders.length} delivered orders from ${dataDir}; confidence ${CONFIDENCE}`);
  console.log(`options ${JSON.stringify({ ...DEFAULT_ETA_OPTIONS, ...options })}`);
  const pooled: Record<string, Score> = {};
  const pooledPromise = {
    ours: emptyPromise(),
    baseline: emptyPromise(),
    marketplace: emptyPromise(),
  };
  const get = (table: Record<string, Score>, key: string) => (table[key] ??= emptyScore());
  let fitMs = 0;
  let estimates = 0;
  let estimateMs = 0;
  for (let w = 0; w < WINDOWS.length; w++) {
    const start = dayOfIso(`${WINDOWS[w]}-01`);
    const end = w + 1 < WINDOWS.length ? dayOfIso(`${WINDOWS[w + 1]}-01`) : dayOfIso("2018-01-01");
    const history = orders
      .filter((o: Order) => o.record.days.DELIVERED < start)
      .map((o: Order) => o.record);
    const test = orders.filter(
      (o: Order) => o.record.days.ORDERED! >= start && o.record.days.ORDERED! < end,
    );
    const t0 = performance.now();
    const model = fitEtaModel(history, { now: start - 1, calendars, options });
    fitMs += performance.now() - t0;
    const baseline = fitBaseline(history, calendars, CONFIDENCE);
    const window: Record<string, Score> = {};
    const windowPromise = {
      ours: emptyPromise(),
      baseline: emptyPromise(),
      marketplace: emptyPromise(),
    };
    for (const order of test) {
      const actual = order.record.days.DELIVERED;
      for (const anchor of ["SHIPPED", "ORDERED"] as Anchor[]) {
        const reached = { [anchor]: order.record.days[anchor] };
        const t1 = performance.now();
        const ours = estimateDelivery(model, {
          lane: order.record.lane,
          carrier: null,
          service: null,
          reached,
          confidence: CONFIDENCE,
        })!;
        estimateMs += performance.now() - t1;
        estimates++;
        const base = baseline.estimate(order.record.lane, anchor, order.record.days[anchor]!);
        for (const [name, guess] of [
          ["trackline", ours],
          ["baseline", base],
        ] as const) {
          score(get(window, `${name} from ${anchor.toLowerCase()}`), guess, actual);
          score(get(pooled, `${name} from ${anchor.toLowerCase()}`), guess, actual);
        }
        if (anchor === "ORDERED") {
          for (const p of [windowPromise, pooledPromise]) {
            promise(p.ours, ours.latest, actual);
            promise(p.baseline, base.latest, actual);
            promise(p.marketplace, order.promised, actual);
          }
        }
      }
    }
    console.log(
      `\nwindow ${WINDOWS[w]} + 2 months: learnt from ${history.length} deliveries before ${isoOfDay(start)}`,
    );
    const levels = (a: Anchor) => {
      const { low, high } = calibratedLevels(model.calibrations.get(a), CONFIDENCE);
      return `${low.toFixed(3)}-${high.toFixed(3)} (${model.calibrations.get(a)?.size ?? 0} held out)`;
    };
    console.log(
      `calibrated levels: from pick-up ${levels("SHIPPED")}, from order ${levels("ORDERED")}`,
    );
    console.log(HEADER);
    for (const key of Object.keys(window).sort()) console.log(row(key, window[key]!));
    console.log(
      `promise (latest from order): trackline ${promiseText(windowPromise.ours)}; baseline ${promiseText(windowPromise.baseline)}; marketplace ${promiseText(windowPromise.marketplace)}`,
    );
  }
  console.log("\npooled over all windows");
  console.log(HEADER);
  for (const key of Object.keys(pooled).sort()) console.log(row(key, pooled[key]!));
  console.log(
    `promise (latest from order): trackline ${promiseText(pooledPromise.ours)}; baseline ${promiseText(pooledPromise.baseline)}; marketplace ${promiseText(pooledPromise.marketplace)}`,
  );
  const check = (label: string, ok: boolean) => console.log(`${ok ? "met " : "MISSED"}  ${label}`);
  const p = (k: string) => pooled[k]!;
  const is = (k: string) => p(k).interval / p(k).n;
  const mae = (k: string) => p(k).absError / p(k).n;
  const hit = (k: string) => p(k).withinOne / p(k).n;
  console.log("\ntargets (pooled)");
  check(
    "coverage from pick-up >= 0.85",
    p("trackline from shipped").covered / p("trackline from shipped").n >= 0.85,
  );
  check("promises on time >= 90 %", pooledPromise.ours.onTime / pooledPromise.ours.n >= 0.9);
  for (const from of ["shipped", "ordered"]) {
    const [t, b] = [`trackline from ${from}`, `baseline from ${from}`];
    check(
      `interval score from ${from} within 2 % of the baseline's (${is(t).toFixed(3)} vs ${is(b).toFixed(3)})`,
      is(t) <= is(b) * 1.02,
    );
    check(
      `MAE from ${from} no worse than the baseline's (${mae(t).toFixed(3)} vs ${mae(b).toFixed(3)})`,
      mae(t) <= mae(b),
    );
    check(
      `±1 day from ${from} better than the baseline's (+${(100 * (hit(t) - hit(b))).toFixed(1)} points)`,
      hit(t) > hit(b),
    );
  }
  const slack = (x: PromiseScore) => x.slack / x.n;
  check(
    "promises padded at most 4 days more than the marketplace's",
    slack(pooledPromise.ours) <= slack(pooledPromise.marketplace) + 4,
  );
  console.log(
    `\nfit ${(fitMs / WINDOWS.length).toFixed(0)} ms per window; ${((estimateMs * 1000) / estimates).toFixed(1)} µs per estimate`,
  );
}

await main();
