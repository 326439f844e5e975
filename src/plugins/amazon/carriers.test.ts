import { describe, expect, it } from "vitest";
import { CARRIER_DECLARATIONS } from "../../carriers/tracking-numbers/carrier-registry.ts";
import { amazonApi } from "./api.ts";
import { AMAZON_CARRIER_CODES, amazonCarrierCode } from "./carriers.ts";
import { amazonSites } from "./sites.ts";

const trackline = new Set(CARRIER_DECLARATIONS.map((carrier) => carrier.code));
const [US] = amazonSites;

describe("Amazon carrier codes", () => {
  it("maps only carriers trackline knows, never to Other", () => {
    for (const [carrier, code] of Object.entries(AMAZON_CARRIER_CODES)) {
      expect(trackline, carrier).toContain(carrier);
      expect(code.trim()).not.toBe("");
      expect(code).not.toBe("Other");
    }
  });

  it("spells codes as Amazon's list does", () => {
    expect(amazonCarrierCode(US!, "yunexpress")).toBe("Yun Express");
    expect(amazonCarrierCode(US!, "yanwen")).toBe("YANWEN");
    expect(amazonCarrierCode(US!, "4px")).toBe("4PX");
    expect(amazonCarrierCode(US!, "royal-mail")).toBe("Royal Mail");
    expect(amazonCarrierCode(US!, "lasership")).toBe("Lasership");
  });

  it("gives the same code on every site: Amazon publishes one list", () => {
    for (const site of amazonSites) expect(amazonCarrierCode(site, "fedex")).toBe("FedEx");
  });

  it("gives null for carriers off the list, object keys included", () => {
    for (const carrier of ["purolator", "cainiao", "no-such-carrier", "constructor", "__proto__"]) {
      expect(amazonCarrierCode(US!, carrier), carrier).toBeNull();
    }
  });
});

describe("Amazon API endpoints", () => {
  it.each([
    ["US", "https://sellingpartnerapi-na.amazon.com"],
    ["BR", "https://sellingpartnerapi-na.amazon.com"],
    ["UK", "https://sellingpartnerapi-eu.amazon.com"],
    ["ES", "https://sellingpartnerapi-eu.amazon.com"],
    ["JP", "https://sellingpartnerapi-fe.amazon.com"],
    ["AU", "https://sellingpartnerapi-fe.amazon.com"],
    ["SG", "https://sellingpartnerapi-fe.amazon.com"],
  ])("sends %s to its selling region", (code, url) => {
    const site = amazonSites.find((candidate) => candidate.code === code)!;
    expect(amazonApi.baseUrl(site)).toBe(url);
    expect(amazonApi.tokenUrl(site)).toBe("https://api.amazon.com/auth/o2/token");
  });
});
