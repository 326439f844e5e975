import { type FakeRequest, type FakeServer, startFakeServer } from "../fakes/fake-server.ts";

/**
 * Local stand-ins for the carriers' tracking APIs, speaking their documented contracts: UPS
 * (OAuth client credentials + Track v1), DHL Shipment Tracking - Unified, 17TRACK v2.2
 * (register + gettrackinfo). Each knows the numbers a test gives it and can be told to fail.
 */
export interface CarrierFake {
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Answers `payload` for `number` from now on (17TRACK: the `data` of an accepted item). */
  track(number: string, payload: unknown): void;
  /** The next `times` tracking calls fail: a 429 (Retry-After), a 503, or refused credentials. */
  fail(mode: FailMode, options?: { times?: number; retryAfterSeconds?: number }): void;
  /** Ends every failure, a revoked key included (the seller fixed it at the carrier). */
  reset(): void;
  /** Tracking calls made (not token or register calls). */
  trackingCalls(): FakeRequest[];
  close(): Promise<void>;
}

export type FailMode = "rate-limited" | "server-error" | "auth";

interface Failures {
  mode: FailMode | null;
  times: number;
  retryAfterSeconds: number;
}

function failureQueue() {
  const state: Failures = { mode: null, times: 0, retryAfterSeconds: 30 };
  return {
    reset() {
      state.mode = null;
    },
    /** Whether the key is refused: an auth failure lasts until reset. */
    revoked: () => state.mode === "auth",
    set(mode: FailMode, options: { times?: number; retryAfterSeconds?: number } = {}) {
      state.mode = mode;
      state.times = options.times ?? 1;
      state.retryAfterSeconds = options.retryAfterSeconds ?? 30;
    },
    /** The failure this call meets, if any; an auth failure lasts (the key was revoked). */
    take(): { mode: FailMode; retryAfterSeconds: number } | null {
      if (!state.mode) return null;
      const taken = { mode: state.mode, retryAfterSeconds: state.retryAfterSeconds };
      if (state.mode !== "auth") {
        state.times -= 1;
        if (state.times <= 0) state.mode = null;
      }
      return taken;
    },
  };
}

const header = (request: FakeRequest, name: string) => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** UPS: `POST /security/v1/oauth/token` (Basic client id:secret), `GET /api/track/v1/details/{n}`. */
export async function startUpsFake(options: {
  clientId: string;
  clientSecret: string;
  /** Lifetime of issued tokens, in seconds (UPS: 14399). */
  tokenSeconds?: number;
}): Promise<CarrierFake & { tokensIssued(): number }> {
  const payloads = new Map<string, unknown>();
  const failures = failureQueue();
  const tokens = new Set<string>();
  let issued = 0;
  const upsError = (status: number, code: string, message: string, headers = {}) => ({
    status,
    headers,
    body: { response: { errors: [{ code, message }] } },
  });
  const server = await startFakeServer((request) => {
    if (request.method === "POST" && request.path === "/security/v1/oauth/token") {
      const expected = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
      if (failures.revoked() || header(request, "authorization") !== expected) {
        return upsError(401, "10401", "ClientId is Invalid");
      }
      if (new URLSearchParams(request.rawBody).get("grant_type") !== "client_credentials") {
        return upsError(400, "10400", "Invalid grant_type");
      }
      issued += 1;
      const token = `ups-token-${issued}`;
      tokens.add(token);
      return {
        status: 200,
        body: {
          token_type: "Bearer",
          issued_at: String(Date.now()),
          client_id: options.clientId,
          access_token: token,
          expires_in: String(options.tokenSeconds ?? 14399),
          status: "approved",
        },
      };
    }
    const match = /^\/api\/track\/v1\/details\/([^/]+)$/.exec(request.path);
    if (request.method !== "GET" || !match) return upsError(404, "404", "Resource not found");
    const failure = failures.take();
    if (failure?.mode === "auth") tokens.clear();
    const bearer = header(request, "authorization")?.replace(/^Bearer /, "") ?? "";
    if (!tokens.has(bearer)) return upsError(401, "250002", "Invalid Authentication Information.");
    if (failure?.mode === "rate-limited") {
      return upsError(429, "429", "Rate Limit Exceeded", {
        "retry-after": String(failure.retryAfterSeconds),
      });
    }
    if (failure?.mode === "server-error") return upsError(503, "9999", "Service Unavailable");
    const payload = payloads.get(decodeURIComponent(match[1]!));
    if (!payload) return upsError(404, "151044", "No tracking information available");
    return { status: 200, body: payload };
  });
  return {
    ...fakeBase(server, payloads, failures, (r) => r.path.startsWith("/api/track/")),
    tokensIssued: () => issued,
  };
}

