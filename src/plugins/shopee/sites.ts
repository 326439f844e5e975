import type { Site } from "../types.ts";

/** Shopee's regions and their languages (Open Platform v2 regions). */
export const shopeeSites: readonly Site[] = [
  site("SG", ["en"], "Asia/Singapore", "SGD"),
  site("MY", ["en", "ms", "zh-Hans"], "Asia/Kuala_Lumpur", "MYR"),
  site("TH", ["th", "en"], "Asia/Bangkok", "THB"),
  site("VN", ["vi"], "Asia/Ho_Chi_Minh", "VND"),
  site("PH", ["en"], "Asia/Manila", "PHP"),
  site("TW", ["zh-Hant"], "Asia/Taipei", "TWD"),
  site("ID", ["id"], "Asia/Jakarta", "IDR"),
  site("BR", ["pt-BR"], "America/Sao_Paulo", "BRL"),
  site("MX", ["es"], "America/Mexico_City", "MXN"),
];

function site(code: string, locales: Site["locales"], timeZone: string, currency: string): Site {
  return { code, country: code, locales, timeZone, currency, weekend: [6, 7], apiId: code };
}
