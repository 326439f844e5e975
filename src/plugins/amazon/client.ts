import type { ApiResult, ClientConfig, ClientDeps, MarketplaceClient } from "../api-types.ts";
import type { Site } from "../types.ts";
import { accessDenied, shipmentFailure, transportFailure } from "./errors.ts";
import { createTokenSource } from "./lwa.ts";
import { shipmentConfirmationBody, shipmentConfirmationPath } from "./shipment-confirmation.ts";

/** Longest wait for one answer from Amazon, token exchange included. */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface AmazonClientOptions {
  /** Tests shorten it to exercise the timeout without waiting 20 s. */
  timeoutMs?: number;
}

/** One store's SP-API client: Login with Amazon tokens, Orders v0 shipmentConfirmation, Solicitations v1. */
export function createAmazonClient(
  config: ClientConfig,
  deps: ClientDeps,
  options: AmazonClientOptions = {},
): MarketplaceClient {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const tokens = createTokenSource(config, deps, timeoutMs);
  // Joined as text so a base URL with a path (a proxy, a local fake) keeps it.
  const baseUrl = config.baseUrl.replace(/\/+$/, "");

  const post = async (path: string, body: unknown, token: string) => {
    try {
      const response = await deps.fetch(baseUrl + path, {
        method: "POST",
        headers: { "x-amz-access-token": token, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { response, body: await response.text() };
    } catch (error) {
      return transportFailure(error, `Amazon SP-API at ${baseUrl}`, timeoutMs);
    }
  };

  /** One SP-API POST with the store's token; SP-API's errors read the same on every operation. */
  const call = async (path: string, body?: unknown): Promise<ApiResult> => {
    const first = await tokens.get();
    if (!first.ok) return first;
    let answer = await post(path, body, first.token);
    // A token can be revoked or expire before our clock says so: get a fresh one, once.
    if ("response" in answer && isAuthRefusal(answer.response.status)) {
      tokens.invalidate(first.token);
      const fresh = await tokens.get();
      if (!fresh.ok) return fresh;
      answer = await post(path, body, fresh.token);
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
  };

  return {
    uploadTracking: (request) =>
      call(
        shipmentConfirmationPath(request.nativeOrderId),
        shipmentConfirmationBody(config.site, request),
      ),

    requestReview: (nativeOrderId) => call(solicitationPath(nativeOrderId, config.site)),

    async checkCredentials(): Promise<ApiResult> {
      const result = await tokens.exchange();
      return result.ok ? { ok: true } : result;
    },
  };
}

/** Solicitations v1: Amazon emails the buyer its own review and feedback request (201, no body). */
export function solicitationPath(nativeOrderId: string, site: Site): string {
  const order = encodeURIComponent(nativeOrderId);
  const marketplace = encodeURIComponent(site.apiId ?? "");
  return `/solicitations/v1/orders/${order}/solicitations/productReviewAndSellerFeedback?marketplaceIds=${marketplace}`;
}

function isAuthRefusal(status: number): boolean {
  return status === 401 || status === 403;
}