/** DHL Unified: `GET /track/shipments?trackingNumber=` with `DHL-API-Key`; RFC 7807 errors. */
export async function startDhlFake(options: { apiKey: string }): Promise<CarrierFake> {
  const payloads = new Map<string, unknown>();
  const failures = failureQueue();
  const problem = (status: number, title: string, detail: string, headers = {}) => ({
    status,
    headers: { "content-type": "application/problem+json", ...headers },
    body: JSON.stringify({ status, title, detail }),
  });
  const server = await startFakeServer((request) => {
    if (request.path !== "/track/shipments") return problem(404, "Not Found", "No such resource");
    const failure = failures.take();
    if (failure?.mode === "auth" || header(request, "dhl-api-key") !== options.apiKey) {
      return problem(401, "Unauthorized", "Unauthorized for given resource.");
    }
    if (failure?.mode === "rate-limited") {
      return problem(429, "Too many requests", "Too many requests, rate limit exceeded", {
        "retry-after": String(failure.retryAfterSeconds),
      });
    }
    if (failure?.mode === "server-error") {
      return problem(503, "Service Unavailable", "The service is temporarily unavailable.");
    }
    const payload = payloads.get(request.query.get("trackingNumber") ?? "");
    if (!payload) {
      return problem(404, "No result found", "No shipment with given tracking number found.");
    }
    return { status: 200, body: payload };
  });
  return fakeBase(server, payloads, failures, () => true);
}

/** 17TRACK v2.2: `POST /track/v2.2/register` and `/gettrackinfo` with `17token`, 40 numbers a call. */
export async function startSeventeenTrackFake(options: {
  apiKey: string;
}): Promise<CarrierFake & { registered(): string[] }> {
  const payloads = new Map<string, unknown>();
  const failures = failureQueue();
  const registered = new Set<string>();
  const server = await startFakeServer((request) => {
    const path = /^\/track\/v2\.2\/(register|gettrackinfo)$/.exec(request.path)?.[1];
    if (request.method !== "POST" || !path) return { status: 404, body: "Not Found" };
    const failure = path === "gettrackinfo" ? failures.take() : null;
    if (failures.revoked() || header(request, "17token") !== options.apiKey) {
      const message = "Access key invalid.";
      return {
        status: 200,
        body: { code: -18010002, data: { errors: [{ code: -18010002, message }] } },
      };
    }
    if (failure?.mode === "rate-limited") {
      return {
        status: 429,
        headers: { "retry-after": String(failure.retryAfterSeconds) },
        body: {
          code: -18010014,
          data: { errors: [{ code: -18010014, message: "Request limit exceeded." }] },
        },
      };
    }
    if (failure?.mode === "server-error") return { status: 503, body: "Service Unavailable" };
    const items = JSON.parse(request.rawBody) as { number: string }[];
    if (!Array.isArray(items) || items.length > 40) {
      const message = "The number of submitted items exceeds the limit of 40.";
      return {
        status: 200,
        body: { code: -18010013, data: { errors: [{ code: -18010013, message }] } },
      };
    }
    const accepted: unknown[] = [];
    const rejected: unknown[] = [];
    for (const { number } of items) {
      const reject = (code: number, message: string) =>
        rejected.push({ number, error: { code, message } });
      if (path === "register") {
        if (registered.has(number)) {
          reject(
            -18019901,
            `The tracking number '${number}' has been registered, don't need to repeat registration.`,
          );
        } else {
          registered.add(number);
          accepted.push({ number, carrier: 0, origin: 1 });
        }
      } else if (!registered.has(number)) {
        reject(
          -18019902,
          `The tracking number '${number}' does not register, please register first.`,
        );
      } else if (!payloads.has(number)) {
        reject(-18019909, "No tracking information at this time.");
      } else {
        accepted.push(payloads.get(number));
      }
    }
    return { status: 200, body: { code: 0, data: { accepted, rejected } } };
  });
  return {
    ...fakeBase(server, payloads, failures, (r) => r.path.endsWith("/gettrackinfo")),
    registered: () => [...registered],
  };
}

function fakeBase(
  server: FakeServer,
  payloads: Map<string, unknown>,
  failures: ReturnType<typeof failureQueue>,
  isTracking: (request: FakeRequest) => boolean,
): CarrierFake {
  return {
    url: server.url,
    requests: server.requests,
    track: (number, payload) => payloads.set(number, payload),
    fail: (mode, options) => failures.set(mode, options),
    reset: () => failures.reset(),
    trackingCalls: () => server.requests.filter(isTracking),
    close: () => server.close(),
  };
}

/** A UPS Track v1 answer for one number with scans as `[type/statusCode, description, instant]`. */
export function upsPayload(number: string, scans: [string, string, Date][]): unknown {
  const compact = (date: Date) => date.toISOString().replace(/[-:]/g, "").slice(0, 15);
  return {
    trackResponse: {
      shipment: [
        {
          inquiryNumber: number,
          package: [
            {
              trackingNumber: number,
              activity: scans.map(([code, description, at]) => {
                const [type, statusCode] = code.split("/");
                const stamp = compact(at);
                return {
                  location: {
                    address: { city: "Louisville", stateProvince: "KY", countryCode: "US" },
                  },
                  status: { type, description, code: "", statusCode },
                  date: stamp.slice(0, 8),
                  time: stamp.slice(9, 15),
                  gmtDate: stamp.slice(0, 8),
                  gmtOffset: "+00:00",
                  gmtTime: at.toISOString().slice(11, 19),
                };
              }),
            },
          ],
        },
      ],
    },
  };
}
