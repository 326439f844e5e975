import type { SupportedLocale } from "../../vocabulary/index.ts";
import type { TextBook } from "../texts/index.ts";
import type { Day } from "./days.ts";
import type { DeliveryEstimate } from "./service.ts";

const PRIOR_TEXT = {
  PROMISE: "priorPromise",
  CHANNEL: "priorChannel",
  CARRIER_STANDARD: "priorCarrier",
  DEFAULT: "priorDefault",
} as const;

/**
 * What an estimate was made from, in the buyer's language: where it was counted from, the lane
 * and its deliveries (and the coarser lane a thin one leaned on), the prior when history was
 * thin, whose business days, the holidays skipped on each side, and a risk against the promise.
 */
export function explainEstimate(
  estimate: DeliveryEstimate,
  texts: TextBook,
  marketplace: string | null,
  locale: SupportedLocale,
): string[] {
  const line = (key: Parameters<TextBook["eta"]>[2], vars: Record<string, string | number>) =>
    texts.eta(marketplace, locale, key, vars);
  const date = (day: Day) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(day * 86_400_000),
    );
  const lines = [line("from", { point: estimate.anchor, date: date(estimate.anchorDay) })];
  const { basis, shrunkToward, prior } = estimate;
  if (basis.sampleSize > 0 && !(basis.level in PRIOR_TEXT)) {
    lines.push(line("lane", { lane: basis.lane, count: basis.sampleSize }));
  }
  if (shrunkToward) {
    lines.push(line("shrunk", { lane: shrunkToward.lane, count: shrunkToward.sampleSize }));
  }
  if (prior) {
    lines.push(
      line(PRIOR_TEXT[prior.kind], {
        from: prior.fromDays,
        to: prior.toDays,
        source: prior.source ?? "",
      }),
    );
  }
  const { destination } = estimate;
  const country = new Intl.DisplayNames([locale], { type: "region" }).of(destination.country);
  const where = destination.region
    ? `${country} (${destination.region})`
    : (country ?? destination.country);
  lines.push(line("businessDays", { country: where }));
  const language = locale.split("-")[0]!;
  for (const holiday of estimate.holidays) {
    const name = holiday.calendar.holidayName(holiday.day, language) ?? "";
    const key = holiday.side === "ORIGIN" ? "holidayOrigin" : "holidayDestination";
    lines.push(line(key, { holiday: name, date: date(holiday.day) }));
  }
  for (const risk of estimate.risks) {
    if (risk.code === "PAST_PROMISED_WINDOW" && estimate.promisedTo != null) {
      lines.push(line("pastPromise", { date: date(estimate.promisedTo) }));
    }
  }
  return lines;
}
