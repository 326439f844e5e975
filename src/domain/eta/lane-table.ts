import { BINS, type Distribution, emptyDistribution } from "./distribution.ts";
import { LANE_LEVELS, type LaneLevel } from "./lanes.ts";

/** How much each lane level said in a blended distribution. */
export interface LevelShare {
  level: LaneLevel;
  key: string;
  /** Deliveries seen on this lane at this level. */
  sampleSize: number;
  /** Their recency-weighted count, the weight the lane's own history got against the coarser one. */
  weight: number;
}

export interface Blend {
  p: Distribution;
  /** Levels with history, finest first. */
  levels: LevelShare[];
  /** The share of the prior left in the blend (1: no history at all). */
  priorShare: number;
}

export interface Shrinkage {
  /** Pseudo-count: a lane with this many deliveries counts as much as its coarser lane. */
  lane: number;
  /** Pseudo-count of the prior against the coarsest level with history. */
  prior: number;
}

/**
 * Histograms of business days per lane key at every level, filled one delivery at a time (the
 * calibration replays history in order). Weights may grow with time (recency): a blend scales
 * them back by `scale`, so only their ratios and the effective counts matter.
 */
export class LaneTable {
  private readonly histograms = LANE_LEVELS.map(() => new Map<string, Float64Array>());
  private readonly weights = LANE_LEVELS.map(() => new Map<string, number>());
  private readonly counts = LANE_LEVELS.map(() => new Map<string, number>());
  size = 0;

  add(keys: readonly (string | null)[], bin: number, weight: number): void {
    this.size++;
    for (let level = 0; level < LANE_LEVELS.length; level++) {
      const key = keys[level];
      if (!key) continue;
      let histogram = this.histograms[level]!.get(key);
      if (!histogram) {
        histogram = new Float64Array(BINS);
        this.histograms[level]!.set(key, histogram);
      }
      histogram[bin]! += weight;
      this.weights[level]!.set(key, (this.weights[level]!.get(key) ?? 0) + weight);
      this.counts[level]!.set(key, (this.counts[level]!.get(key) ?? 0) + 1);
    }
  }

  /**
   * Coarsest to finest: each level with history pulls the blend toward its own histogram in
   * proportion to its weight, p = (h + k * p_coarser) / (n + k). A lane with few deliveries
   * moves the estimate a little, one with many takes it over; nothing jumps.
   */
  blend(keys: readonly (string | null)[], prior: Distribution, scale: number, k: Shrinkage): Blend {
    let p = prior;
    let priorShare = 1;
    let first = true;
    const levels: LevelShare[] = [];
    for (let level = LANE_LEVELS.length - 1; level >= 0; level--) {
      const key = keys[level];
      if (!key) continue;
      const histogram = this.histograms[level]!.get(key);
      if (!histogram) continue;
      const weight = this.weights[level]!.get(key)! * scale;
      const pseudo = first ? k.prior : k.lane;
      first = false;
      const next = emptyDistribution();
      for (let d = 0; d < BINS; d++)
        next[d] = (histogram[d]! * scale + pseudo * p[d]!) / (weight + pseudo);
      p = next;
      priorShare *= pseudo / (weight + pseudo);
      levels.unshift({
        level: LANE_LEVELS[level]!,
        key,
        sampleSize: this.counts[level]!.get(key)!,
        weight,
      });
    }
    return { p, levels, priorShare };
  }
}
