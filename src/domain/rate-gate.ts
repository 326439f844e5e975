/** Holds calls to a marketplace API to the rate it allows one store (shared by every worker). */
export interface RateGate {
  /** Resolves when one more call under `key` stays within `limit`. */
  take(key: string, limit: { perSecond: number; burst: number }): Promise<void>;
}
