import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./retry-after.ts";

const now = new Date("2026-11-02T10:00:00Z");
const wait = (value?: string) =>
  retryAfterMs(new Headers(value === undefined ? {} : { "retry-after": value }), now);

describe("retryAfterMs", () => {
  it("reads seconds, fractions included", () => {
    expect(wait("2")).toBe(2000);
    expect(wait("1.5")).toBe(1500);
    expect(wait("0")).toBe(0);
  });

  it("reads an HTTP date as the time left until it", () => {
    expect(wait("Mon, 02 Nov 2026 10:00:05 GMT")).toBe(5000);
  });

  it("never asks for a negative wait", () => {
    expect(wait("-5")).toBe(0);
    expect(wait("Mon, 02 Nov 2026 09:59:00 GMT")).toBe(0);
  });

  it("has no wait when the header is absent, empty or unreadable", () => {
    expect(wait()).toBeUndefined();
    expect(wait("")).toBeUndefined();
    expect(wait("soon")).toBeUndefined();
  });
});
