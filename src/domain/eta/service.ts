import type { PrismaClient } from "../../../generated/prisma/client.ts";
import type { MarketplaceRegistry } from "../../plugins/registry.ts";
import type { EtaRisk, MarketplacePlugin, Site } from "../../plugins/types.ts";
import { type CalendarBook, createCalendarBook } from "./calendar.ts";
import { type Day, dayAtOffset, dayInZone, isoOfDay } from "./days.ts";
import { type EtaQuery, type EtaResult, estimateDelivery } from "./estimate.ts";
import { HISTORY_DAYS, historyVersion, loadHistory } from "./history.ts";
import type { Anchor } from "./journey.ts";
import type { Lane } from "./lanes.ts";
import { type EtaModel, fitEtaModel } from "./model.ts";

/** A moment with the UTC offset it was given in (the API's DateTime). */
export interface Moment {
  instant: Date;
  offsetMinutes: number;
}

export interface DeliveryQuote {
  lane: Lane;
  carrier: string | null;
  service: string | null;
  /** The points reached, as moments; the latest one with history is counted from. */
  reached: Partial<Record<Anchor, Moment>>;
  /** The store whose marketplace rules and site calendar apply. */
  store?: { marketplace: string; site: string } | null;
  promisedDeliveryFrom?: Moment | null;
  promisedDeliveryTo?: Moment | null;
  /** A parcel still in transit: it cannot arrive before today. */
  inTransit?: boolean;
}

/** An estimate with what the marketplace says about it. */
export interface DeliveryEstimate extends EtaResult {
  risks: EtaRisk[];
  /** Destination time zone the dates are days of. */
  timeZone: string;
  /** The last promised day, when the order has a promise. */
  promisedTo: Day | null;
}

export interface DeliveryEstimates {
  /** Estimates for many quotes of one tenant, in order, from one fitted model. */
  estimate(
    tenantId: string,
    quotes: readonly DeliveryQuote[],
    confidence: number,
  ): Promise<(DeliveryEstimate | null)[]>;
  /**
   * The same estimates, each tenant's model looked up once and kept: for a sweep's many pages,
   * which would otherwise ask whether the tenant's history changed on every page.
   */
  pinned(): Pick<DeliveryEstimates, "estimate">;
  /** Fits the tenant's model now (after an import) so the next estimate finds it ready. */
  warm(tenantId: string): Promise<void>;
  /** Resolves when no fit is under way (the app waits for it before closing the database). */
  settled(): Promise<void>;
  readonly calendars: CalendarBook;
}

/**
 * Fits one model per tenant from its imported history and delivered shipments, and fits it again
 * when either changes or the day turns. The cache lives in the app (buildApp), never in a module.
 */
export function createDeliveryEstimates(deps: {
  db: PrismaClient;
  now: () => Date;
  marketplaces: MarketplaceRegistry;
  calendars?: CalendarBook;
}): DeliveryEstimates {
  const calendars = deps.calendars ?? createCalendarBook();
  const models = new Map<string, { version: string; model: Promise<EtaModel> }>();
  const fitting = new Set<Promise<unknown>>();
  const modelFor = async (tenantId: string, today: Day) => {
    const version = `${today}:${await historyVersion(deps.db, tenantId)}`;
    const cached = models.get(tenantId);
    if (cached?.version === version) return cached.model;
    const since = new Date((today - HISTORY_DAYS) * 86_400_000);
    const model = loadHistory(deps.db, tenantId, since).then((records) =>
      fitEtaModel(records, { now: today, calendars }),
    );
    models.set(tenantId, { version, model });
    model.catch(() => models.delete(tenantId));
    return model;
  };

  return {
    calendars,
    warm: async (tenantId) => {
      // Tracked from its first query, so closing the app waits for all of it.
      const work = modelFor(tenantId, dayInZone(deps.now(), "UTC"));
      const done: Promise<boolean> = work.then(
        () => fitting.delete(done),
        () => fitting.delete(done),
      );
      fitting.add(done);
      await work;
    },
    settled: async () => {
      await Promise.allSettled([...fitting]);
    },
    async estimate(tenantId, quotes, confidence) {
      const now = deps.now();
      const model = await modelFor(tenantId, dayInZone(now, "UTC"));
      return quotes.map((quote) =>
        estimateOne(model, quote, confidence, now, deps.marketplaces, calendars),
      );
    },
    pinned() {
      const pinned = new Map<string, Promise<EtaModel>>();
      return {
        async estimate(tenantId, quotes, confidence) {
          const now = deps.now();
          let model = pinned.get(tenantId);
          if (!model) {
            model = modelFor(tenantId, dayInZone(now, "UTC"));
            pinned.set(tenantId, model);
          }
          const fitted = await model;
          return quotes.map((quote) =>
            estimateOne(fitted, quote, confidence, now, deps.marketplaces, calendars),
          );
        },
      };
    },
  };
}

