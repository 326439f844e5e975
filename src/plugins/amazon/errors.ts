import type { ApiFailure } from "../api-types.ts";

/** SP-API answers 429 without Retry-After; at 2 requests a second a new token is 500 ms away. */
export const DEFAULT_RETRY_AFTER_MS = 500;

interface SpApiError {
  code: string;
  message: string;
}

/** The `{errors:[{code,message,details}]}` of an SP-API answer; none when the body is not that. */
export function spApiErrors(body: string): SpApiError[] {
  const parsed = parseJson(body) as { errors?: unknown } | undefined;
  if (!Array.isArray(parsed?.errors)) return [];
  return parsed.errors.flatMap((entry: { code?: unknown; message?: unknown }) =>
    typeof entry?.code === "string" || typeof entry?.message === "string"
      ? [{ code: String(entry.code ?? ""), message: String(entry.message ?? "") }]
      : [],
  );
}

/** A failed shipmentConfirmation, read from its status and body; 401/403 are the caller's. */
export function shipmentFailure(
  status: number,
  body: string,
  retryAfter: string | null,
  now: Date,
): ApiFailure {
  const errors = spApiErrors(body);
  const code = errors.find((error) => error.code)?.code;
  const message = errors
    .map((error) => error.message)
    .filter(Boolean)
    .join(" ");
  if (status === 429) {
    return {
      ok: false,
      retryable: true,
      code: code ?? "QuotaExceeded",
      message: message || "Amazon throttled the request (too many requests).",
      retryAfterMs: retryAfterMs(retryAfter, now) ?? DEFAULT_RETRY_AFTER_MS,
    };
  }
  if (status >= 500) {
    const wait = retryAfterMs(retryAfter, now);
    return {
      ok: false,
      retryable: true,
      code: code ?? "SERVER_ERROR",
      message: message || `Amazon SP-API answered HTTP ${status}${suffix(body)}.`,
      ...(wait === null ? {} : { retryAfterMs: wait }),
    };
  }
  return {
    ok: false,
    retryable: false,
    code: code ?? FALLBACK_CODES[status] ?? `HTTP_${status}`,
    message:
      message || `Amazon SP-API refused the shipment confirmation: HTTP ${status}${suffix(body)}.`,
  };
}

/** SP-API's own code for a status, for an answer whose body does not say it. */
const FALLBACK_CODES: Record<number, string> = { 400: "InvalidInput", 404: "NotFound" };

/** What a credential-related LWA `error` says is wrong. */
const LWA_FIELDS: Record<string, string> = {
  invalid_grant: "credentials.refreshToken",
  invalid_client: "credentials.lwaClientSecret",
  unauthorized_client: "credentials.lwaClientId",
};

/** A failed Login with Amazon token exchange. */
export function tokenFailure(
  status: number,
  body: string,
  retryAfter: string | null,
  now: Date,
): ApiFailure {
  const parsed = parseJson(body) as { error?: unknown; error_description?: unknown } | undefined;
  const error = typeof parsed?.error === "string" ? parsed.error : undefined;
  const description =
    typeof parsed?.error_description === "string" ? parsed.error_description : undefined;
  if (status === 429 || status >= 500) {
    return {
      ok: false,
      retryable: true,
      code: status === 429 ? "QuotaExceeded" : "SERVER_ERROR",
      message: `Login with Amazon answered HTTP ${status}${description ? `: ${description}` : suffix(body)}.`,
      ...(status === 429
        ? { retryAfterMs: retryAfterMs(retryAfter, now) ?? DEFAULT_RETRY_AFTER_MS }
        : {}),
    };
  }
  const field = error && Object.hasOwn(LWA_FIELDS, error) ? LWA_FIELDS[error] : undefined;
  return {
    ok: false,
    retryable: false,
    code: "INVALID_CREDENTIALS",
    message:
      description ??
      `Login with Amazon refused the credentials (HTTP ${status}${error ? `, ${error}` : ""}).`,
    ...(field ? { field } : {}),
  };
}

/** A token Amazon refuses even fresh: the seller revoked the app or never granted the role. */
export function accessDenied(body: string): ApiFailure {
  const message = spApiErrors(body)
    .map((error) => error.message)
    .filter(Boolean)
    .join(" ");
  return {
    ok: false,
    retryable: false,
    code: "INVALID_CREDENTIALS",
    message: `${message || "Amazon denied access."} A fresh access token was refused too: check that the seller still authorizes this app.`,
    field: "credentials.refreshToken",
  };
}

/** fetch rejected: the host is unreachable, the connection broke, or our timeout fired. */
export function transportFailure(error: unknown, what: string, timeoutMs: number): ApiFailure {
  const name = (error as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return {
      ok: false,
      retryable: true,
      code: "NETWORK_ERROR",
      message: `${what} did not answer within ${timeoutMs / 1000} s.`,
    };
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error | null)?.message ?? String(error);
  return {
    ok: false,
    retryable: true,
    code: "NETWORK_ERROR",
    message: `Could not reach ${what}: ${reason}.`,
  };
}

/** Retry-After in seconds or as an HTTP date, in ms from now; null when absent or unreadable. */
// Not src/http/retry-after.ts: this one is stricter (digits only, rounded up to whole ms), and
// merging the two would change what either side answers for odd headers such as "1e3" or "0.5".
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** ": " and a short one-line excerpt of a body that is not the documented JSON (an HTML page). */
function suffix(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text ? `: ${text.slice(0, 200)}` : "";
}
