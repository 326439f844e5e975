import { describe, expect, it } from "vitest";
import { createMarketplaceRegistry } from "../../plugins/registry.ts";
import {
  ETA_TEXT_KEYS,
  EXCEPTION_TYPES,
  type Milestone,
  SUPPORTED_LOCALES,
  type TrackingStatus,
  type TrackingSubstatus,
} from "../../vocabulary/index.ts";
import { NOTIFICATION_TEXTS } from "../notifications/texts.ts";
import { CATALOGS } from "./catalog/index.ts";
import { createTextBook } from "./index.ts";

const marketplaces = createMarketplaceRegistry();
const texts = createTextBook(marketplaces);

/** A cross-border parcel held in customs, then missed once at the door, then delivered. */
const JOURNEY: [TrackingStatus, TrackingSubstatus | null][] = [
  ["INFO_RECEIVED", "LABEL_CREATED"],
  ["IN_TRANSIT", "PICKED_UP"],
  ["IN_TRANSIT", "DEPARTED_ORIGIN_COUNTRY"],
  ["IN_TRANSIT", "ARRIVED_DESTINATION_COUNTRY"],
  ["EXCEPTION", "CUSTOMS_HELD"],
  ["IN_TRANSIT", "CUSTOMS_CLEARED"],
  ["IN_TRANSIT", null],
  ["OUT_FOR_DELIVERY", null],
  ["DELIVERY_FAILED", "RECIPIENT_UNAVAILABLE"],
  ["OUT_FOR_DELIVERY", null],
  ["DELIVERED", "SIGNED"],
];
const MESSAGES: [Milestone, { attempts?: number; days?: number }][] = [
  ["ORDER_SHIPPED", {}],
  ["CUSTOMS_HELD", {}],
  ["DELIVERY_FAILED", { attempts: 1 }],
  ["DELAYED", { days: 3 }],
  ["DELIVERED", {}],
];

function journey(marketplace: string | null, locale: (typeof SUPPORTED_LOCALES)[number]): string {
  const vars = {
    orderId: "250101ABC",
    carrier: "YunExpress",
    trackingNumber: "YT2412345678901234",
  };
  return [
    `## ${marketplace ?? "canonical"}`,
    ...JOURNEY.map(([status, sub]) => `- ${texts.status(marketplace, locale, status, sub)}`),
    ...MESSAGES.map(
      ([milestone, extra]) =>
        `> ${texts.milestone(marketplace, locale, milestone, { ...vars, ...extra })}`,
    ),
  ].join("\n");
}

/** Every line a delivery estimate's explanation can have, with the same example values. */
function estimate(locale: (typeof SUPPORTED_LOCALES)[number]): string {
  const vars = {
    lane: "BR-SP → BR-BA",
    count: 240,
    from: 3,
    to: 8,
    source: "UPS Ground",
    country: "Brasil (BA)",
    holiday: "Independência da Bahia",
    date: "2026-07-02",
    point: "SHIPPED",
  };
  return [
    "## delivery estimate",
    ...ETA_TEXT_KEYS.map((key) => `- ${texts.eta(null, locale, key, vars)}`),
  ].join("\n");
}

/** The action suggested to the seller for each exception type, with example values. */
function exceptionActions(locale: (typeof SUPPORTED_LOCALES)[number]): string {
  const vars = { carrier: "YunExpress", days: 3, date: "2026-11-27" };
  return [
    "## exception actions (for the seller)",
    ...EXCEPTION_TYPES.map((type) => `- ${texts.exception(null, locale, type, vars)}`),
  ].join("\n");
}

/** What a buyer notification wraps around the milestone message: subjects, link, estimate. */
function notificationWords(locale: (typeof SUPPORTED_LOCALES)[number]): string {
  const { review, texts: words } = NOTIFICATION_TEXTS[locale];
  return [
    `## buyer notification subjects, link and estimate (${review})`,
    ...Object.values(words.subject).map((subject) => `- ${subject}`),
    `- ${words.track}`,
    `- ${words.estimate}`,
  ].join("\n");
}

// Golden files: a reviewer reads a whole journey per language, and any change to a text shows
// up in the diff. Rewrite them with `npx vitest run -u` after an intended change.
describe.each(SUPPORTED_LOCALES)(
  "a journey with a customs hold and a failed delivery in %s",
  (locale) => {
    it("reads as the golden file says, canonically and in each marketplace's words", async () => {
      const sections = [null, ...marketplaces.plugins.map((plugin) => plugin.id)].map((id) =>
        journey(id, locale),
      );
      sections.push(estimate(locale), exceptionActions(locale), notificationWords(locale));
      const review = CATALOGS.find((catalog) => catalog.locale === locale)?.review;
      const header = `# ${locale} (texts: ${review})`;
      await expect(`${[header, ...sections].join("\n\n")}\n`).toMatchFileSnapshot(
        `__golden__/${locale}.txt`,
      );
    });
  },
);
