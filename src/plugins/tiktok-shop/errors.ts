import { retryAfterMs } from "../../http/retry-after.ts";
import { failure, type HttpAnswer, httpFailure, record, text } from "../api-call.ts";
import type { ApiFailure } from "../api-types.ts";

export type TikTokVerdict =
  | { kind: "ok"; data: Record<string, unknown> }
  /** The access token expired or is not recognised: refresh it and try once more. */
  | { kind: "token-rejected"; failure: ApiFailure }
  | { kind: "failed"; failure: ApiFailure };

// Codes from TikTok Shop's "Common errors" page (202309).
const EXPIRED_TOKEN = 105002;
const INVALID_SIGN = 106001;
const INVALID_CREDENTIALS = 36009004;
const INVALID_SHOP_OR_TOKEN = 101000;
const MISSING_SHOP_CIPHER = 106013;
const TOO_MANY_REQUESTS = 36009002;
const REQUEST_TIMEOUT = 36009007;
// From the "On Hold" changelog: US/UK orders may not be fulfilled in their first hour.
const ORDER_ON_HOLD = 21011044;
const ON_HOLD_WAIT_MS = 15 * 60_000;

/**
 * Reads an answer of the envelope `{code, message, request_id, data}`; code 0 is success. Codes
 * not listed here (the fulfillment APIs' own refusals are not on a public page we could read)
 * are fatal with TikTok Shop's message, shown to the seller as it is.
 */
export function readTikTokAnswer(answer: HttpAnswer, now: Date): TikTokVerdict {
  const body = record(answer.json);
  const code = typeof body?.code === "number" ? body.code : Number.NaN;
  const message = text(body?.message).trim() || `TikTok Shop error ${code}`;
  const failed = (f: ApiFailure): TikTokVerdict => ({ kind: "failed", failure: f });

  if (answer.status === 429 || code === TOO_MANY_REQUESTS) {
    return failed(
      failure(Number.isNaN(code) ? "RATE_LIMITED" : String(code), message, {
        retryable: true,
        retryAfterMs: retryAfterMs(answer.headers, now) ?? 1000,
      }),
    );
  }
  if (!body || Number.isNaN(code)) return failed(httpFailure(answer, now));
  if (code === 0 && answer.status < 300) return { kind: "ok", data: record(body.data) ?? {} };

  if (code === INVALID_SHOP_OR_TOKEN || code === MISSING_SHOP_CIPHER) {
    return failed(credentialFailure(message, "credentials.shopCipher"));
  }
  const aboutToken = /access[_ ]token|x-tts-access-token/i.test(message);
  if (code === EXPIRED_TOKEN || (code === INVALID_CREDENTIALS && aboutToken)) {
    const f = failure(String(code), message, {
      retryable: false,
      field: "credentials.accessToken",
    });
    return { kind: "token-rejected", failure: f };
  }
  if (code === INVALID_SIGN) return failed(credentialFailure(message, "credentials.appSecret"));
  if (code === INVALID_CREDENTIALS && /app_key/i.test(message)) {
    return failed(credentialFailure(message, "credentials.appKey"));
  }
  if (code === INVALID_CREDENTIALS && /shop_cipher/i.test(message)) {
    return failed(credentialFailure(message, "credentials.shopCipher"));
  }
  if (code === REQUEST_TIMEOUT || answer.status >= 500) {
    return failed(failure(String(code), message, { retryable: true }));
  }
  if (code === ORDER_ON_HOLD) {
    return failed(
      failure(String(code), message, { retryable: true, retryAfterMs: ON_HOLD_WAIT_MS }),
    );
  }
  return failed(failure(String(code), message, { retryable: false }));
}

export function credentialFailure(message: string, field: string): ApiFailure {
  return failure("INVALID_CREDENTIALS", message, { retryable: false, field });
}
