import { asArray, asRecord, asText, type JsonRecord, records } from "../json.ts";
import type {
  CarrierTracking,
  TrackedNumber,
  TrackingAccount,
  TrackingContext,
  TrackingFailure,
} from "../tracking-api.ts";
import { sendTracking, statusFailure } from "../tracking-http.ts";

/** 17TRACK account-level codes (API v2.2 error table). */
const AUTH_CODES = new Set([-18010001, -18010002, -18010004, -18010005, -18019908]);
const RATE_CODES = new Set([-18010014, -18019907]);
const NOT_REGISTERED = -18019902;
const ALREADY_REGISTERED = -18019901;
/** Per-number codes that mean "nothing yet": carrier not detected, no information so far. */
const NOT_YET_CODES = new Set([-18019903, -18019909]);
/** The daily limit (-18019907) resets at midnight; an hour keeps the retry cheap. */
const DAILY_LIMIT_WAIT_MS = 3_600_000;

/**
 * 17TRACK API v2.2: `POST /track/v2.2/gettrackinfo` with the `17token` header, up to 40 numbers.
 * A number 17TRACK was never given is registered (`/register`) and reported NOT_FOUND: 17TRACK
 * fetches it from the carrier in the background, so the next poll finds it.
 */
export const seventeenTrackTracking: CarrierTracking = {
  credentials: [
    { name: "apiKey", description: "Security key (17token) from the 17TRACK API console" },
  ],
  defaultBaseUrl: "https://api.17track.net",
  baseUrlVariable: "TRACKLINE_17TRACK_API_URL",
  maxBatch: 40,
  rateLimit: { perSecond: 3, burst: 6 },
  async fetch(numbers, account, ctx) {
    const info = await call("gettrackinfo", numbers, account, ctx);
    if (!info.ok) return info;
    const results: TrackedNumber[] = [];
    const unregistered: string[] = [];
    for (const item of info.accepted) {
      const trackingNumber = asText(item.number);
      if (!trackingNumber) continue;
      // parse() reads the webhook envelope; an accepted item is its `data`.
      results.push({
        trackingNumber,
        ok: true,
        payloads: [{ event: "TRACKING_UPDATED", data: item }],
      });
    }
    for (const item of info.rejected) {
      const trackingNumber = asText(item.number);
      if (!trackingNumber) continue;
      const error = asRecord(item.error);
      const code = Number(error?.code);
      const message = asText(error?.message) ?? `rejected with code ${code}`;
      if (code === NOT_REGISTERED) unregistered.push(trackingNumber);
      const kind = code === NOT_REGISTERED || NOT_YET_CODES.has(code) ? "NOT_FOUND" : "TRANSIENT";
      results.push({ trackingNumber, ok: false, failure: { kind, code: String(code), message } });
    }
    if (unregistered.length > 0) {
      const registered = await call("register", unregistered, account, ctx);
      if (!registered.ok) return registered;
      const refused = registered.rejected.filter(
        (item) => Number(asRecord(item.error)?.code) !== ALREADY_REGISTERED,
      );
      for (const item of refused) {
        const entry = results.find((result) => result.trackingNumber === asText(item.number));
        const error = asRecord(item.error);
        if (entry && !entry.ok) {
          entry.failure = {
            kind: NOT_YET_CODES.has(Number(error?.code)) ? "NOT_FOUND" : "TRANSIENT",
            code: String(error?.code),
            message: `register: ${asText(error?.message) ?? "rejected"}`,
          };
        }
      }
    }
    return { ok: true, numbers: results };
  },
};

type Called =
  | { ok: true; accepted: JsonRecord[]; rejected: JsonRecord[] }
  | { ok: false; failure: TrackingFailure };

async function call(
  path: "gettrackinfo" | "register",
  numbers: readonly string[],
  account: TrackingAccount,
  ctx: TrackingContext,
): Promise<Called> {
  const answer = await sendTracking(
    ctx.fetch,
    `${account.baseUrl}/track/v2.2/${path}`,
    {
      method: "POST",
      headers: { "17token": account.credentials.apiKey ?? "", "content-type": "application/json" },
      body: JSON.stringify(numbers.map((number) => ({ number }))),
    },
    ctx.timeoutMs,
  );
  if (!answer.ok) return answer;
  const body = asRecord(answer.json);
  if (answer.status !== 200) {
    return {
      ok: false,
      failure: statusFailure(answer, ctx.now(), { message: asText(body?.message) }),
    };
  }
  const code = Number(body?.code);
  if (code !== 0) {
    const data = asRecord(body?.data);
    const [first] = records(asArray(data?.errors) ?? []);
    const message = asText(first?.message) ?? asText(body?.message) ?? `17TRACK code ${code}`;
    const kind = AUTH_CODES.has(code)
      ? "AUTH"
      : RATE_CODES.has(code)
        ? "RATE_LIMITED"
        : "TRANSIENT";
    const failure: TrackingFailure = { kind, code: String(code), message };
    if (code === -18019907) failure.retryAfterMs = DAILY_LIMIT_WAIT_MS;
    return { ok: false, failure };
  }
  const data = asRecord(body?.data);
  return {
    ok: true,
    accepted: records(asArray(data?.accepted) ?? []),
    rejected: records(asArray(data?.rejected) ?? []),
  };
}
