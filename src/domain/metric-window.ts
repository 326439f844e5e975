/** How far back a seller metric looks from `now`. */
export const METRIC_WINDOWS = { DAYS_7: 7, DAYS_30: 30 } as const;
export type MetricWindow = keyof typeof METRIC_WINDOWS;

const DAY_MS = 86_400_000;

/** A window is (since, until]: a fact exactly `days` old is out, one at `now` is in. */
export interface WindowBounds {
  since: Date;
  until: Date;
}

export function windowBounds(window: MetricWindow, now: Date): WindowBounds {
  return { since: new Date(now.getTime() - METRIC_WINDOWS[window] * DAY_MS), until: now };
}
