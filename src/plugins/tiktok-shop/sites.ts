import { site } from "../site.ts";
import type { Site } from "../types.ts";

/** TikTok Shop's markets for cross-border sellers. */
export const tiktokShopSites: readonly Site[] = [
  site("US", "US", ["en", "es"], "America/Los_Angeles", "USD"),
  site("UK", "GB", ["en"], "Europe/London", "GBP"),
  site("ID", "ID", ["id"], "Asia/Jakarta", "IDR"),
  site("MY", "MY", ["ms", "en", "zh-Hans"], "Asia/Kuala_Lumpur", "MYR"),
  site("TH", "TH", ["th"], "Asia/Bangkok", "THB"),
  site("VN", "VN", ["vi"], "Asia/Ho_Chi_Minh", "VND"),
  site("PH", "PH", ["en"], "Asia/Manila", "PHP"),
  site("SG", "SG", ["en", "zh-Hans"], "Asia/Singapore", "SGD"),
];
