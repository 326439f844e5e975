import { site } from "../site.ts";
import type { Site } from "../types.ts";

// marketplaceId values are SP-API's published ids; US counts its days in Pacific time, as its
// seller metrics do.
export const amazonSites: readonly Site[] = [
  site("US", "US", ["en", "es"], "America/Los_Angeles", "USD", "ATVPDKIKX0DER"),
  site("CA", "CA", ["en", "fr"], "America/Toronto", "CAD", "A2EUQ1WTGCTBG2"),
  site("MX", "MX", ["es"], "America/Mexico_City", "MXN", "A1AM78C64UM0Y8"),
  site("BR", "BR", ["pt-BR"], "America/Sao_Paulo", "BRL", "A2Q3Y263D00KWC"),
  site("UK", "GB", ["en"], "Europe/London", "GBP", "A1F83G8C2ARO7P"),
  site("DE", "DE", ["de", "en"], "Europe/Berlin", "EUR", "A1PA6795UKMFR9"),
  site("FR", "FR", ["fr"], "Europe/Paris", "EUR", "A13V1IB3VIYZZH"),
  site("IT", "IT", ["it"], "Europe/Rome", "EUR", "APJ6JRA9NG5V4"),
  site("ES", "ES", ["es"], "Europe/Madrid", "EUR", "A1RKKUPIHCS9HS"),
  site("JP", "JP", ["ja", "en", "zh-Hans"], "Asia/Tokyo", "JPY", "A1VC38T7YXB528"),
  site("AU", "AU", ["en"], "Australia/Sydney", "AUD", "A39IBJ37TRP1C6"),
  site("SG", "SG", ["en"], "Asia/Singapore", "SGD", "A19VAU5U5O7RUS"),
];
