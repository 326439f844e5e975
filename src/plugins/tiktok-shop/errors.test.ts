import { describe, expect, it } from "vitest";
import type { HttpAnswer } from "../api-call.ts";
import { readTikTokAnswer } from "./errors.ts";

const NOW = new Date("2026-11-24T08:00:00Z");
const read = (code: number, message: string, status = 200) =>
  readTikTokAnswer(
    {
      ok: true,
      status,
      headers: new Headers(),
      json: { code, message, request_id: "r" },
    } satisfies HttpAnswer,
    NOW,
  );

describe("readTikTokAnswer", () => {
  it("reads code 0 as success and hands back data", () => {
    const answer = {
      ok: true as const,
      status: 200,
      headers: new Headers(),
      json: { code: 0, data: { a: 1 } },
    };
    expect(readTikTokAnswer(answer, NOW)).toEqual({ kind: "ok", data: { a: 1 } });
  });

  it.each([
    [105002, "Expired credentials. The `access_token` or `x-tts-access-token` header has expired."],
    [36009004, "Invalid credentials. The `x-tts-access-token` header is invalid."],
  ])("asks for a token refresh on %s", (code, message) => {
    expect(read(code, message).kind).toBe("token-rejected");
  });

  it.each([
    [
      106001,
      "Invalid credentials. The `sign` query parameter is invalid.",
      "credentials.appSecret",
    ],
    [36009004, "Invalid credentials. Invalid `app_key` query parameter.", "credentials.appKey"],
    [
      106013,
      "Missing identifier. The `shop_cipher` query parameter is required.",
      "credentials.shopCipher",
    ],
    [
      101000,
      "Invalid query or header. The `x-tts-access-token` header is invalid.",
      "credentials.shopCipher",
    ],
  ])("names the credential for %s", (code, message, field) => {
    expect(read(code, message)).toMatchObject({
      kind: "failed",
      failure: { code: "INVALID_CREDENTIALS", retryable: false, message, field },
    });
  });

  it("retries rate limits, timeouts and server errors; passes other codes on as fatal", () => {
    expect(read(36009002, "Too many requests.", 429)).toMatchObject({
      failure: { retryable: true, retryAfterMs: 1000 },
    });
    expect(read(36009007, "Request timeout.")).toMatchObject({ failure: { retryable: true } });
    expect(read(12345678, "Something else.", 503)).toMatchObject({ failure: { retryable: true } });
    expect(read(12345678, "Something else.")).toEqual({
      kind: "failed",
      failure: { ok: false, retryable: false, code: "12345678", message: "Something else." },
    });
  });

  it("reads a bodiless failure by its HTTP status", () => {
    const answer = { ok: true as const, status: 502, headers: new Headers(), json: null };
    expect(readTikTokAnswer(answer, NOW)).toMatchObject({
      failure: { code: "HTTP_502", retryable: true },
    });
  });
});
