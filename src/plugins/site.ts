import type { Site } from "./types.ts";

/** A site whose buyers rest on Saturday and Sunday, as on every site declared so far. */
export function site(
  code: string,
  country: string,
  locales: Site["locales"],
  timeZone: string,
  currency: string,
  apiId?: string,
): Site {
  return { code, country, locales, timeZone, currency, weekend: [6, 7], apiId: apiId ?? code };
}
