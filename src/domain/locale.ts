/**
 * The locales to try for a requested one, most specific first, ending in "en":
 * "zh-Hant-TW" -> zh-Hant-TW, zh-Hant, zh, en (DESIGN.md: zh-Hant -> zh -> en).
 */
export function localeFallbacks(requested: string | null | undefined): string[] {
  const chain: string[] = [];
  const parts = (requested ?? "").trim().replace(/_/g, "-").split("-").filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    chain.push(canonicalTag(parts.slice(0, n).join("-")));
  }
  if (!chain.includes("en")) chain.push("en");
  return chain;
}

/** Picks the first locale of the fallback chain that the table has. */
export function pickLocalized<T>(table: Readonly<Record<string, T>>, requested?: string | null): T {
  for (const tag of localeFallbacks(requested)) {
    const hit = table[tag];
    if (hit !== undefined) return hit;
  }
  throw new Error("localized table has no 'en' entry");
}

function canonicalTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag.toLowerCase();
  }
}
