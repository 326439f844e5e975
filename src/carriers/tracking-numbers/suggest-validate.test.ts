import { describe, expect, it } from "vitest";
import {
  detectCarrier,
  detectCarriers,
  findCarrier,
  listCarriers,
  suggestCorrections,
  validateTrackingNumber,
} from "./index.ts";
import { formatLabel } from "./validate.ts";

describe("suggestCorrections", () => {
  it("recovers a one-digit typo in an S10 number", () => {
    // RB123456785GB with the check digit mistyped as 6.
    const s = suggestCorrections("RB123456786GB", "royal-mail");
    expect(s.map((x) => x.trackingNumber)).toContain("RB123456785GB");
    expect(s.length).toBeLessThanOrEqual(5);
    expect(s.every((x) => x.carrier === "royal-mail")).toBe(true);
  });

  it("recovers an adjacent transposition and ranks transpositions first", () => {
    // 1Z5R89390357567127 with "12" keyed as "21".
    const input = "1Z5R89390357567217";
    const s = suggestCorrections(input);
    expect(s).toContainEqual({
      trackingNumber: "1Z5R89390357567127",
      carrier: "ups",
      format: "UPS",
    });
    const first = s[0]!.trackingNumber;
    const diff = [...input].flatMap((c, i) => (c === first[i] ? [] : [i]));
    expect(diff).toHaveLength(2);
    expect(diff[1]! - diff[0]!).toBe(1);
  });

  it("recovers a serial-digit typo when it is among the first five candidates", () => {
    // 986578788855 with its first digit mistyped as 8.
    const s = suggestCorrections("886578788855", "fedex");
    expect(s.map((x) => x.trackingNumber)).toContain("986578788855");
  });

  it("offers the check-digit fix for a FedEx number", () => {
    const s = suggestCorrections("986578788856", "fedex");
    expect(s.map((x) => x.trackingNumber)).toContain("986578788855");
    expect(s.every((x) => x.carrier === "fedex")).toBe(true);
  });

  it("never suggests for pattern-only carriers or refused input", () => {
    expect(suggestCorrections("YT222952127216444", "yunexpress")).toEqual([]);
    expect(suggestCorrections("")).toEqual([]);
  });
});

describe("validateTrackingNumber", () => {
  it("accepts a checksum-valid number for its carrier", () => {
    const r = validateTrackingNumber("ups", "1z5r 8939 0357 5671 27");
    expect(r).toMatchObject({ valid: true, normalized: "1Z5R89390357567127", errors: [] });
    expect(r.matches[0]!.carrier.code).toBe("ups");
  });

  it("CHECK_DIGIT_MISMATCH with suggestions when the shape fits but the digit fails", () => {
    const r = validateTrackingNumber("usps", "RB123456786US");
    expect(r.valid).toBe(false);
    expect(r.errors[0]!.code).toBe("CHECK_DIGIT_MISMATCH");
    expect(r.errors[0]!.message).toContain("USPS");
    expect(r.suggestions.map((s) => s.trackingNumber)).toContain("RB123456785US");
  });

  it("CARRIER_MISMATCH names the carriers the number does match", () => {
    const r = validateTrackingNumber("fedex", "1Z5R89390357567127");
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(["CARRIER_MISMATCH"]);
    expect(r.errors[0]!.message).toContain("UPS (ups)");
    expect(r.matches[0]!.carrier.code).toBe("ups");
  });

  it("CARRIER_MISMATCH for an unknown carrier code, still listing matches", () => {
    const r = validateTrackingNumber("pony-express", "1Z5R89390357567127");
    expect(r.errors[0]).toMatchObject({ code: "CARRIER_MISMATCH" });
    expect(r.errors[0]!.message).toContain('Unknown carrier code "pony-express"');
    expect(r.matches.length).toBeGreaterThan(0);
  });

  it("accepts a number of no known format with a NO_KNOWN_FORMAT warning, not an error", () => {
    const r = validateTrackingNumber("ups", "HELLO");
    expect(r).toMatchObject({ valid: true, errors: [] });
    expect(r.warnings.map((w) => w.code)).toEqual(["NO_KNOWN_FORMAT"]);
    expect(r.warnings[0]!.message).toContain("UPS");
  });

  it("passes normalization errors through", () => {
    expect(validateTrackingNumber("ups", " ").errors[0]!.code).toBe("EMPTY");
  });

  it("accepts pattern-only carriers on format alone, never as checksum-valid", () => {
    const r = validateTrackingNumber("sf-express", "SF1234567890123");
    expect(r.valid).toBe(true);
    expect(r.matches[0]!.checksum).toBe("NO_CHECKSUM");
  });
});

describe("ranking", () => {
  it("puts checksum-valid matches above pattern-only ones, each in its confidence band", () => {
    for (const n of [
      "340434188193",
      "00340434123456789012",
      "RB123456785GB",
      "JJD014600003827000003",
    ]) {
      const m = detectCarrier(n);
      const firstNone = m.findIndex((x) => x.checksum === "NO_CHECKSUM");
      if (firstNone >= 0)
        expect(m.slice(firstNone).every((x) => x.checksum === "NO_CHECKSUM")).toBe(true);
      for (const x of m) {
        if (x.checksum === "CHECKSUM_VALID") expect(x.confidence).toBeGreaterThanOrEqual(0.5);
        else expect(x.confidence).toBeLessThan(0.5);
      }
    }
  });

  it("scores a loose all-digit pattern low", () => {
    const [m] = detectCarrier("999999999999");
    expect(m!.checksum).toBe("NO_CHECKSUM");
    expect(m!.confidence).toBeLessThan(0.2);
  });
});

