import type {
  ApiResult,
  ClientConfig,
  ClientDeps,
  MarketplaceClient,
  UploadRequest,
} from "../api-types.ts";
import { accessDenied, shipmentFailure, transportFailure } from "./errors.ts";
import { createTokenSource } from "./lwa.ts";
import { shipmentConfirmationBody, shipmentConfirmationPath } from "./shipment-confirmation.ts";

/** Longest wait for one answer from Amazon, token exchange included. */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface AmazonClientOptions {
  /** Tests shorten it to exercise the timeout without waiting 20 s. */
  timeoutMs?: number;
}

/** One store's SP-API client: Login with Amazon tokens plus Orders v0 shipmentConfirmation. */
export function createAmazonClient(
  config: ClientConfig,
  deps: ClientDeps,
  options: AmazonClientOptions = {},
): MarketplaceClient {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const tokens = createTokenSource(config, deps, timeoutMs);
  // Joined as text so a base URL with a path (a proxy, a local fake) keeps it.
  const baseUrl = config.baseUrl.replace(/\/+$/, "");

  const confirm = async (request: UploadRequest, token: string) => {
    try {
      const response = await deps.fetch(baseUrl + shipmentConfirmationPath(request.nativeOrderId), {
        method: "POST",
        headers: { "x-amz-access-token": token, "content-type": "application/json" },
        body: JSON.stringify(shipmentConfirmationBody(config.site, request)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { response, body: await response.text() };
    } catch (error) {
      return transportFailure(error, `Amazon SP-API at ${baseUrl}`, timeoutMs);
    }
  };

  return {
    async uploadTracking(request): Promise<ApiResult> {
      const first = await tokens.get();
      if (!first.ok) return first;
      let answer = await confirm(request, first.token);
      // A token can be revoked or expire before our clock says so: get a fresh one, once.
      if ("response" in answer && isAuthRefusal(answer.response.status)) {
        tokens.invalidate(first.token);
        const fresh = await tokens.get();
        if (!fresh.ok) return fresh;
        answer = await confirm(request, fresh.token);
        if ("response" in answer && isAuthRefusal(answer.response.status)) {
          return accessDenied(answer.body);
        }
      }
      if (!("response" in answer)) return answer;
      if (answer.response.ok) return { ok: true };
      return shipmentFailure(
        answer.response.status,
        answer.body,
        answer.response.headers.get("retry-after"),
        deps.now(),
      );
    },

    async checkCredentials(): Promise<ApiResult> {
      const result = await tokens.exchange();
      return result.ok ? { ok: true } : result;
    },
  };
}

function isAuthRefusal(status: number): boolean {
  return status === 401 || status === 403;
}
