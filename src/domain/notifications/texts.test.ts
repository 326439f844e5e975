import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { MILESTONES, SUPPORTED_LOCALES } from "../../vocabulary/index.ts";
import { NOTIFICATION_TEXTS } from "./texts.ts";

const format = (message: string, locale: string, vars: Record<string, string>) =>
  String(new IntlMessageFormat(message, locale).format(vars));
const en = NOTIFICATION_TEXTS.en.texts;

describe.each(SUPPORTED_LOCALES)("notification words in %s", (locale) => {
  const entry = NOTIFICATION_TEXTS[locale];

  it("has a subject for every milestone that names the order, and a link and estimate line", () => {
    expect(entry, `no notification texts for ${locale}`).toBeDefined();
    expect(Object.keys(entry.texts.subject).sort()).toEqual([...MILESTONES].sort());
    for (const milestone of MILESTONES) {
      const subject = entry.texts.subject[milestone];
      expect(format(subject, locale, { orderId: "250101ABC" }), milestone).toContain("250101ABC");
    }
    expect(format(entry.texts.track, locale, { url: "https://t.example/x" })).toContain(
      "https://t.example/x",
    );
    const estimate = format(entry.texts.estimate, locale, { from: "FROM", to: "TO" });
    expect(estimate).toMatch(/FROM.*TO/);
  });

  it("is written for this language, and marked a machine draft until reviewed (decision 025)", () => {
    if (locale === "en") {
      expect(entry.review).toBe("native");
      return;
    }
    expect(entry.review).toBe("machine-draft");
    for (const milestone of MILESTONES) {
      expect(entry.texts.subject[milestone], `${locale} ${milestone} is English`).not.toBe(
        en.subject[milestone],
      );
    }
    expect(entry.texts.track).not.toBe(en.track);
    expect(entry.texts.estimate).not.toBe(en.estimate);
  });
});