describe("detectCarriers", () => {
  it("keeps input order and handles 1000 mixed inputs", () => {
    const pool = [
      "1Z5R89390357567127",
      "RB123456785GB",
      "",
      "TBA000000000000",
      "junk!",
      "986578788855",
    ];
    const inputs = Array.from({ length: 1000 }, (_, i) => pool[i % pool.length]!);
    const results = detectCarriers(inputs);
    expect(results).toHaveLength(1000);
    expect(results.map((r) => r.input)).toEqual(inputs);
    expect(results[0]!.matches[0]!.carrier.code).toBe("ups");
    expect(results[1]!.matches[0]!.carrier.code).toBe("royal-mail");
    expect(results[2]!.errors[0]!.code).toBe("EMPTY");
    expect(results[4]!.errors[0]!.code).toBe("INVALID_CHARACTERS");
    expect(results[5]!.matches[0]!.carrier.code).toBe("fedex");
  });

  it("lists every carrier the brief asks for", () => {
    const codes = listCarriers().map((c) => c.code);
    for (const code of [
      "china-post",
      "china-ems",
      "yunexpress",
      "yanwen",
      "4px",
      "cainiao",
      "sf-express",
      "jt-express",
      "singapore-post",
      "thailand-post",
      "japan-post",
      "korea-post",
      "royal-mail",
      "dhl-paket",
      "colissimo",
      "australia-post",
      "canada-post",
      "usps",
      "ups",
      "fedex",
      "dhl",
      "dhl-ecommerce",
      "amazon",
      "upu-s10",
    ]) {
      expect(codes, code).toContain(code);
    }
  });
});

describe("messages name the carrier once", () => {
  it("says UPS once when a UPS check digit is wrong (it used to say 'a UPS UPS number')", () => {
    const [error] = validateTrackingNumber("ups", "1Z5R89390357567128").errors;
    expect(error!.code).toBe("CHECK_DIGIT_MISMATCH");
    expect(error!.message.match(/UPS/g)).toHaveLength(1);
    const [canada] = validateTrackingNumber("canada-post", "0073938000549298").errors;
    expect(canada!.message.match(/Canada Post/g)).toHaveLength(1);
  });

  it("never repeats the brand in the label of any carrier's format", () => {
    for (const carrier of listCarriers()) {
      const brand = carrier.name.split(" ")[0]!;
      for (const format of carrier.formats) {
        const label = formatLabel(carrier.name, format.name);
        expect(label.split(brand).length - 1, `${carrier.code}: ${label}`).toBe(1);
      }
    }
    expect(formatLabel("USPS", "S10")).toBe("USPS S10");
  });
});

describe("validateTrackingNumber refuses only what is certainly wrong", () => {
  const accepted = (carrier: string, n: string) => {
    const r = validateTrackingNumber(carrier, n);
    expect(r.valid, `${carrier} ${n}`).toBe(true);
    expect(r.errors).toEqual([]);
    return r.warnings;
  };

  it("warns instead of refusing an unknown shape for a carrier without check digits", () => {
    // Yanwen publishes no numeric format we could verify; the marketplace takes the number.
    const [warning] = accepted("yanwen", "YW1234567890123");
    expect(warning).toMatchObject({ code: "NO_KNOWN_FORMAT" });
    expect(warning!.message).toContain("Yanwen");
  });

  it("warns for a carrier whose every known format has a check digit", () => {
    // FedEx door tags (DT + 12 digits) are real FedEx numbers that no format here describes.
    expect(findCarrier("fedex")!.formats.every((f) => f.hasCheckDigit)).toBe(true);
    expect(accepted("fedex", "DT771613423732").map((w) => w.code)).toEqual(["NO_KNOWN_FORMAT"]);
  });

  it("names a pattern-only lookalike of another carrier in the warning, without refusing", () => {
    const [warning] = accepted("fedex", "SF1234567890123");
    expect(warning!.message).toContain("SF Express (sf-express)");
    expect(accepted("yanwen", "975749118625")).toHaveLength(1);
  });

  it("keeps CARRIER_MISMATCH as an error when the other carrier's check digit verifies", () => {
    const r = validateTrackingNumber("ups", "41999998135520738841");
    expect(r).toMatchObject({ valid: false, warnings: [] });
    expect(r.errors.map((e) => e.code)).toEqual(["CARRIER_MISMATCH"]);
    expect(r.errors[0]!.message).toContain("FedEx (fedex)");
  });

  it("refuses a failed S10 check digit for any post, naming the post of the country code", () => {
    const r = validateTrackingNumber("usps", "RB123456786GB");
    expect(r.valid).toBe(false);
    expect(r.errors[0]!.code).toBe("CHECK_DIGIT_MISMATCH");
    expect(r.errors[0]!.message).toContain("Royal Mail S10");
  });

  it("has no warnings on a clean pass or a refusal", () => {
    expect(validateTrackingNumber("ups", "1Z5R89390357567127").warnings).toEqual([]);
    expect(validateTrackingNumber("ups", "1Z5R89390357567128").warnings).toEqual([]);
    expect(validateTrackingNumber("ups", "").warnings).toEqual([]);
  });
});
