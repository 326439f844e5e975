import {
  ETA_TEXT_KEYS,
  isOrderState,
  isSupportedLocale,
  MILESTONES,
  ORDER_STATES,
  TRACKING_STATUSES,
  TRACKING_SUBSTATUSES,
} from "../vocabulary/index.ts";
import type { MarketplacePlugin } from "./types.ts";

const TEXT_KEYS: Record<string, ReadonlySet<string>> = {
  status: new Set([...TRACKING_STATUSES, ...TRACKING_SUBSTATUSES]),
  orderState: new Set(ORDER_STATES),
  milestone: new Set(MILESTONES),
  eta: new Set(ETA_TEXT_KEYS),
};

/**
 * Declares a marketplace and checks its tables once, at load: a plugin with a native status
 * that maps nowhere, a label without English or a site in an unknown time zone never starts.
 */
export function defineMarketplace<const P extends MarketplacePlugin>(plugin: P): P {
  const problems = [...checkIdentity(plugin), ...checkSites(plugin), ...checkStatuses(plugin)];
  problems.push(...checkTexts(plugin));
  if (problems.length > 0) {
    throw new Error(`marketplace "${plugin.id}" is inconsistent:\n- ${problems.join("\n- ")}`);
  }
  return plugin;
}

function checkIdentity(plugin: MarketplacePlugin): string[] {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(plugin.id)) problems.push("id must be lowercase kebab");
  if (!plugin.name.trim()) problems.push("name is empty");
  return problems;
}

function checkSites(plugin: MarketplacePlugin): string[] {
  const problems: string[] = [];
  if (plugin.sites.length === 0) problems.push("no sites");
  const seen = new Set<string>();
  for (const site of plugin.sites) {
    const where = `site ${site.code}`;
    if (seen.has(site.code)) problems.push(`${where} is declared twice`);
    seen.add(site.code);
    if (!/^[A-Z]{2}$/.test(site.country)) problems.push(`${where}: country must be ISO alpha-2`);
    if (!/^[A-Z]{3}$/.test(site.currency)) problems.push(`${where}: currency must be ISO 4217`);
    if (site.locales.length === 0) problems.push(`${where}: no locales`);
    for (const locale of site.locales) {
      if (!isSupportedLocale(locale)) problems.push(`${where}: unsupported locale ${locale}`);
    }
    if (site.weekend.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
      problems.push(`${where}: weekend days are ISO weekdays 1-7`);
    }
    try {
      new Intl.DateTimeFormat("en", { timeZone: site.timeZone });
    } catch {
      problems.push(`${where}: unknown time zone ${site.timeZone}`);
    }
  }
  return problems;
}

function checkStatuses(plugin: MarketplacePlugin): string[] {
  const problems: string[] = [];
  for (const [code, status] of Object.entries(plugin.orderStatuses)) {
    if (!isOrderState(status.state))
      problems.push(`status ${code} maps to unknown ${status.state}`);
    if (!status.label.en?.trim()) problems.push(`status ${code} has no en label`);
    for (const locale of Object.keys(status.label)) {
      if (!isSupportedLocale(locale)) problems.push(`status ${code}: unsupported locale ${locale}`);
    }
  }
  if (!Object.hasOwn(plugin.orderStatuses, plugin.initialStatus)) {
    problems.push(`initialStatus ${plugin.initialStatus} is not one of its statuses`);
  }
  return problems;
}

function checkTexts(plugin: MarketplacePlugin): string[] {
  const problems: string[] = [];
  for (const [locale, overrides] of Object.entries(plugin.texts)) {
    if (!isSupportedLocale(locale)) problems.push(`texts: unsupported locale ${locale}`);
    for (const [section, texts] of Object.entries(overrides ?? {})) {
      const keys = TEXT_KEYS[section];
      if (!keys) {
        problems.push(`texts.${locale}: unknown section ${section}`);
        continue;
      }
      for (const key of Object.keys(texts ?? {})) {
        if (!keys.has(key)) problems.push(`texts.${locale}.${section}: unknown key ${key}`);
      }
    }
  }
  return problems;
}
