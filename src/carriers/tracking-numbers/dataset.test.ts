import { describe, expect, it } from "vitest";
import { FORMATS } from "./format-registry.ts";
import { detectCarrier, findCarrier, validateTrackingNumber } from "./index.ts";
import { s10CarrierCode } from "./s10-carriers.ts";

const datasetFormats = FORMATS.filter((f) => f.validExamples.length > 0);

/** Where a dataset example is also checksum-valid for an equally specific format of another carrier. */
const NOT_TOP: Record<string, string> = {
  "287809468872": "also a valid FedEx Express (12) number; FedEx wins the tie",
  "320610804900": "also a valid FedEx Express (12) number; FedEx wins the tie",
  JFV247545960:
    "also fits DHL Express Piece ID (J + 2 letters + 9 digits), which pins more characters",
};

function expectedCarrier(formatCarrier: string | null, normalized: string): string {
  if (formatCarrier !== null) return formatCarrier;
  return s10CarrierCode(normalized.slice(-2), normalized.slice(0, 2));
}

describe.each(FORMATS.map((f) => [f.id, f] as const))("format %s", (_id, f) => {
  it.each(f.validExamples)("detects valid example %j as its carrier", (example) => {
    const normalized = example.replace(/[\s-]/g, "").toUpperCase();
    const carrier = expectedCarrier(f.carrier, normalized);
    const matches = detectCarrier(example);
    const mine = matches.find((m) => m.carrier.code === carrier);
    expect(mine, `${example} should match ${carrier}`).toBeDefined();
    expect(mine!.checksum).toBe(f.checksum === null ? "NO_CHECKSUM" : "CHECKSUM_VALID");
    if (f.listedAfter !== null) {
      // Another carrier's number this carrier also tracks: listed right behind that carrier.
      const codes = matches.map((m) => m.carrier.code);
      expect(codes.indexOf(carrier)).toBe(codes.indexOf(f.listedAfter) + 1);
    } else if (!(normalized in NOT_TOP) && !(f.id === "dhl_paket_12")) {
      expect(matches[0]!.carrier.code).toBe(carrier);
    }
    expect(validateTrackingNumber(carrier, example).valid).toBe(true);
  });

  it.each(f.invalidExamples)("never silently accepts invalid example %j", (example) => {
    const normalized = example.replace(/[\s-]/g, "").toUpperCase();
    const names = detectCarrier(example).map((m) => m.format);
    expect(names).not.toContain(f.name);
    if (f.carrier !== null) {
      const check = validateTrackingNumber(f.carrier, example);
      const sameCarrierOtherFormat = check.matches.find((m) => m.carrier.code === f.carrier);
      // Unless another format of the same carrier legitimately fits, the number is refused or,
      // when nothing proves it wrong, accepted with a NO_KNOWN_FORMAT warning (decision 014).
      if (sameCarrierOtherFormat === undefined) {
        expect(check.valid === false || check.warnings[0]?.code === "NO_KNOWN_FORMAT").toBe(true);
      }
    } else {
      expect(
        detectCarrier(normalized).some(
          (m) => m.checksum === "CHECKSUM_VALID" && m.format === "S10",
        ),
      ).toBe(false);
    }
  });
});

describe("dataset coverage", () => {
  it("compiles every dataset format and maps it to a registered carrier", () => {
    expect(datasetFormats.length).toBeGreaterThanOrEqual(40);
    for (const f of FORMATS) {
      if (f.carrier !== null) expect(findCarrier(f.carrier), f.id).toBeDefined();
    }
  });

  it("maps dataset couriers to our codes", () => {
    expect(detectCarrier("1Z5R89390357567127")[0]!.carrier.code).toBe("ups");
    expect(detectCarrier("3318810025")[0]!.carrier.code).toBe("dhl");
    expect(detectCarrier("GM2951173225174494")[0]!.carrier.code).toBe("dhl-ecommerce");
    expect(detectCarrier("TBA000000000000")[0]!.carrier.code).toBe("amazon");
    expect(detectCarrier("RB123456785CV")[0]!.carrier.name).toBe("National post of Cape Verde");
  });

  it("reports which invalid examples other formats of the same carrier accept without a doubt", () => {
    const silent = (carrier: string, e: string) => {
      const check = validateTrackingNumber(carrier, e);
      return check.valid && check.warnings.length === 0;
    };
    const leaks = FORMATS.flatMap((f) =>
      f.invalidExamples
        .filter((e) => f.carrier !== null && silent(f.carrier, e))
        .map((e) => `${f.id}:${e}`),
    );
    // The alpha format's "invalid" example is a valid Purolator (12) number: refused by the
    // format, rightly accepted by the carrier.
    expect(leaks).toEqual(["purolator_alpha:331426749957"]);
  });
});
