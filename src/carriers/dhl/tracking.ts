import { asRecord, asText } from "../json.ts";
import type { CarrierTracking, TrackedNumber } from "../tracking-api.ts";
import { sendTracking, statusFailure } from "../tracking-http.ts";

/**
 * DHL Shipment Tracking - Unified: `GET /track/shipments?trackingNumber=` with the
 * `DHL-API-Key` header. Errors are RFC 7807 problem documents `{ title, status, detail }`.
 */
export const dhlTracking: CarrierTracking = {
  credentials: [{ name: "apiKey", description: "API key of the app at developer.dhl.com" }],
  defaultBaseUrl: "https://api-eu.dhl.com",
  baseUrlVariable: "TRACKLINE_DHL_API_URL",
  maxBatch: 1,
  // The default service level allows far less than one call a second; a 429 says how long to wait.
  rateLimit: { perSecond: 1, burst: 2 },
  async fetch(numbers, account, ctx) {
    const results: TrackedNumber[] = [];
    for (const trackingNumber of numbers) {
      const url = `${account.baseUrl}/track/shipments?trackingNumber=${encodeURIComponent(trackingNumber)}`;
      const answer = await sendTracking(
        ctx.fetch,
        url,
        {
          headers: { "DHL-API-Key": account.credentials.apiKey ?? "", accept: "application/json" },
        },
        ctx.timeoutMs,
      );
      if (!answer.ok) return answer;
      if (answer.status === 200) {
        results.push({ trackingNumber, ok: true, payloads: [answer.json] });
        continue;
      }
      const problem = asRecord(answer.json);
      const failure = statusFailure(answer, ctx.now(), {
        code: asText(problem?.status),
        message: [asText(problem?.title), asText(problem?.detail)].filter(Boolean).join(": "),
      });
      if (failure.kind !== "NOT_FOUND") return { ok: false, failure };
      results.push({ trackingNumber, ok: false, failure });
    }
    return { ok: true, numbers: results };
  },
};
