import { describe, expect, it } from "vitest";
import { createChecksum } from "./checksums.ts";

describe("checksum algorithms", () => {
  it("s10: the UPU worked example 47312482 has check digit 9, remainders 0 and 1 map to 5 and 0", () => {
    const s10 = createChecksum({ name: "s10", weightings: [8, 6, 4, 2, 3, 5, 9, 7] });
    expect(s10("47312482", "9")).toBe(true);
    expect(s10("47312482", "8")).toBe(false);
    expect(s10("12345678", "5")).toBe(true);
  });

  it("luhn accepts the textbook number and rejects a one-digit change", () => {
    const luhn = createChecksum({ name: "luhn" });
    expect(luhn("7992739871", "3")).toBe(true);
    expect(luhn("7992739871", "4")).toBe(false);
  });

  it("mod7 is exact on serials longer than 2^53", () => {
    const mod7 = createChecksum({ name: "mod7" });
    // Expected values come from BigInt, independent of the long division under test.
    const serial = "12345678901234567890";
    expect(mod7(serial, String(BigInt(serial) % 7n))).toBe(true);
    expect(mod7(serial, String((BigInt(serial) + 1n) % 7n))).toBe(false);
  });

  it("mod10 values letters as (ASCII - 3) mod 10 (UPS 1Z numbers)", () => {
    const ups = createChecksum({ name: "mod10", evens_multiplier: 1, odds_multiplier: 2 });
    expect(ups("879E93034683444", "0")).toBe(true);
    expect(ups("879E93034683444", "1")).toBe(false);
  });

  it("mod10 reverse and sum-product variants follow their parameters", () => {
    const rev = createChecksum({
      name: "mod10",
      evens_multiplier: 3,
      odds_multiplier: 1,
      reverse: true,
    });
    expect(rev("940011120620640626078", "7")).toBe(true);
    const fedex = createChecksum({
      name: "sum_product_with_weightings_and_modulo",
      weightings: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1],
      modulo1: 11,
      modulo2: 10,
    });
    expect(fedex("98657878885", "5")).toBe(true);
    expect(fedex("99657878885", "5")).toBe(false);
  });

  it("mod_37_36 yields letter check characters (DPD)", () => {
    const dpd = createChecksum({ name: "mod_37_36" });
    expect(dpd("09980000020033", "F")).toBe(true);
    expect(dpd("09980000020033", "D")).toBe(false);
  });

  it("refuses an unknown algorithm loudly", () => {
    expect(() => createChecksum({ name: "mod97" })).toThrow(/mod97/);
  });
});
