import { describe, expect, it } from "vitest";
import { detectCarrier, validateTrackingNumber } from "./index.ts";

// Real or documented numbers for formats the vendored dataset misses; sources are in
// extra/*.json and docs/decisions/014-tracking-number-detection.md.

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

describe("DHL Express", () => {
  it("keeps the mod 7 check digit of 10-digit waybills, which real waybills pass", () => {
    // 4317584051: a delivered CA -> PL DHL Express shipment (public tracking-response fixture).
    expect(detectCarrier("4317584051")[0]).toMatchObject({
      carrier: { code: "dhl" },
      checksum: "CHECKSUM_VALID",
    });
    const typo = validateTrackingNumber("dhl", "4317584052");
    expect(typo.valid).toBe(false);
    expect(typo.errors[0]!.code).toBe("CHECK_DIGIT_MISMATCH");
    expect(typo.errors[0]!.message.match(/DHL Express/g)).toHaveLength(1);
    expect(typo.suggestions.map((s) => s.trackingNumber)).toContain("4317584051");
  });

  it("detects JD + 18-digit licence plates", () => {
    for (const n of ["JD012345678901234567", "JD014600006281230714"]) {
      expect(detectCarrier(n)[0]).toMatchObject({
        carrier: { code: "dhl" },
        checksum: "NO_CHECKSUM",
      });
      expect(validateTrackingNumber("dhl", n)).toMatchObject({ valid: true, errors: [] });
    }
  });
});

describe("DPD 14-digit parcel numbers", () => {
  it.each(["01905002345615", "05132040653892", "09980000020033"])("%s is DPD", (n) => {
    expect(detectCarrier(n)[0]!.carrier.code).toBe("dpd");
    expect(validateTrackingNumber("dpd", n)).toMatchObject({ valid: true, errors: [] });
  });

  it("still verifies the check character when the 15th character is typed", () => {
    expect(detectCarrier("01905002345615Y")[0]).toMatchObject({ checksum: "CHECKSUM_VALID" });
    expect(validateTrackingNumber("dpd", "01905002345615Z").errors[0]!.code).toBe(
      "CHECK_DIGIT_MISMATCH",
    );
  });
});

describe("FedEx 20- and 22-digit Ground Economy (SmartPost) numbers", () => {
  // FedEx's own mock tracking numbers for FedEx Ground Economy.
  const twenty = ["61299998620341515252", "74899992242124855076", "41999998135520738841"];
  const twentyTwo = ["9261293148703201595357", "9274899992136003821767"];

  it.each(twenty)("%s is a checksum-valid FedEx number", (n) => {
    expect(detectCarrier(n)[0]).toMatchObject({
      carrier: { code: "fedex" },
      checksum: "CHECKSUM_VALID",
    });
    expect(validateTrackingNumber("fedex", n)).toMatchObject({ valid: true, errors: [] });
  });

  it("accepts the legacy 02 form (91 dropped) for FedEx; USPS, which delivers it, still matches", () => {
    const n = "02931503799192766595";
    expect(validateTrackingNumber("fedex", n).valid).toBe(true);
    expect(detectCarrier(n).map((m) => m.carrier.code)).toEqual(["usps", "fedex"]);
  });

  it.each(twentyTwo)("%s is valid for FedEx and for USPS, which delivers it", (n) => {
    // USPS issues the IMpb number and delivers it; FedEx tracks it too and is listed next.
    expect(detectCarrier(n).map((m) => m.carrier.code)).toEqual(["usps", "fedex"]);
    expect(validateTrackingNumber("fedex", n)).toMatchObject({ valid: true, errors: [] });
    expect(validateTrackingNumber("usps", n).valid).toBe(true);
  });

  it("refuses a mistyped check digit of a 20-digit number with the fix as a suggestion", () => {
    const check = validateTrackingNumber("fedex", "61299998620341515253");
    expect(check.errors[0]!.code).toBe("CHECK_DIGIT_MISMATCH");
    expect(check.suggestions.map((s) => s.trackingNumber)).toContain("61299998620341515252");
    // USPS mod 10 misses no single-digit change.
    for (const bad of oneDigitCorruptions(twenty[0]!)) {
      const verified = detectCarrier(bad).some(
        (m) => m.carrier.code === "fedex" && m.checksum === "CHECKSUM_VALID",
      );
      expect(verified, bad).toBe(false);
    }
  });
});

describe("Canada Post", () => {
  it("tracks 15-digit delivery notice card numbers", () => {
    expect(detectCarrier("123456789012345")[0]!.carrier.code).toBe("canada-post");
    expect(validateTrackingNumber("canada-post", "123456789012345")).toMatchObject({
      valid: true,
      errors: [],
    });
  });

  it("keeps the mod 10 check digit of 16-digit PINs", () => {
    expect(detectCarrier("0073938000549297")[0]).toMatchObject({
      carrier: { code: "canada-post" },
      checksum: "CHECKSUM_VALID",
    });
    expect(validateTrackingNumber("canada-post", "0073938000549298").errors[0]!.code).toBe(
      "CHECK_DIGIT_MISMATCH",
    );
  });
});

describe("Chinese carriers' numeric formats", () => {
  it.each([
    ["1082398765432", "china-ems"],
    ["5012345678903", "china-ems"],
    ["304200631500", "4px"],
    ["12876900007000242694867001", "cainiao"],
    ["13212345678901234567890123", "cainiao"],
  ])("%s -> %s", (n, carrier) => {
    expect(detectCarrier(n)[0]).toMatchObject({
      carrier: { code: carrier },
      checksum: "NO_CHECKSUM",
    });
    expect(validateTrackingNumber(carrier, n)).toMatchObject({ valid: true, errors: [] });
  });

  it("ranks SF Express above DHL Paket for a 12-digit number both fit", () => {
    const matches = detectCarrier("975749118625");
    expect(matches.map((m) => m.carrier.code)).toEqual(["sf-express", "dhl-paket"]);
    expect(validateTrackingNumber("sf-express", "975749118625").valid).toBe(true);
  });
});

describe("USPS 26-digit numbers", () => {
  // 92 with a 6-digit Mailer ID and 93 with a 9-digit one: the dataset pairs them the other way.
  const numbers = ["92055123456526018159083019", "93612966131860913909960306"];

  it.each(numbers)("%s is a checksum-valid USPS number", (n) => {
    expect(detectCarrier(n)[0]).toMatchObject({
      carrier: { code: "usps" },
      checksum: "CHECKSUM_VALID",
    });
    expect(validateTrackingNumber("usps", n)).toMatchObject({ valid: true, errors: [] });
  });

  it.each(numbers)("%s: every one-digit typo fails the check digit", (n) => {
    for (const bad of oneDigitCorruptions(n)) {
      const verified = detectCarrier(bad).some(
        (m) => m.carrier.code === "usps" && m.checksum === "CHECKSUM_VALID",
      );
      expect(verified, bad).toBe(false);
      // A changed 9x prefix is another shape, not a check-digit error.
      if (!/^9[1-5]/.test(bad)) continue;
      expect(validateTrackingNumber("usps", bad).errors[0]!.code, bad).toBe("CHECK_DIGIT_MISMATCH");
    }
  });
});
