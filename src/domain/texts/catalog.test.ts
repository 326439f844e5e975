import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import {
  ETA_TEXT_KEYS,
  EXCEPTION_TYPES,
  MILESTONES,
  ORDER_STATES,
  SUPPORTED_LOCALES,
  type TextCatalog,
  TRACKING_STATUSES,
  TRACKING_SUBSTATUSES,
} from "../../vocabulary/index.ts";
import { en } from "./catalog/en.ts";
import { CATALOGS } from "./catalog/index.ts";
import type { LocaleCatalog } from "./catalog-types.ts";

type MessageElement = ReturnType<IntlMessageFormat["getAst"]>[number];
type Section = keyof TextCatalog;

const KEYS: Record<Section, readonly string[]> = {
  status: [...TRACKING_STATUSES, ...TRACKING_SUBSTATUSES],
  orderState: ORDER_STATES,
  milestone: MILESTONES,
  eta: ETA_TEXT_KEYS,
  exception: EXCEPTION_TYPES,
};
const SECTIONS = Object.keys(KEYS) as Section[];
const COUNTS = [0, 1, 2, 5, 21, 1_000_000];

function textOf(catalog: LocaleCatalog, section: Section, key: string): string | undefined {
  return (catalog.texts[section] as Readonly<Record<string, string>>)[key];
}

function walk(elements: readonly MessageElement[], visit: (element: MessageElement) => void): void {
  for (const element of elements) {
    visit(element);
    if ("options" in element) {
      for (const option of Object.values(element.options)) walk(option.value, visit);
    }
    if ("children" in element) walk(element.children, visit);
  }
}

// The parser's TYPE enum is not ours to import: literal is 0, tag is 8 (a tag's value is its name).
const LITERAL = 0;
const TAG = 8;

/** Every argument a message reads, and the plural keys of each plural argument. */
function argumentsOf(text: string, locale: string) {
  const names = new Set<string>();
  const plurals = new Map<string, string[]>();
  walk(new IntlMessageFormat(text, locale).getAst(), (element) => {
    const type: number = element.type;
    if (!("value" in element) || type === LITERAL || type === TAG) return;
    names.add(element.value);
    if ("pluralType" in element) plurals.set(element.value, Object.keys(element.options));
  });
  return { names, plurals };
}

function formatAll(text: string, locale: string, n: number): string {
  const vars = { orderId: "A-1", carrier: "UPS", trackingNumber: "1Z999AA10123456784" };
  const eta = { lane: "BR-SP → BR-BA", source: "UPS Ground", country: "Brasil", holiday: "Natal" };
  const more = { ...eta, date: "2026-12-25", point: "SHIPPED", from: n, to: n + 2, count: n };
  const out = new IntlMessageFormat(text, locale).format({
    ...vars,
    ...more,
    attempts: n,
    days: n,
  });
  return String(out);
}

it("lists the catalogues in SUPPORTED_LOCALES order", () => {
  expect(CATALOGS.map((catalog) => catalog.locale)).toEqual([...SUPPORTED_LOCALES]);
});

describe.each(CATALOGS.map((catalog) => [catalog.locale, catalog] as const))(
  "%s",
  (locale, catalog) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

    it.each(SECTIONS)("has exactly the %s keys, none empty", (section) => {
      expect(Object.keys(catalog.texts[section]).sort()).toEqual([...KEYS[section]].sort());
      for (const key of KEYS[section]) {
        const text = textOf(catalog, section, key);
        expect(typeof text === "string" && text.trim() !== "", `${section}.${key}`).toBe(true);
      }
    });

    it.each(SECTIONS)("%s texts parse and format for every count", (section) => {
      for (const key of KEYS[section]) {
        const text = textOf(catalog, section, key) ?? "";
        for (const n of COUNTS) {
          expect(formatAll(text, locale, n), `${section}.${key} n=${n}`).not.toMatch(/[{}]/);
        }
      }
    });

    it.each(SECTIONS)("%s texts read the same arguments as English", (section) => {
      for (const key of KEYS[section]) {
        const mine = argumentsOf(textOf(catalog, section, key) ?? "", locale);
        const english = argumentsOf(textOf(en, section, key) ?? "", "en");
        expect([...mine.names].sort(), `${section}.${key}`).toEqual([...english.names].sort());
        expect([...mine.plurals.keys()].sort(), `${section}.${key}`).toEqual(
          [...english.plurals.keys()].sort(),
        );
      }
    });

    it("plurals keep =0 (not said) and other, and use only this locale's categories", () => {
      for (const key of MILESTONES) {
        for (const [name, keys] of argumentsOf(catalog.texts.milestone[key], locale).plurals) {
          const where = `milestone.${key} {${name}}`;
          expect(keys, where).toContain("=0");
          expect(keys, where).toContain("other");
          const unknown = keys.filter(
            (k) => !k.startsWith("=") && !(categories as readonly string[]).includes(k),
          );
          expect(unknown, where).toEqual([]);
        }
      }
    });
  },
);
