import { retryAfterMs } from "../../http/retry-after.ts";
import { failure, type HttpAnswer, httpFailure, record, text } from "../api-call.ts";
import type { ApiFailure } from "../api-types.ts";

/** What one Shopee answer means for the caller. */
export type ShopeeVerdict =
  | { kind: "ok"; body: Record<string, unknown> }
  /** The access token expired or was revoked: refresh it and try once more. */
  | { kind: "token-rejected"; failure: ApiFailure }
  /** ship_order on an order whose parcel is already arranged. */
  | { kind: "already-shipped"; failure: ApiFailure }
  | { kind: "failed"; failure: ApiFailure };

// Shopee's documented spelling is error_auth + "Invalid access_token."; integrators also meet
// the misspelt "invalid_acceess_token" (sic) and "invalid_access_token" as the error itself.
const TOKEN_ERRORS = new Set([
  "invalid_access_token",
  "invalid_acceess_token",
  "error_access_token",
]);
// The ship_order page lists it with a leading space (" logistics.package_already_shipped").
const ALREADY_SHIPPED = /(^|\.)package_already_shipped$/;
const RATE_LIMITED = /too_many_request|rate_limit|frequen/i;
const TRANSIENT = /^(error_server|error_busi|error_inner|error_network|error_timeout)$|timeout$/i;

/**
 * Reads an answer of the v2 envelope `{request_id, error, message, response}`. A non-empty
 * `error` is a failure whatever the HTTP status; auth errors come back as 403 in practice,
 * business errors as 200. Unknown errors are fatal and carry Shopee's own message.
 */
export function readShopeeAnswer(answer: HttpAnswer, now: Date): ShopeeVerdict {
  const body = record(answer.json);
  const error = text(body?.error).trim();
  const message = text(body?.message).trim() || text(body?.msg).trim();
  const failed = (f: ApiFailure): ShopeeVerdict => ({ kind: "failed", failure: f });

  if (answer.status === 429 || RATE_LIMITED.test(error)) {
    return failed(
      failure(error || "RATE_LIMITED", message || "Shopee asked us to slow down", {
        retryable: true,
        retryAfterMs: retryAfterMs(answer.headers, now) ?? 1000,
      }),
    );
  }
  if (!error) {
    if (answer.status >= 200 && answer.status < 300 && body) return { kind: "ok", body };
    return failed(httpFailure(answer, now));
  }
  const said = message || error;
  if (TOKEN_ERRORS.has(error) || (error === "error_auth" && /access[_ ]?token/i.test(said))) {
    const f = failure(error, said, { retryable: false, field: "credentials.accessToken" });
    return { kind: "token-rejected", failure: f };
  }
  if (error === "error_sign" || (error === "error_auth" && /sign/i.test(said))) {
    return failed(credentialFailure(said, "credentials.partnerKey"));
  }
  if (error === "common.invalid_shop") return failed(credentialFailure(said, "credentials.shopId"));
  if (error === "error_auth") {
    const field = /partner/i.test(said)
      ? "credentials.partnerId"
      : /shop/i.test(said)
        ? "credentials.shopId"
        : undefined;
    return failed(
      field ? credentialFailure(said, field) : failure(error, said, { retryable: false }),
    );
  }
  if (ALREADY_SHIPPED.test(error) || /already (been )?(shipped|arranged)/i.test(said)) {
    return { kind: "already-shipped", failure: failure(error, said, { retryable: false }) };
  }
  if (TRANSIENT.test(error) || answer.status >= 500) {
    return failed(failure(error, said, { retryable: true }));
  }
  // Documented as a wait, not a refusal: "The order is being allocated, please wait...".
  if (error === "logistics.error_param" && /being allocated/i.test(said)) {
    return failed(failure(error, said, { retryable: true, retryAfterMs: 60_000 }));
  }
  return failed(failure(error, said, { retryable: false }));
}

export function credentialFailure(message: string, field: string): ApiFailure {
  return failure("INVALID_CREDENTIALS", message, { retryable: false, field });
}
