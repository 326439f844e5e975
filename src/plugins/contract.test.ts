import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../domain/texts/catalog/index.ts";
import { createTextBook } from "../domain/texts/index.ts";
import {
  MILESTONES,
  ORDER_STATES,
  SUPPORTED_LOCALES,
  type TextCatalog,
  TRACKING_STATUSES,
  TRACKING_SUBSTATUSES,
} from "../vocabulary/index.ts";
import { defineMarketplace } from "./define-marketplace.ts";
import { createMarketplaceRegistry, MARKETPLACE_PLUGINS } from "./registry.ts";
import type { MarketplacePlugin } from "./types.ts";

const english = CATALOGS.find((catalog) => catalog.locale === "en")!.texts;
const texts = createTextBook(createMarketplaceRegistry());

/** The argument names an ICU message uses, nested plurals included. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as {
      value?: unknown;
      options?: Record<string, { value: unknown }>;
    }[]) {
      if (typeof node.value === "string" && "type" in node && node.type !== 0)
        names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

it("reads the variables of a message, plurals included", () => {
  expect(argumentsOf(english.milestone.DELAYED, "en")).toEqual(["days", "orderId"]);
});

describe.each(MARKETPLACE_PLUGINS)("marketplace contract: $id", (plugin) => {
  it("maps every native order status to a canonical state, with an English label", () => {
    expect(Object.keys(plugin.orderStatuses).length).toBeGreaterThan(0);
    for (const status of Object.values(plugin.orderStatuses)) {
      expect(ORDER_STATES).toContain(status.state);
      expect(status.label.en.trim()).not.toBe("");
    }
  });

  it("starts new orders in a status that awaits shipment", () => {
    expect(["PENDING", "READY_TO_SHIP"]).toContain(
      plugin.orderStatuses[plugin.initialStatus]?.state,
    );
  });

  it("has a native status for every state an order can take before delivery", () => {
    const states = new Set(Object.values(plugin.orderStatuses).map((status) => status.state));
    for (const state of ["PENDING", "READY_TO_SHIP", "SHIPPED", "CANCELLED"] as const) {
      expect(states).toContain(state);
    }
  });

  it("declares sites whose languages trackline writes and whose time zones exist", () => {
    for (const site of plugin.sites) {
      for (const locale of site.locales) expect(SUPPORTED_LOCALES).toContain(locale);
      expect(() => new Intl.DateTimeFormat("en", { timeZone: site.timeZone })).not.toThrow();
    }
  });

  it("words its own texts with the same variables as the canonical message", () => {
    for (const [locale, overrides] of Object.entries(plugin.texts)) {
      for (const [section, messages] of Object.entries(overrides ?? {})) {
        for (const [key, message] of Object.entries(messages ?? {})) {
          const canonical = (english[section as keyof TextCatalog] as Record<string, string>)[key]!;
          expect(argumentsOf(message as string, locale), `${locale}.${section}.${key}`).toEqual(
            argumentsOf(canonical, "en"),
          );
        }
      }
    }
  });

  it("renders every text in every site language without throwing", () => {
    const vars = { orderId: "A-1", carrier: "UPS", trackingNumber: "1Z5R89390357567127" };
    for (const locale of new Set(plugin.sites.flatMap((site) => site.locales))) {
      for (const status of [...TRACKING_STATUSES]) {
        expect(texts.status(plugin.id, locale, status, null)).not.toBe("");
      }
      for (const substatus of TRACKING_SUBSTATUSES) {
        expect(texts.status(plugin.id, locale, "EXCEPTION", substatus)).not.toBe("");
      }
      for (const code of Object.keys(plugin.orderStatuses)) {
        expect(texts.nativeStatus(plugin.id, locale, code)).not.toBe("");
      }
      for (const milestone of MILESTONES) {
        expect(texts.milestone(plugin.id, locale, milestone, { ...vars, days: 2 })).toContain(
          "A-1",
        );
      }
    }
  });
});

describe("defineMarketplace", () => {
  const valid: MarketplacePlugin = {
    id: "test-market",
    name: "Test Market",
    sites: [
      {
        code: "NL",
        country: "NL",
        locales: ["en"],
        timeZone: "Europe/Amsterdam",
        currency: "EUR",
        weekend: [6, 7],
      },
    ],
    orderStatuses: { OPEN: { state: "READY_TO_SHIP", label: { en: "Open" } } },
    initialStatus: "OPEN",
    texts: {},
    textReview: "native",
    validTrackingNeedsScan: false,
  };

  it("accepts consistent tables", () => {
    expect(defineMarketplace(valid)).toBe(valid);
  });

  it.each([
    [
      "a native status that maps nowhere",
      { orderStatuses: { OPEN: { state: "OPENED", label: { en: "Open" } } } },
      "maps to unknown OPENED",
    ],
    [
      "a label without English",
      { orderStatuses: { OPEN: { state: "READY_TO_SHIP", label: { en: " " } } } },
      "no en label",
    ],
    [
      "an unknown time zone",
      { sites: [{ ...valid.sites[0]!, timeZone: "Mars/Olympus" }] },
      "unknown time zone",
    ],
    ["a site declared twice", { sites: [valid.sites[0]!, valid.sites[0]!] }, "declared twice"],
    ["an initial status it does not have", { initialStatus: "NEW" }, "initialStatus NEW"],
    [
      "a text key the catalogue lacks",
      { texts: { en: { status: { MOVING: "Moving" } } } },
      "unknown key MOVING",
    ],
    [
      "an unsupported site language",
      { sites: [{ ...valid.sites[0]!, locales: ["nl"] }] },
      "unsupported locale nl",
    ],
  ])("refuses %s", (_name, change, message) => {
    expect(() => defineMarketplace({ ...valid, ...change } as MarketplacePlugin)).toThrow(message);
  });

  it("refuses two plugins with one id in a registry", () => {
    expect(() => createMarketplaceRegistry([valid, valid])).toThrow("registered twice");
  });
});
