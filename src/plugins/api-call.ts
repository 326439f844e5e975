import { createHmac, timingSafeEqual } from "node:crypto";
import { exchange, type HttpAnswer } from "../http/exchange.ts";
import { retryAfterMs } from "../http/retry-after.ts";
import type { ApiFailure } from "./api-types.ts";

/** How long one marketplace call may take before it counts as failed (and is retried later). */
export const API_TIMEOUT_MS = 20_000;

/** Lower-case hex HMAC-SHA256, the signature every marketplace here uses. */
export function hmacSha256Hex(key: string, message: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("hex");
}

/** Compares two signatures in constant time; unequal lengths are rejected up front. */
export function constantTimeEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

export type { HttpAnswer } from "../http/exchange.ts";

/**
 * One HTTP exchange with the 20 s timeout. A refused connection, a reset or a timeout is a
 * retryable failure: the call may or may not have reached the marketplace, so whatever retries
 * it must be idempotent (the clients check "already shipped" for that reason).
 */
export async function send(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<HttpAnswer | ApiFailure> {
  const answer = await exchange(fetchFn, url, init, API_TIMEOUT_MS);
  if (answer.ok) return answer;
  if (answer.timedOut) {
    return failure("TIMEOUT", "The marketplace did not answer in time", { retryable: true });
  }
  return failure("NETWORK_ERROR", `The marketplace could not be reached: ${String(answer.error)}`, {
    retryable: true,
  });
}

export function failure(
  code: string,
  message: string,
  options: { retryable: boolean; retryAfterMs?: number; field?: string },
): ApiFailure {
  const result: ApiFailure = { ok: false, retryable: options.retryable, code, message };
  if (options.retryAfterMs !== undefined) result.retryAfterMs = options.retryAfterMs;
  if (options.field !== undefined) result.field = options.field;
  return result;
}

/** A failure for an HTTP status that carried no marketplace error body. */
export function httpFailure(answer: HttpAnswer, now: Date): ApiFailure {
  const { status } = answer;
  if (status === 429) {
    return failure("RATE_LIMITED", "The marketplace asked us to slow down (HTTP 429)", {
      retryable: true,
      retryAfterMs: retryAfterMs(answer.headers, now) ?? 1000,
    });
  }
  const retryable = status >= 500 || status === 408;
  return failure(`HTTP_${status}`, `The marketplace answered HTTP ${status}`, {
    retryable,
    ...(retryable ? { retryAfterMs: retryAfterMs(answer.headers, now) } : {}),
  });
}

/** A plain object or null: marketplace JSON is read field by field, never trusted as typed. */
export function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A string field, or "" when absent or not a string (numbers are spelled as they came). */
export function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** Tracking numbers compared the way carriers print them: case and spaces do not matter. */
export function sameTrackingNumber(a: string, b: string): boolean {
  const norm = (value: string) => value.replace(/\s+/g, "").toUpperCase();
  return norm(a) !== "" && norm(a) === norm(b);
}

type TokenRejected = { kind: "token-rejected"; failure: ApiFailure };
type Failed = { kind: "failed"; failure: ApiFailure };

/**
 * Runs calls that may meet an expired access token: the first refusal triggers one refresh (one
 * at a time per client, so two calls never spend the same single-use refresh token) and one more
 * try. A fresh token that is still refused is a credentials error, not a reason to loop.
 */
export function createTokenRetry(options: {
  refresh(): Promise<ApiFailure | null>;
  currentToken(): string;
  field: string;
}) {
  let refreshing: Promise<ApiFailure | null> | null = null;
  return async <V extends { kind: string }>(
    call: () => Promise<V>,
  ): Promise<Exclude<V, TokenRejected> | Failed> => {
    const tokenUsed = options.currentToken();
    const first = await call();
    if (first.kind !== "token-rejected") return first as Exclude<V, TokenRejected>;
    // Another call may have refreshed meanwhile: then its token is simply the one to try.
    if (options.currentToken() === tokenUsed) {
      refreshing ??= options.refresh().finally(() => {
        refreshing = null;
      });
      const refused = await refreshing;
      if (refused) return { kind: "failed", failure: refused };
    }
    const second = await call();
    if (second.kind !== "token-rejected") return second as Exclude<V, TokenRejected>;
    const { message } = (second as unknown as TokenRejected).failure;
    return {
      kind: "failed",
      failure: failure("INVALID_CREDENTIALS", message, { retryable: false, field: options.field }),
    };
  };
}

/** Keeps tokens the marketplace rotated; failing to store them is retryable but costly. */
export async function saveRotated(
  save: (next: Readonly<Record<string, string>>) => Promise<void>,
  next: Readonly<Record<string, string>>,
  marketplace: string,
): Promise<ApiFailure | null> {
  try {
    await save(next);
    return null;
  } catch (error) {
    // The old refresh token is spent: unless a later save succeeds the seller must re-authorise.
    return failure(
      "CREDENTIALS_NOT_SAVED",
      `${marketplace} rotated the tokens but saving them failed: ${String(error)}`,
      { retryable: true },
    );
  }
}
