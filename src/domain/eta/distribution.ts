/** A predicted number of business days: probabilities of 0, 1, ... MAX_BUSINESS_DAYS (or more). */
export type Distribution = Float64Array;

/** The last bin holds this many business days or more; no parcel worth estimating takes longer. */
export const MAX_BUSINESS_DAYS = 120;
export const BINS = MAX_BUSINESS_DAYS + 1;

export function emptyDistribution(): Distribution {
  return new Float64Array(BINS);
}

export function binOf(days: number): number {
  return Math.max(0, Math.min(MAX_BUSINESS_DAYS, Math.round(days)));
}

/** The smallest day whose cumulative probability reaches `level` (0..1). */
export function quantile(p: Distribution, level: number): number {
  let sum = 0;
  for (let day = 0; day < p.length; day++) {
    sum += p[day]!;
    if (sum >= level - 1e-12) return day;
  }
  return p.length - 1;
}

/** P(days <= day). */
export function cdf(p: Distribution, day: number): number {
  let sum = 0;
  for (let d = 0; d <= day && d < p.length; d++) sum += p[d]!;
  return Math.min(1, sum);
}

/**
 * The distribution given that at least `days` have already passed: a parcel still in transit
 * on its fifth day takes five or more. When the history says it should have arrived by now,
 * the tail beyond is all there is; when even that is empty, the whole mass moves to `days`.
 */
export function atLeast(p: Distribution, days: number): Distribution {
  const from = binOf(days);
  if (from === 0) return p;
  const out = emptyDistribution();
  let mass = 0;
  for (let d = from; d < p.length; d++) mass += p[d]!;
  if (mass <= 1e-9) {
    out[from] = 1;
    return out;
  }
  for (let d = from; d < p.length; d++) out[d] = p[d]! / mass;
  return out;
}

/**
 * A prior as a distribution: 90 % spread evenly over [from, to] business days, 5 % just
 * below and 5 % just above, so a range stated as a promise keeps its own width.
 */
export function windowDistribution(from: number, to: number): Distribution {
  const low = binOf(Math.min(from, to));
  const high = binOf(Math.max(from, to));
  const p = emptyDistribution();
  const inside = low === 0 ? 0.95 : 0.9;
  for (let d = low; d <= high; d++) p[d]! += inside / (high - low + 1);
  if (low > 0) {
    const below = Math.max(0, low - 2);
    for (let d = below; d < low; d++) p[d]! += 0.05 / (low - below);
  }
  const above = Math.min(MAX_BUSINESS_DAYS, high + 3);
  if (above > high) for (let d = high + 1; d <= above; d++) p[d]! += 0.05 / (above - high);
  else p[high]! += 0.05;
  return p;
}
