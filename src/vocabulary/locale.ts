/**
 * The buyer languages trackline writes in. Every canonical text exists in each of them; a
 * marketplace plugin may word any of them its own way.
 */
export const SUPPORTED_LOCALES = [
  "en",
  "zh-Hans",
  "zh-Hant",
  "ja",
  "ko",
  "de",
  "fr",
  "es",
  "it",
  "pt-BR",
  "th",
  "vi",
  "id",
  "ms",
] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** The last resort of every negotiation. */
export const DEFAULT_LOCALE: SupportedLocale = "en";

export function isSupportedLocale(value: string): value is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
