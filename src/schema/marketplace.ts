import type { MarketplacePlugin, Site } from "../plugins/types.ts";
import type { OrderState } from "../vocabulary/index.ts";
import { builder } from "./builder.ts";
import { answerLocale, localeArgDescription } from "./locale.ts";
import { OrderStateEnum } from "./scalars.ts";

/** A marketplace as the API shows it; `code` of a store whose plugin this server lacks. */
export type MarketplaceView = Pick<MarketplacePlugin, "id" | "name" | "sites" | "orderStatuses">;

export function unknownMarketplace(id: string): MarketplaceView {
  return { id, name: id, sites: [], orderStatuses: {} };
}

/** A stored site code this server's plugin does not declare (a plugin removed or renamed). */
export function unknownSite(code: string): Site {
  return {
    code,
    country: code,
    locales: ["en"],
    timeZone: "UTC",
    currency: "XXX",
    weekend: [6, 7],
  };
}

export const SiteRef = builder.objectRef<Site>("Site").implement({
  description: "One country storefront of a marketplace.",
  fields: (t) => ({
    code: t.exposeString("code", { description: 'The marketplace\'s site code, e.g. "US", "TH"' }),
    country: t.exposeString("country", { description: "ISO 3166-1 alpha-2" }),
    locales: t.exposeStringList("locales", { description: "Buyer languages, default first" }),
    timeZone: t.exposeString("timeZone", { description: "IANA time zone of the site's days" }),
    currency: t.exposeString("currency", { description: "ISO 4217" }),
    weekend: t.exposeIntList("weekend", { description: "ISO weekdays off, 1 = Monday" }),
  }),
});

/** A native status; `order` (its buyer and store) steers the label's language when there is one. */
export interface NativeStatusView {
  marketplace: string;
  code: string;
  canonical: OrderState;
  order?: { buyerLocale: string; store: { marketplace: string; site: string } };
}

const NativeOrderStatusRef = builder.objectRef<NativeStatusView>("NativeOrderStatus").implement({
  description: "An order status as the marketplace spells it, and what it means canonically.",
  fields: (t) => ({
    code: t.exposeString("code"),
    canonical: t.field({ type: OrderStateEnum, resolve: (status) => status.canonical }),
    label: t.string({
      description: "The marketplace's wording of the status.",
      args: { locale: t.arg({ type: "Locale", description: localeArgDescription }) },
      resolve: (status, { locale }, ctx) =>
        ctx.texts.nativeStatus(
          status.marketplace,
          answerLocale(ctx, locale, status.order, status.order?.store),
          status.code,
        ),
    }),
  }),
});

export function nativeStatusView(
  marketplace: MarketplaceView,
  code: string,
  order?: NativeStatusView["order"],
): NativeStatusView {
  const known = Object.hasOwn(marketplace.orderStatuses, code)
    ? marketplace.orderStatuses[code]
    : undefined;
  // A status stored before its plugin dropped it still shows, as awaiting payment at worst.
  return { marketplace: marketplace.id, code, canonical: known?.state ?? "PENDING", order };
}

export const MarketplaceRef = builder.objectRef<MarketplaceView>("Marketplace").implement({
  fields: (t) => ({
    id: t.exposeString("id", { description: 'Plugin id, e.g. "amazon", "tiktok-shop"' }),
    name: t.exposeString("name"),
    sites: t.field({ type: [SiteRef], resolve: (marketplace) => marketplace.sites }),
    orderStates: t.field({
      type: [NativeOrderStatusRef],
      description: "Every native order status and its canonical state.",
      resolve: (marketplace) =>
        Object.entries(marketplace.orderStatuses).map(([code, status]) => ({
          marketplace: marketplace.id,
          code,
          canonical: status.state,
        })),
    }),
  }),
});

export { NativeOrderStatusRef };

builder.queryField("marketplaces", (t) =>
  t.field({
    type: [MarketplaceRef],
    description: "Every marketplace this server serves, with its sites and order vocabulary.",
    resolve: (_root, _args, ctx) => [...ctx.marketplaces.plugins],
  }),
);
