import { IntlMessageFormat } from "intl-messageformat";
import type { MarketplaceRegistry } from "../../plugins/registry.ts";
import type {
  EtaTextKey,
  ExceptionTextVars,
  ExceptionType,
  MessageVars,
  Milestone,
  OrderState,
  SupportedLocale,
  TextCatalog,
  TrackingStatus,
  TrackingSubstatus,
} from "../../vocabulary/index.ts";
import { CATALOGS } from "./catalog/index.ts";
import type { LocaleCatalog } from "./catalog-types.ts";

export { canonicalLocale, matchLocale, negotiateLocale, parseAcceptLanguage } from "./negotiate.ts";

/**
 * Buyer-facing words: the canonical catalogue, worded by a marketplace where its plugin says
 * so. `marketplace` null means canonical wording. Locales are already negotiated.
 */
export interface TextBook {
  status(
    marketplace: string | null,
    locale: SupportedLocale,
    status: TrackingStatus,
    substatus: TrackingSubstatus | null,
  ): string;
  orderState(marketplace: string | null, locale: SupportedLocale, state: OrderState): string;
  /** The marketplace's label of one of its native statuses; its canonical state's when unlabelled. */
  nativeStatus(marketplace: string, locale: SupportedLocale, code: string): string;
  milestone(
    marketplace: string | null,
    locale: SupportedLocale,
    milestone: Milestone,
    vars: MessageVars,
  ): string;
  /** A line of a delivery estimate's explanation. */
  eta(
    marketplace: string | null,
    locale: SupportedLocale,
    key: EtaTextKey,
    vars: Record<string, string | number>,
  ): string;
  /** The action suggested to the seller for an open exception. */
  exception(
    marketplace: string | null,
    locale: SupportedLocale,
    type: ExceptionType,
    vars: ExceptionTextVars,
  ): string;
}

type Section = keyof TextCatalog;

export function createTextBook(
  marketplaces: MarketplaceRegistry,
  catalogs: readonly LocaleCatalog[] = CATALOGS,
): TextBook {
  const byLocale = new Map(catalogs.map((catalog) => [catalog.locale, catalog.texts]));
  const english = byLocale.get("en");
  if (!english) throw new Error("the text catalogue has no en");
  // Compiled once per (marketplace, locale, key): formatting is on every timeline entry's path.
  const compiled = new Map<string, IntlMessageFormat>();

  const source = (
    marketplace: string | null,
    locale: SupportedLocale,
    section: Section,
    key: string,
  ) => {
    const plugin = marketplace ? marketplaces.find(marketplace) : undefined;
    const own = plugin?.texts[locale]?.[section] as Readonly<Record<string, string>> | undefined;
    const canonical = (byLocale.get(locale) ?? english)[section] as Readonly<
      Record<string, string>
    >;
    return (
      own?.[key] ?? canonical[key] ?? (english[section] as Readonly<Record<string, string>>)[key]!
    );
  };
  const format = (
    marketplace: string | null,
    locale: SupportedLocale,
    section: Section,
    key: string,
    vars?: Record<string, string | number>,
  ) => {
    const cacheKey = `${marketplace ?? ""}|${locale}|${section}|${key}`;
    let message = compiled.get(cacheKey);
    if (!message) {
      message = new IntlMessageFormat(source(marketplace, locale, section, key), locale);
      compiled.set(cacheKey, message);
    }
    return String(message.format(vars));
  };
  const plain = new Map<string, string>();
  const formatPlain = (
    marketplace: string | null,
    locale: SupportedLocale,
    section: Section,
    key: string,
  ) => {
    const cacheKey = `${marketplace ?? ""}|${locale}|${section}|${key}`;
    let text = plain.get(cacheKey);
    if (text === undefined) {
      text = format(marketplace, locale, section, key);
      plain.set(cacheKey, text);
    }
    return text;
  };

  return {
    status: (marketplace, locale, status, substatus) =>
      formatPlain(marketplace, locale, "status", substatus ?? status),
    orderState: (marketplace, locale, state) =>
      formatPlain(marketplace, locale, "orderState", state),
    nativeStatus: (marketplace, locale, code) => {
      const native = marketplaces.find(marketplace)?.orderStatuses[code];
      if (!native) return code;
      return native.label[locale] ?? formatPlain(marketplace, locale, "orderState", native.state);
    },
    milestone: (marketplace, locale, milestone, vars) =>
      format(marketplace, locale, "milestone", milestone, { attempts: 0, days: 0, ...vars }),
    eta: (marketplace, locale, key, vars) => format(marketplace, locale, "eta", key, vars),
    exception: (marketplace, locale, type, vars) =>
      format(marketplace, locale, "exception", type, { ...vars }),
  };
}