function estimateOne(
  model: EtaModel,
  quote: DeliveryQuote,
  confidence: number,
  now: Date,
  marketplaces: MarketplaceRegistry,
  calendars: CalendarBook,
): DeliveryEstimate | null {
  const store = quote.store
    ? marketplaces.site(quote.store.marketplace, quote.store.site)
    : undefined;
  const timeZone = zoneOf(quote.lane.destinationCountry, store?.site, calendars);
  const day = (moment: Moment) => dayAtOffset(moment.instant, moment.offsetMinutes);
  const reached: EtaQuery["reached"] = {};
  for (const [point, moment] of Object.entries(quote.reached) as [Anchor, Moment][]) {
    reached[point] = day(moment);
  }
  const domestic =
    !!quote.lane.originCountry &&
    quote.lane.originCountry.toUpperCase() === quote.lane.destinationCountry.toUpperCase();
  const channel = store
    ? store.plugin.deliveryRules?.serviceDays?.({
        site: store.site,
        domestic,
        service: quote.service,
      })
    : null;
  const promise = quote.promisedDeliveryTo
    ? {
        from: day(quote.promisedDeliveryFrom ?? quote.promisedDeliveryTo),
        to: day(quote.promisedDeliveryTo),
      }
    : null;
  const sameCountry = store?.site.country === quote.lane.destinationCountry.toUpperCase();
  const result = estimateDelivery(model, {
    lane: quote.lane,
    carrier: quote.carrier,
    service: quote.service,
    reached,
    confidence,
    promise,
    channelPrior: channel ? { kind: "CHANNEL", ...channel } : null,
    notDeliveredBefore: quote.inTransit ? dayInZone(now, timeZone) : null,
    destinationWeekend: sameCountry ? store?.site.weekend : undefined,
  });
  if (!result) return null;
  return {
    ...result,
    risks: risks(store, quote, result),
    timeZone,
    promisedTo: promise?.to ?? null,
  };
}

function risks(
  store: { plugin: MarketplacePlugin; site: Site } | undefined,
  quote: DeliveryQuote,
  result: EtaResult,
): EtaRisk[] {
  const assess = store?.plugin.deliveryRules?.assess;
  if (!assess || !store) return [];
  const to = quote.promisedDeliveryTo;
  return assess({
    site: store.site,
    carrier: quote.carrier,
    service: quote.service,
    earliest: isoOfDay(result.earliest),
    latest: isoOfDay(result.latest),
    mostLikely: isoOfDay(result.mostLikely),
    promisedDeliveryTo: to ? isoOfDay(dayAtOffset(to.instant, to.offsetMinutes)) : null,
  });
}

/** The destination's time zone: the store site's when it sells there, else the country's first. */
function zoneOf(country: string, site: Site | undefined, calendars: CalendarBook): string {
  if (site && site.country === country.toUpperCase()) return site.timeZone;
  return calendars.timeZone(country) ?? "UTC";
}
