import { describe, expect, it } from "vitest";
import { blockedAddress, NO_ALLOWED_TARGETS, parseAllowList, parseTargetUrl } from "./targets.ts";

describe("webhook targets", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.20.30.40", "private"],
    ["192.168.1.1", "private"],
    ["172.16.0.9", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["::1", "loopback"],
    ["fd00::1", "uniqueLocal"],
    ["::ffff:127.0.0.1", "loopback"],
  ])("refuses %s (%s)", (address, range) => {
    expect(blockedAddress(address, NO_ALLOWED_TARGETS)).toContain(range);
  });

  it("lets public addresses through", () => {
    expect(blockedAddress("93.184.216.34", NO_ALLOWED_TARGETS)).toBeNull();
    expect(blockedAddress("2606:2800:220:1:248:1893:25c8:1946", NO_ALLOWED_TARGETS)).toBeNull();
  });

  it("lets an allowed address or range through, and only that", () => {
    const allow = parseAllowList(" hooks.internal , 10.0.0.0/8,127.0.0.1 ");
    expect(allow.hosts.has("hooks.internal")).toBe(true);
    expect(blockedAddress("10.20.30.40", allow)).toBeNull();
    expect(blockedAddress("127.0.0.1", allow)).toBeNull();
    expect(blockedAddress("127.0.0.2", allow)).toContain("loopback");
    expect(blockedAddress("192.168.1.1", allow)).toContain("private");
  });

  it("throws on a range it cannot read", () => {
    expect(() => parseAllowList("10.0.0.0/99")).toThrow();
  });

  it("takes http(s) URLs without credentials only", () => {
    expect(parseTargetUrl("https://partner.example/hooks")).toBeInstanceOf(URL);
    expect(parseTargetUrl("ftp://partner.example/")).toBe("must be http or https");
    expect(parseTargetUrl("https://user:pw@partner.example/")).toBe("must not carry credentials");
    expect(parseTargetUrl("partner.example/hooks")).toBe("not an absolute URL");
  });
});
