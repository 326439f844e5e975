import { exchange, type HttpAnswer } from "../http/exchange.ts";
import { retryAfterMs } from "../http/retry-after.ts";
import type { TrackingFailure, TrackingFailureKind } from "./tracking-api.ts";

/** An HTTP answer read to its end; `json` is null when the body is not JSON. */
export type TrackingAnswer = HttpAnswer;

/** One call with a timeout; a network error or a timeout is a TRANSIENT failure. */
export async function sendTracking(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<TrackingAnswer | { ok: false; failure: TrackingFailure }> {
  const answer = await exchange(fetchFn, url, init, timeoutMs);
  if (answer.ok) return answer;
  const message = answer.timedOut
    ? `no answer within ${timeoutMs} ms`
    : `could not be reached: ${String(answer.error)}`;
  return {
    ok: false,
    failure: { kind: "TRANSIENT", code: answer.timedOut ? "TIMEOUT" : "NETWORK_ERROR", message },
  };
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
