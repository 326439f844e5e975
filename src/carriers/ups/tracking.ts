import { asArray, asRecord, asText, records } from "../json.ts";
import type {
  CarrierTracking,
  TrackedNumber,
  TrackingAccount,
  TrackingContext,
  TrackingFailure,
} from "../tracking-api.ts";
import { sendTracking, statusFailure, type TrackingAnswer } from "../tracking-http.ts";

/** A token this close to its expiry is replaced first, so it cannot lapse in flight. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * UPS Tracking API v1: `GET /api/track/v1/details/{inquiryNumber}` with an OAuth 2
 * client-credentials token from `POST /security/v1/oauth/token` (cached until it expires).
 */
export const upsTracking: CarrierTracking = {
  credentials: [
    { name: "clientId", description: "Client ID of the app at developer.ups.com" },
    { name: "clientSecret", description: "Client Secret of the same app" },
  ],
  defaultBaseUrl: "https://onlinetools.ups.com",
  baseUrlVariable: "TRACKLINE_UPS_API_URL",
  // One inquiry number per call.
  maxBatch: 1,
  rateLimit: { perSecond: 5, burst: 10 },
  async fetch(numbers, account, ctx) {
    const results: TrackedNumber[] = [];
    for (const trackingNumber of numbers) {
      const answer = await track(trackingNumber, account, ctx);
      if ("failure" in answer && answer.failure.kind !== "NOT_FOUND") return answer;
      results.push(
        "failure" in answer
          ? { trackingNumber, ok: false, failure: answer.failure }
          : { trackingNumber, ok: true, payloads: [answer.json] },
      );
    }
    return { ok: true, numbers: results };
  },
};

type Tracked = { json: unknown } | { ok: false; failure: TrackingFailure };

async function track(
  trackingNumber: string,
  account: TrackingAccount,
  ctx: TrackingContext,
): Promise<Tracked> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const token = await accessToken(account, ctx);
    if (typeof token !== "string") return token;
    const url = `${account.baseUrl}/api/track/v1/details/${encodeURIComponent(trackingNumber)}?locale=en_US`;
    const answer = await sendTracking(
      ctx.fetch,
      url,
      {
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          transId: `trackline-${ctx.now().getTime()}`,
          transactionSrc: "trackline",
        },
      },
      ctx.timeoutMs,
    );
    if (!answer.ok) return answer;
    // A cached token UPS no longer takes (revoked, clock skew): one fresh token, one more try.
    if (answer.status === 401 && attempt === 0) {
      ctx.tokens.delete(account.id);
      continue;
    }
    if (answer.status !== 200) return { ok: false, failure: failureOf(answer, ctx.now()) };
    const warning = notFoundWarning(answer.json);
    if (warning) return { ok: false, failure: warning };
    return { json: answer.json };
  }
  throw new Error("unreachable: the second try returns");
}

/** The cached token, or a new one from the OAuth endpoint. */
async function accessToken(
  account: TrackingAccount,
  ctx: TrackingContext,
): Promise<string | { ok: false; failure: TrackingFailure }> {
  const cached = ctx.tokens.get(account.id, new Date(ctx.now().getTime() + TOKEN_MARGIN_MS));
  if (cached) return cached;
  const { clientId = "", clientSecret = "" } = account.credentials;
  const answer = await sendTracking(
    ctx.fetch,
    `${account.baseUrl}/security/v1/oauth/token`,
    {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: "grant_type=client_credentials",
    },
    ctx.timeoutMs,
  );
  if (!answer.ok) return answer;
  if (answer.status !== 200) return { ok: false, failure: failureOf(answer, ctx.now()) };
  const body = asRecord(answer.json);
  const token = asText(body?.access_token);
  // UPS sends expires_in as a string of seconds ("14399").
  const seconds = Number(asText(body?.expires_in) ?? "");
  if (!token || !Number.isFinite(seconds)) {
    const message = "UPS answered the token request without access_token/expires_in";
    return { ok: false, failure: { kind: "TRANSIENT", code: "BAD_TOKEN_RESPONSE", message } };
  }
  ctx.tokens.set(account.id, token, new Date(ctx.now().getTime() + seconds * 1000));
  return token;
}

/** UPS errors: `{ response: { errors: [{ code, message }] } }`. */
function failureOf(answer: TrackingAnswer, now: Date): TrackingFailure {
  const [first] = records(asArray(asRecord(asRecord(answer.json)?.response)?.errors) ?? []);
  return statusFailure(answer, now, { code: asText(first?.code), message: asText(first?.message) });
}

/** A 200 whose shipment holds only a "Tracking Information Not Found" warning. */
function notFoundWarning(json: unknown): TrackingFailure | null {
  const shipments = records(asArray(asRecord(asRecord(json)?.trackResponse)?.shipment) ?? []);
  const packages = shipments.flatMap((shipment) => asArray(shipment.package) ?? []);
  if (packages.length > 0) return null;
  const [warning] = shipments.flatMap((shipment) => records(asArray(shipment.warnings) ?? []));
  return {
    kind: "NOT_FOUND",
    code: asText(warning?.code) ?? "NO_PACKAGE",
    message: asText(warning?.message) ?? "UPS returned no package for the number",
  };
}
