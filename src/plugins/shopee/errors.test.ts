import { describe, expect, it } from "vitest";
import type { HttpAnswer } from "../api-call.ts";
import { readShopeeAnswer } from "./errors.ts";

const NOW = new Date("2026-11-24T08:00:00Z");
const answer = (status: number, json: unknown, headers: HeadersInit = {}): HttpAnswer => ({
  ok: true,
  status,
  headers: new Headers(headers),
  json,
});
const read = (status: number, error: string, message: string) =>
  readShopeeAnswer(answer(status, { request_id: "r", error, message }), NOW);

describe("readShopeeAnswer", () => {
  it("reads an empty error as success, whatever `response` holds", () => {
    expect(read(200, "", "").kind).toBe("ok");
  });

  it.each([
    ["error_auth", "Invalid access_token."],
    ["invalid_acceess_token", "Invalid access_token."],
    ["invalid_access_token", ""],
  ])("asks for a token refresh on %s", (error, message) => {
    expect(read(403, error, message).kind).toBe("token-rejected");
  });

  it.each([
    ["error_sign", "Wrong sign.", "credentials.partnerKey"],
    ["error_auth", "Authentication signature calculation is wrong", "credentials.partnerKey"],
    ["error_auth", "System cannot find this partner_id.", "credentials.partnerId"],
    ["common.invalid_shop", "Shop id is invalid. Please check your shop.", "credentials.shopId"],
  ])("names the credential for %s %s", (error, message, field) => {
    expect(read(403, error, message)).toEqual({
      kind: "failed",
      failure: { ok: false, retryable: false, code: "INVALID_CREDENTIALS", message, field },
    });
  });

  it("recognises already shipped with or without the page's leading space", () => {
    expect(read(200, " logistics.package_already_shipped", "x").kind).toBe("already-shipped");
    expect(read(200, "logistics.package_already_shipped", "x").kind).toBe("already-shipped");
  });

  it("waits out an order that is still being allocated, and retries server errors", () => {
    const allocated = read(
      200,
      "logistics.error_param",
      "The order is being allocated, please wait.",
    );
    expect(allocated).toMatchObject({ failure: { retryable: true, retryAfterMs: 60_000 } });
    expect(read(200, "logistics.error_param", "Wrong parameters")).toMatchObject({
      failure: { retryable: false },
    });
    expect(read(500, "error_server", "System error.")).toMatchObject({
      failure: { retryable: true },
    });
  });

  it("uses Retry-After on HTTP 429, and a second by default", () => {
    const limited = readShopeeAnswer(answer(429, null, { "retry-after": "3" }), NOW);
    expect(limited).toMatchObject({ failure: { retryable: true, retryAfterMs: 3000 } });
    expect(readShopeeAnswer(answer(429, {}), NOW)).toMatchObject({
      failure: { retryAfterMs: 1000 },
    });
  });

  it("reads a bodiless failure by its HTTP status", () => {
    expect(readShopeeAnswer(answer(502, null), NOW)).toMatchObject({
      failure: { code: "HTTP_502", retryable: true },
    });
    expect(readShopeeAnswer(answer(404, null), NOW)).toMatchObject({
      failure: { code: "HTTP_404", retryable: false },
    });
  });
});
