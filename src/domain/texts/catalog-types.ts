import type { SupportedLocale, TextCatalog, TextReview } from "../../vocabulary/index.ts";

/** One locale's complete canonical texts, and who wrote them. */
export interface LocaleCatalog {
  locale: SupportedLocale;
  review: TextReview;
  texts: TextCatalog;
}
