import { describe, expect, it } from "vitest";
import { CARRIER_DECLARATIONS } from "./carrier-registry.ts";
import { detectCarrier, detectCarriers } from "./index.ts";

const codes = (n: string, context?: Parameters<typeof detectCarrier>[1]) =>
  detectCarrier(n, context).map((m) => m.carrier.code);

describe("carrier countries are declared as data", () => {
  it("declares ISO 3166-1 alpha-2 codes or worldwide for every carrier but the S10 catch-all", () => {
    for (const c of CARRIER_DECLARATIONS) {
      if (c.code === "upu-s10") {
        expect(c.countries, c.code).toBeUndefined();
        continue;
      }
      expect(c.countries, c.code).toBeDefined();
      if (c.countries === "worldwide") continue;
      for (const country of c.countries!) expect(country, c.code).toMatch(/^[A-Z]{2}$/);
    }
  });

  it("has the Chinese cross-border carriers operate in China", () => {
    const china = [
      "china-post",
      "china-ems",
      "yunexpress",
      "yanwen",
      "4px",
      "cainiao",
      "sf-express",
      "jt-express",
    ];
    for (const code of china) {
      const countries = CARRIER_DECLARATIONS.find((c) => c.code === code)!.countries;
      expect(countries, code).toContain("CN");
    }
  });
});

describe("detectCarrier ranks with the shipment's countries", () => {
  // 12 digits, no check digit of FedEx, Japan Post or Purolator: SF Express or DHL Paket.
  const twelve = "975749118625";

  it("lists every plausible carrier, the origin's carrier first", () => {
    expect(codes(twelve)).toEqual(["sf-express", "dhl-paket"]);
    expect(codes(twelve, { originCountry: "CN" })).toEqual(["sf-express", "dhl-paket"]);
    expect(codes(twelve, { originCountry: "DE" })).toEqual(["dhl-paket", "sf-express"]);
    expect(codes(twelve, { originCountry: "de" })).toEqual(["dhl-paket", "sf-express"]);
  });

  it("uses the destination when the origin does not decide", () => {
    expect(codes(twelve, { destinationCountry: "DE" })).toEqual(["dhl-paket", "sf-express"]);
    expect(codes(twelve, { originCountry: "US", destinationCountry: "DE" })).toEqual([
      "dhl-paket",
      "sf-express",
    ]);
    // The origin weighs more than the destination.
    expect(codes(twelve, { originCountry: "CN", destinationCountry: "DE" })).toEqual([
      "sf-express",
      "dhl-paket",
    ]);
  });

  it("lifts a carrier over a slightly more specific pattern when only it operates there", () => {
    // DPD's 0/1 prefix pins half a character more than DHL eCommerce's bare 14 digits.
    expect(codes("01905002345615")).toEqual(["dpd", "dhl-ecommerce"]);
    expect(codes("01905002345615", { originCountry: "US" })).toEqual(["dhl-ecommerce", "dpd"]);
    expect(codes("01905002345615", { originCountry: "DE" })).toEqual(["dpd", "dhl-ecommerce"]);
  });

  it("never lifts a pattern-only match above a verified check digit", () => {
    // A valid FedEx Express (12) number that SF Express and DHL Paket fit by pattern.
    expect(codes("986578788855", { originCountry: "CN" })[0]).toBe("fedex");
    expect(codes("986578788855", { originCountry: "DE" })[0]).toBe("fedex");
  });

  it("never lets context outweigh a clearly more specific format", () => {
    // DHL's GS1 prefix 340434 against USPS 20, whose check digit this number also passes.
    expect(
      codes("00340434123456789012", { originCountry: "US", destinationCountry: "US" })[0],
    ).toBe("dhl-paket");
  });

  it("keeps a listed_after format behind its carrier whatever the context", () => {
    expect(codes("9261293148703201595357", { originCountry: "CN" })).toEqual(["usps", "fedex"]);
  });

  it("ignores unknown country codes and applies one context to a batch", () => {
    expect(codes(twelve, { originCountry: "XX" })).toEqual(["sf-express", "dhl-paket"]);
    const results = detectCarriers([twelve, "01905002345615"], { originCountry: "DE" });
    expect(results.map((r) => r.matches[0]!.carrier.code)).toEqual(["dhl-paket", "dpd"]);
  });
});
