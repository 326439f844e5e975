import { negotiateLocale } from "../domain/texts/index.ts";
import type { SupportedLocale } from "../vocabulary/index.ts";
import type { Context } from "./context.ts";

/** Arguments every text field takes. */
export const localeArgDescription =
  "BCP 47; without it: the request's Accept-Language, then the buyer's locale, then the site's.";

/**
 * The locale a text field answers in: its argument, else the caller's Accept-Language, else the
 * order's buyer, else the site's first language.
 */
export function answerLocale(
  ctx: Context,
  argument: string | null | undefined,
  order?: { buyerLocale: string } | null,
  store?: { marketplace: string; site: string } | null,
): SupportedLocale {
  const site = store ? ctx.marketplaces.site(store.marketplace, store.site)?.site : undefined;
  return negotiateLocale([
    [argument],
    ctx.acceptLanguages,
    [order?.buyerLocale],
    site?.locales ?? [],
  ]);
}
