import { describe, expect, it } from "vitest";
import { detectCarrier, findCarrier, validateTrackingNumber } from "./index.ts";

// Check digits by the UPU S10 rule (weights 8,6,4,2,3,5,9,7; 11 - sum mod 11; 10 -> 0, 11 -> 5),
// e.g. 47312482 -> 9 from the standard's own example.
const S10_CASES: [string, string][] = [
  ["RR001122337CN", "china-post"],
  ["LZ123456785CN", "china-post"],
  ["EA876543216CN", "china-ems"],
  ["RB555012347SG", "singapore-post"],
  ["EF102938478TH", "thailand-post"],
  ["RR664422113JP", "japan-post"],
  ["RR271828189KR", "korea-post"],
  ["AB161803397GB", "royal-mail"],
  ["RX141421354DE", "deutsche-post"],
  ["RR246813576FR", "la-poste"],
  ["CA975318640FR", "colissimo"],
  ["RR473124829AU", "australia-post"],
  ["RR123456785CA", "canada-post"],
  ["EC473124829US", "usps"],
  ["RR473124829NZ", "upu-s10"],
];

/** Every single-digit substitution of a number. */
function oneDigitCorruptions(n: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n.length; i++) {
    if (!/[0-9]/.test(n[i]!)) continue;
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== n[i]) out.push(n.slice(0, i) + d + n.slice(i + 1));
    }
  }
  return out;
}

// Independent reference implementations: neither S10 nor mod 7 catches every one-digit error
// (S10 maps remainders 0 and 6 to the same digit 5; mod 7 misses a digit changed by 7), so a
// corruption may be accepted only when the reference accepts it too.
function s10Reference(n: string): boolean {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...n.slice(2, 10)].reduce((t, c, i) => t + Number(c) * w[i]!, 0);
  const r = sum % 11;
  return String(r === 0 ? 5 : r === 1 ? 0 : 11 - r) === n[10];
}
function mod7Reference(n: string): boolean {
  return String(BigInt(n.slice(0, -1)) % 7n) === n.slice(-1);
}

describe("S10 numbers go to the post of their country", () => {
  it.each(S10_CASES)("%s -> %s", (n, carrier) => {
    const [top] = detectCarrier(n);
    expect(top).toMatchObject({ format: "S10", checksum: "CHECKSUM_VALID" });
    expect(top!.carrier.code).toBe(carrier);
    expect(validateTrackingNumber(carrier, n).valid).toBe(true);
  });

  it.each(S10_CASES)(
    "%s: one-digit corruptions fail unless S10 itself cannot see them",
    (n, carrier) => {
      let blind = 0;
      for (const bad of oneDigitCorruptions(n)) {
        const accepted = detectCarrier(bad).some((m) => m.format === "S10");
        expect(accepted, bad).toBe(s10Reference(bad));
        if (accepted) {
          blind++;
          continue;
        }
        const check = validateTrackingNumber(carrier, bad);
        expect(check.valid, bad).toBe(false);
        expect(check.errors[0]!.code, bad).toBe("CHECK_DIGIT_MISMATCH");
      }
      expect(blind).toBeLessThanOrEqual(8);
    },
  );

  it("refuses every wrong check digit of an S10 number", () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 5) continue;
      expect(validateTrackingNumber("royal-mail", `AB12345678${d}GB`).valid).toBe(false);
    }
  });

  it("names posts we do not list from the S10 country table", () => {
    expect(detectCarrier("RR473124829NZ")[0]!.carrier.name).toMatch(
      /^National post of New Zealand/,
    );
    expect(detectCarrier("RR473124829XX")).toEqual([]);
  });
});

describe("cross-border formats without a check digit are format-only", () => {
  const cases: [string, string][] = [
    ["YT2229521272164446", "yunexpress"],
    ["UG123456789YP", "yanwen"],
    ["4PX3001234567890CN", "4px"],
    ["LP00123456789012", "cainiao"],
    ["CAINIAO0123456789", "cainiao"],
    ["SF1234567890123", "sf-express"],
    ["JT5012345678901", "jt-express"],
    ["JP1234567890", "jt-express"],
    ["6A12345678901", "colissimo"],
    ["JJD000390007812345678", "dhl-paket"],
  ];
  it.each(cases)("%s -> %s with NO_CHECKSUM", (n, carrier) => {
    const [top] = detectCarrier(n);
    expect(top!.carrier.code).toBe(carrier);
    expect(top!.checksum).toBe("NO_CHECKSUM");
    expect(top!.confidence).toBeLessThan(0.5);
    expect(validateTrackingNumber(carrier, n).valid).toBe(true);
  });

  it("lists those carriers' formats as having no check digit", () => {
    for (const code of ["yanwen", "4px", "cainiao", "sf-express", "jt-express"]) {
      const carrier = findCarrier(code)!;
      expect(carrier.formats.length, code).toBeGreaterThan(0);
      expect(carrier.formats.every((f) => !f.hasCheckDigit && f.checksum === null)).toBe(true);
    }
  });
});

describe("cross-border formats with a check digit", () => {
  const cases: [string, string, string][] = [
    // 11 digits then (11 digits mod 7).
    ["123456789013", "japan-post", "Japan Post (12)"],
    ["400123456784", "japan-post", "Japan Post (12)"],
    // GS1 SSCC with AI 00 and DHL's 340434 prefix.
    ["00340434123456789012", "dhl-paket", "DHL Paket (NVE/SSCC 20)"],
    ["00340434000000123457", "dhl-paket", "DHL Paket (NVE/SSCC 20)"],
  ];
  it.each(cases)("%s is a checksum-valid %s number", (n, carrier, format) => {
    const mine = detectCarrier(n).find((m) => m.carrier.code === carrier);
    expect(mine).toMatchObject({ format, checksum: "CHECKSUM_VALID" });
    expect(validateTrackingNumber(carrier, n).valid).toBe(true);
  });

  it("ranks the DHL Paket NVE above USPS 20, whose check digit it also passes", () => {
    const matches = detectCarrier("00340434123456789012");
    expect(matches[0]!.carrier.code).toBe("dhl-paket");
    expect(matches.map((m) => m.carrier.code)).toContain("usps");
  });

  it.each(cases)("%s: one-digit corruptions fail its check digit", (n, carrier, format) => {
    for (const bad of oneDigitCorruptions(n)) {
      const hit = detectCarrier(bad).find((m) => m.format === format);
      const expected = carrier === "japan-post" ? mod7Reference(bad) : false;
      expect(hit !== undefined, bad).toBe(expected);
      // A changed fixed prefix (DHL's 00340434) is another shape, not a check-digit error.
      const prefixChanged = carrier === "dhl-paket" && bad.slice(0, 8) !== "00340434";
      if (!expected && !prefixChanged) {
        const codes = validateTrackingNumber(carrier, bad).errors.map((e) => e.code);
        expect(codes, bad).toContain("CHECK_DIGIT_MISMATCH");
      }
    }
  });
});

describe("tracking URLs", () => {
  it("builds encoded deep links, null where the carrier has none", () => {
    expect(findCarrier("ups")!.trackingUrl("1Z5R89390357567127")).toContain("1Z5R89390357567127");
    expect(findCarrier("royal-mail")!.trackingUrl("AB161803397GB")).toContain("AB161803397GB");
    expect(findCarrier("china-post")!.trackingUrl("RR001122337CN")).toBeNull();
  });
});
