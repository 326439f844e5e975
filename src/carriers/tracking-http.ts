import type { TrackingFailure, TrackingFailureKind } from "./tracking-api.ts";

/** An HTTP answer read to its end; `json` is null when the body is not JSON. */
export interface TrackingAnswer {
  ok: true;
  status: number;
  headers: Headers;
  json: unknown;
}

/** One call with a timeout; a network error or a timeout is a TRANSIENT failure. */
export async function sendTracking(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<TrackingAnswer | { ok: false; failure: TrackingFailure }> {
  try {
    const response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { ok: true, status: response.status, headers: response.headers, json };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const timedOut = name === "TimeoutError" || name === "AbortError";
    const message = timedOut
      ? `no answer within ${timeoutMs} ms`
      : `could not be reached: ${String(error)}`;
    return {
      ok: false,
      failure: { kind: "TRANSIENT", code: timedOut ? "TIMEOUT" : "NETWORK_ERROR", message },
    };
  }
}

/** The wait a Retry-After header asks for (seconds or an HTTP date), in ms. */
export function retryAfterMs(headers: Headers, now: Date): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The failure class of an HTTP status that is not a success. */
export function kindOfStatus(status: number): TrackingFailureKind {
  if (status === 401 || status === 403) return "AUTH";
  if (status === 429) return "RATE_LIMITED";
  if (status === 404) return "NOT_FOUND";
  return "TRANSIENT";
}

/** A failure for a non-success answer, with the carrier's code and message when it gave them. */
export function statusFailure(
  answer: TrackingAnswer,
  now: Date,
  detail?: { code?: string; message?: string },
): TrackingFailure {
  const failure: TrackingFailure = {
    kind: kindOfStatus(answer.status),
    code: detail?.code || `HTTP_${answer.status}`,
    message: detail?.message || `HTTP ${answer.status}`,
  };
  const wait = retryAfterMs(answer.headers, now);
  if (wait !== undefined) failure.retryAfterMs = wait;
  return failure;
}
