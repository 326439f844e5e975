import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const Detect = graphql(`
  query Detect($n: String!) {
    detectCarrier(trackingNumber: $n) {
      carrier { code name trackingUrl }
      format
      checksum
      confidence
    }
  }
`);

const DetectMany = graphql(`
  query DetectMany($numbers: [String!]!) {
    detectCarriers(trackingNumbers: $numbers) {
      input
      normalized
      matches { carrier { code } checksum }
      errors { code message }
    }
  }
`);

const Validate = graphql(`
  query Validate($carrier: String!, $n: String!) {
    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {
      valid
      normalized
      errors { code message }
      warnings { code message }
      suggestions { trackingNumber carrier }
    }
  }
`);

const DetectFrom = graphql(`
  query DetectFrom($n: String!, $origin: String, $destination: String) {
    detectCarrier(trackingNumber: $n, originCountry: $origin, destinationCountry: $destination) {
      carrier { code }
      checksum
    }
  }
`);

const DetectManyFrom = graphql(`
  query DetectManyFrom($numbers: [String!]!, $origin: String) {
    detectCarriers(trackingNumbers: $numbers, originCountry: $origin) {
      matches { carrier { code } }
    }
  }
`);

const Carriers = graphql(`
  query Carriers {
    carriers { code name formats { name hasCheckDigit checksum } }
  }
`);

describe("tracking-number intelligence over GraphQL", () => {
  it("detects a carrier, ranked, with a tracking URL for the normalized number", async () => {
    const { data } = await server.request(Detect, { n: " 1z5r-8939 0357 5671 27 " });
    expect(data?.detectCarrier[0]).toMatchObject({
      carrier: { code: "ups", name: "UPS" },
      checksum: "CHECKSUM_VALID",
    });
    expect(data?.detectCarrier[0]?.carrier.trackingUrl).toContain("1Z5R89390357567127");
    expect(data?.detectCarrier[0]?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it("tells a pattern-only match from a verified one", async () => {
    const { data } = await server.request(Detect, { n: "YT2611000000523645" });
    expect(data?.detectCarrier[0]).toMatchObject({
      carrier: { code: "yunexpress" },
      checksum: "NO_CHECKSUM",
    });
  });

  it("detects a batch in input order, with per-number errors", async () => {
    const numbers = ["RB317501857CN", "", "1Z5R8939#0357567127", "HELLO", "1Z5R89390357567127"];
    const { data } = await server.request(DetectMany, { numbers });
    const results = data?.detectCarriers ?? [];
    expect(results.map((r) => r.input)).toEqual(numbers);
    expect(results.map((r) => r.errors[0]?.code ?? r.matches[0]?.carrier.code)).toEqual([
      "china-post",
      "EMPTY",
      "INVALID_CHARACTERS",
      "NO_KNOWN_FORMAT",
      "ups",
    ]);
  });

  it("takes 1000 numbers and refuses 1001 with a clear error", async () => {
    const thousand = Array.from({ length: 1000 }, () => "1Z5R89390357567127");
    expect(
      (await server.request(DetectMany, { numbers: thousand })).data?.detectCarriers,
    ).toHaveLength(1000);
    const tooMany = await server.request(DetectMany, { numbers: [...thousand, "x"] });
    expect(tooMany.errors?.[0]?.message).toBe(
      "detectCarriers takes at most 1000 numbers, got 1001",
    );
  });

  it("validates against the chosen carrier and suggests the intended number", async () => {
    const ok = await server.request(Validate, { carrier: "UPS", n: "1Z5R89390357567127" });
    expect(ok.data?.validateTrackingNumber).toMatchObject({
      valid: true,
      errors: [],
      warnings: [],
      normalized: "1Z5R89390357567127",
    });

    const typo = await server.request(Validate, { carrier: "ups", n: "1Z5R89390357567128" });
    expect(typo.data?.validateTrackingNumber.valid).toBe(false);
    expect(typo.data?.validateTrackingNumber.errors[0]?.code).toBe("CHECK_DIGIT_MISMATCH");
    expect(typo.data?.validateTrackingNumber.suggestions).toContainEqual({
      trackingNumber: "1Z5R89390357567127",
      carrier: "ups",
    });

    const wrongCarrier = await server.request(Validate, {
      carrier: "usps",
      n: "1Z5R89390357567127",
    });
    expect(wrongCarrier.data?.validateTrackingNumber.errors[0]).toMatchObject({
      code: "CARRIER_MISMATCH",
    });
    expect(wrongCarrier.data?.validateTrackingNumber.errors[0]?.message).toMatch(/UPS/);
  });

  it("accepts an unknown shape with a NO_KNOWN_FORMAT warning instead of refusing it", async () => {
    // A FedEx door tag: real, but no FedEx format here describes it.
    const { data } = await server.request(Validate, { carrier: "fedex", n: "DT771613423732" });
    expect(data?.validateTrackingNumber).toMatchObject({ valid: true, errors: [] });
    expect(data?.validateTrackingNumber.warnings).toEqual([
      { code: "NO_KNOWN_FORMAT", message: expect.stringContaining("FedEx") },
    ]);
  });

  it("accepts full-width digits and letters pasted from a Chinese keyboard", async () => {
    const { data } = await server.request(Validate, {
      carrier: "ups",
      n: "１Ｚ５Ｒ８９３９０３５７５６７１２７",
    });
    expect(data?.validateTrackingNumber).toMatchObject({
      valid: true,
      normalized: "1Z5R89390357567127",
      warnings: [],
    });
  });

  it("ranks ambiguous numbers with the origin and destination countries", async () => {
    const first = async (origin?: string, destination?: string) =>
      (await server.request(DetectFrom, { n: "975749118625", origin, destination })).data
        ?.detectCarrier[0]?.carrier.code;
    expect(await first()).toBe("sf-express");
    expect(await first("cn")).toBe("sf-express");
    expect(await first("DE")).toBe("dhl-paket");
    expect(await first(undefined, "DE")).toBe("dhl-paket");

    const batch = await server.request(DetectManyFrom, {
      numbers: ["975749118625", "01905002345615"],
      origin: "US",
    });
    expect(batch.data?.detectCarriers.map((r) => r.matches[0]?.carrier.code)).toEqual([
      "sf-express",
      "dhl-ecommerce",
    ]);

    const bad = await server.request(DetectFrom, { n: "975749118625", origin: "CHN" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("INVALID_COUNTRY_CODE");
  });

  it("lists carriers with their formats and says which have a check digit", async () => {
    const { data } = await server.request(Carriers, {});
    const byCode = new Map(data?.carriers.map((c) => [c.code, c]));
    expect(byCode.get("ups")?.formats.some((f) => f.hasCheckDigit && f.checksum === "mod10")).toBe(
      true,
    );
    expect(byCode.get("yunexpress")?.formats.every((f) => !f.hasCheckDigit)).toBe(true);
    for (const code of [
      "china-post",
      "usps",
      "fedex",
      "dhl",
      "cainiao",
      "4px",
      "yanwen",
      "sf-express",
      "royal-mail",
    ]) {
      expect(byCode.has(code), code).toBe(true);
    }
  });
});
