/**
 * Polling a carrier's tracking API (decision 046): the optional `tracking` member of an adapter.
 * A client only fetches; what it brings back is parsed by the same adapter's `parse`.
 */

/** Why a call brought nothing back; what the poll job does about each is in decision 046. */
export type TrackingFailureKind =
  /** 401/403 or the provider's key error: the account stops polling until replaced. */
  | "AUTH"
  /** 429 or the provider's limit code: wait `retryAfterMs` (Retry-After), then retry. */
  | "RATE_LIMITED"
  /** The carrier does not know the number yet: normal for a new label, retried later. */
  | "NOT_FOUND"
  /** 5xx, a timeout, a refused connection, an unreadable answer: retried later. */
  | "TRANSIENT";

export interface TrackingFailure {
  kind: TrackingFailureKind;
  /** The carrier's error code when it gave one ("250002", "-18010002"), else the HTTP status. */
  code: string;
  /** The carrier's message as it is, for the account's lastError. */
  message: string;
  retryAfterMs?: number;
}

/** One number's answer: payloads the adapter's `parse` reads, or why there is none. */
export type TrackedNumber =
  | { trackingNumber: string; ok: true; payloads: unknown[] }
  | { trackingNumber: string; ok: false; failure: TrackingFailure };

/** A whole call failed (auth, rate limit, outage), or each number has its own answer. */
export type TrackingFetchResult =
  | { ok: true; numbers: TrackedNumber[] }
  | { ok: false; failure: TrackingFailure };

/** What one carrier account holds: opened credentials and the API's base URL. */
export interface TrackingAccount {
  /** Cache key of this account's tokens (one per account, so two tenants never share one). */
  id: string;
  credentials: Readonly<Record<string, string>>;
  /** No trailing slash: "https://onlinetools.ups.com". */
  baseUrl: string;
}

/** Access tokens kept between calls until they expire (UPS OAuth); one per process. */
export interface TokenCache {
  get(key: string, now: Date): string | undefined;
  set(key: string, token: string, expiresAt: Date): void;
  delete(key: string): void;
}

export interface TrackingContext {
  fetch: typeof fetch;
  now: () => Date;
  tokens: TokenCache;
  /** Per HTTP call; a call past it is TRANSIENT. */
  timeoutMs: number;
}

/** A credential an account must give, as the API and the connect mutation name it. */
export interface TrackingCredentialField {
  name: string;
  description: string;
}

/** A carrier's tracking API client. */
export interface CarrierTracking {
  /** The credentials an account holds (all required). */
  credentials: readonly TrackingCredentialField[];
  /** Production base URL; TRACKLINE_<CARRIER>_API_URL overrides it (sandbox, local fake). */
  defaultBaseUrl: string;
  /** Environment variable naming the base URL override. */
  baseUrlVariable: string;
  /** Numbers one `fetch` takes. */
  maxBatch: number;
  /** Calls per account the carrier allows, held through the rate gate. */
  rateLimit: { perSecond: number; burst: number };
  /** Fetches up to maxBatch numbers; never throws for an expected failure. */
  fetch(
    numbers: readonly string[],
    account: TrackingAccount,
    ctx: TrackingContext,
  ): Promise<TrackingFetchResult>;
}

/** A TokenCache in memory: tokens are per process, a new process asks for a new one. */
export function createTokenCache(): TokenCache {
  const tokens = new Map<string, { token: string; expiresAt: number }>();
  return {
    get(key, now) {
      const entry = tokens.get(key);
      if (entry && entry.expiresAt > now.getTime()) return entry.token;
      tokens.delete(key);
      return undefined;
    },
    set(key, token, expiresAt) {
      tokens.set(key, { token, expiresAt: expiresAt.getTime() });
    },
    delete(key) {
      tokens.delete(key);
    },
  };
}
