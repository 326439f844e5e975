import type { ApiFailure, ClientConfig, ClientDeps } from "../api-types.ts";
import { tokenFailure, transportFailure } from "./errors.ts";

/** A token this close to its expiry is replaced first, so it cannot lapse in flight. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

export type TokenResult = { ok: true; token: string } | ApiFailure;

/** One store's Login with Amazon access token: cached, refreshed early, fetched once at a time. */
export interface TokenSource {
  /** The cached token, or a new one; concurrent callers share one exchange. */
  get(): Promise<TokenResult>;
  /** A token exchange whatever the cache holds (proving the credentials); its token is kept. */
  exchange(): Promise<TokenResult>;
  /** Forgets `token` if it is still the cached one (Amazon refused it). */
  invalidate(token: string): void;
}

export function createTokenSource(
  config: ClientConfig,
  deps: ClientDeps,
  timeoutMs: number,
): TokenSource {
  let cached: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<TokenResult> | null = null;

  const exchange = async (): Promise<TokenResult> => {
    const result = await requestToken(config, deps, timeoutMs);
    if (result.ok) {
      cached = { token: result.token, expiresAt: deps.now().getTime() + result.expiresInMs };
      return { ok: true, token: result.token };
    }
    return result;
  };

  return {
    get() {
      if (cached && deps.now().getTime() < cached.expiresAt - TOKEN_REFRESH_MARGIN_MS) {
        return Promise.resolve({ ok: true, token: cached.token });
      }
      inFlight ??= exchange().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    exchange,
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}

async function requestToken(
  config: ClientConfig,
  deps: ClientDeps,
  timeoutMs: number,
): Promise<{ ok: true; token: string; expiresInMs: number } | ApiFailure> {
  const { refreshToken, lwaClientId, lwaClientSecret } = config.credentials;
  let response: Response;
  let body: string;
  try {
    response = await deps.fetch(config.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken ?? "",
        client_id: lwaClientId ?? "",
        client_secret: lwaClientSecret ?? "",
      }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    return transportFailure(error, "Login with Amazon", timeoutMs);
  }
  if (!response.ok) {
    return tokenFailure(response.status, body, response.headers.get("retry-after"), deps.now());
  }
  const grant = parseGrant(body);
  if (!grant) {
    return {
      ok: false,
      retryable: true,
      code: "SERVER_ERROR",
      message: "Login with Amazon answered without an access token.",
    };
  }
  return { ok: true, ...grant };
}

function parseGrant(body: string): { token: string; expiresInMs: number } | null {
  try {
    const parsed = JSON.parse(body) as { access_token?: unknown; expires_in?: unknown };
    if (typeof parsed.access_token !== "string" || !parsed.access_token) return null;
    // LWA tokens last an hour; a grant that omits expires_in is given the same.
    const seconds = typeof parsed.expires_in === "number" ? parsed.expires_in : 3600;
    return { token: parsed.access_token, expiresInMs: seconds * 1000 };
  } catch {
    return null;
  }
}
