import { describe, expect, it } from "vitest";
import { CARRIER_DECLARATIONS } from "../carriers/tracking-numbers/carrier-registry.ts";
import type { MarketplaceApi } from "./api-types.ts";
import { buyerMessagingRefusal } from "./buyer-messaging.ts";
import { MARKETPLACE_PLUGINS } from "./registry.ts";
import type { MarketplacePlugin } from "./types.ts";

const withApi = MARKETPLACE_PLUGINS.filter(
  (plugin): plugin is MarketplacePlugin & { api: MarketplaceApi } => plugin.api !== undefined,
);

describe.each(withApi)("marketplace API contract: $id", ({ api, sites }) => {
  it("declares camelCase credential fields, each once, with a one-line description", () => {
    const names = api.credentials.map((field) => field.name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
    for (const field of api.credentials) {
      expect(field.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(field.description.trim()).not.toBe("");
      expect(field.description).not.toContain("\n");
    }
  });

  it("routes pushes by one of its credentials", () => {
    expect(api.credentials.map((field) => field.name)).toContain(api.accountField);
  });

  it("reaches every site over https", () => {
    for (const site of sites) {
      for (const url of [api.baseUrl(site), api.tokenUrl(site)]) {
        expect(new URL(url).protocol, `${site.code}: ${url}`).toBe("https:");
      }
    }
  });

  it("declares a positive rate limit", () => {
    expect(api.rateLimit.perSecond).toBeGreaterThan(0);
    expect(api.rateLimit.burst).toBeGreaterThanOrEqual(1);
  });

  it("gives null for an unknown carrier and a non-empty code or null for known ones", () => {
    for (const site of sites) {
      expect(api.carrierCode(site, "no-such-carrier")).toBeNull();
      expect(api.carrierCode(site, "constructor")).toBeNull();
      for (const { code } of CARRIER_DECLARATIONS) {
        const native = api.carrierCode(site, code);
        if (native !== null) expect(native.trim(), `${site.code} ${code}`).not.toBe("");
      }
    }
  });

  it("builds a client without any I/O", () => {
    const site = sites[0]!;
    const credentials = Object.fromEntries(api.credentials.map((field) => [field.name, "x"]));
    const client = api.createClient(
      { site, baseUrl: api.baseUrl(site), tokenUrl: api.tokenUrl(site), credentials },
      {
        fetch: () => {
          throw new Error("createClient must not call fetch");
        },
        now: () => new Date("2026-11-02T10:00:00Z"),
        saveCredentials: async () => {
          throw new Error("createClient must not save credentials");
        },
      },
    );
    expect(typeof client.uploadTracking).toBe("function");
    expect(typeof client.checkCredentials).toBe("function");
  });
});

// One answer per site: a site that is not refused is messaged, so the client must be able to.
describe.each(MARKETPLACE_PLUGINS)("buyer messaging contract: $id", (plugin) => {
  it("says why not for every site it refuses, and can send with a limit where it does not", () => {
    const declared = plugin.buyerMessages;
    if (!declared) return;
    for (const [code, reason] of Object.entries(declared.unsupportedSites ?? {})) {
      expect(plugin.sites.map((site) => site.code)).toContain(code);
      expect(reason.trim()).not.toBe("");
    }
    const served = plugin.sites.filter((site) => buyerMessagingRefusal(plugin, site.code) === null);
    if (served.length === 0) {
      expect(declared.unsupported?.trim() || declared.unsupportedSites).toBeTruthy();
      return;
    }
    expect(declared.maxLength).toBeGreaterThan(0);
    const api = plugin.api;
    expect(api, `${plugin.id} messages buyers but has no API`).toBeDefined();
    const site = served[0]!;
    const credentials = Object.fromEntries(api!.credentials.map((field) => [field.name, "x"]));
    const client = api!.createClient(
      { site, baseUrl: api!.baseUrl(site), tokenUrl: api!.tokenUrl(site), credentials },
      { fetch, now: () => new Date(), saveCredentials: async () => {} },
    );
    expect(typeof client.messageBuyer).toBe("function");
  });
});
