import { describe, expect, it } from "vitest";
import { DEFAULT_BACKOFF, nextDelayMs } from "./backoff.ts";

describe("back-off", () => {
  const at = (random: number) => ({ ...DEFAULT_BACKOFF, random: () => random });

  it("doubles from the base, half fixed and half jitter, up to the cap", () => {
    expect(nextDelayMs(at(0), 1)).toBe(15_000);
    expect(nextDelayMs(at(0.999_999), 1)).toBe(30_000);
    expect(nextDelayMs(at(0), 3)).toBe(60_000);
    expect(nextDelayMs(at(0), 20)).toBe(1_800_000);
    expect(nextDelayMs(at(0.999_999), 20)).toBeGreaterThan(3_599_990);
  });

  it("never comes back sooner than the marketplace asked", () => {
    expect(nextDelayMs(at(0), 1, 120_000)).toBe(120_000);
  });
});
