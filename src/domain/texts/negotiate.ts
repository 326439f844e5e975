import { match } from "@formatjs/intl-localematcher";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type SupportedLocale } from "../../vocabulary/index.ts";

const NO_MATCH = "und";

/** A BCP 47 tag in canonical case, or null when it is not one ("en_US" is not; "zh-tw" is). */
export function canonicalLocale(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The supported locale for the first source that names one we can serve. Sources come in
 * priority order (the field's argument, Accept-Language, the order's buyer, the site), each a
 * list of tags best first. Matching is CLDR's: zh-TW and zh-HK -> zh-Hant, pt -> pt-BR,
 * es-MX -> es; nothing matched -> en.
 */
export function negotiateLocale(
  sources: readonly (readonly (string | null | undefined)[])[],
): SupportedLocale {
  for (const tags of sources) {
    const found = matchLocale(tags);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}

/** The supported locale these tags (best first) name, or null when they name none we serve. */
export function matchLocale(tags: readonly (string | null | undefined)[]): SupportedLocale | null {
  const valid = tags.flatMap((tag) => (tag ? (canonicalLocale(tag) ?? []) : []));
  if (valid.length === 0) return null;
  const found = match(valid, SUPPORTED_LOCALES, NO_MATCH);
  return found === NO_MATCH ? null : (found as SupportedLocale);
}

/** Accept-Language tags, highest quality first; wildcards and q=0 dropped. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag && tag !== "*" && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}
