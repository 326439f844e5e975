import { describe, expect, it } from "vitest";
import { retryAfterMs, shipmentFailure } from "./errors.ts";

const now = new Date("2026-11-02T10:00:00Z");

describe("Amazon error mapping", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(retryAfterMs("2", now)).toBe(2000);
    expect(retryAfterMs("Mon, 02 Nov 2026 10:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it("keeps Amazon's wait on a server error when it gives one", () => {
    expect(shipmentFailure(503, "", "7", now)).toMatchObject({
      retryable: true,
      retryAfterMs: 7000,
    });
    expect(shipmentFailure(503, "", null, now)).not.toHaveProperty("retryAfterMs");
  });

  it("joins every message of a multi-error answer and keeps the first code", () => {
    const body = JSON.stringify({
      errors: [
        { code: "InvalidInput", message: "shipDate is in the future.", details: "" },
        { code: "InvalidInput", message: "trackingNumber is not valid for UPS.", details: "" },
      ],
    });
    expect(shipmentFailure(400, body, null, now)).toEqual({
      ok: false,
      retryable: false,
      code: "InvalidInput",
      message: "shipDate is in the future. trackingNumber is not valid for UPS.",
    });
  });

  it("names an unexpected refusal by its status when the body says nothing", () => {
    expect(shipmentFailure(413, "", null, now)).toEqual({
      ok: false,
      retryable: false,
      code: "HTTP_413",
      message: "Amazon SP-API refused the shipment confirmation: HTTP 413.",
    });
  });
});
