import { site } from "../site.ts";
import type { Site } from "../types.ts";

/** Shopee's regions and their languages (Open Platform v2 regions). */
export const shopeeSites: readonly Site[] = [
  site("SG", "SG", ["en"], "Asia/Singapore", "SGD"),
  site("MY", "MY", ["en", "ms", "zh-Hans"], "Asia/Kuala_Lumpur", "MYR"),
  site("TH", "TH", ["th", "en"], "Asia/Bangkok", "THB"),
  site("VN", "VN", ["vi"], "Asia/Ho_Chi_Minh", "VND"),
  site("PH", "PH", ["en"], "Asia/Manila", "PHP"),
  site("TW", "TW", ["zh-Hant"], "Asia/Taipei", "TWD"),
  site("ID", "ID", ["id"], "Asia/Jakarta", "IDR"),
  site("BR", "BR", ["pt-BR"], "America/Sao_Paulo", "BRL"),
  site("MX", "MX", ["es"], "America/Mexico_City", "MXN"),
];
