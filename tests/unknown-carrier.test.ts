import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildOrder } from "./helpers/factories.ts";
import { ConfirmShipment } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ValidateNumber = graphql(`
  query ValidateNumber($carrier: String!, $n: String!) {
    validateTrackingNumber(carrier: $carrier, trackingNumber: $n) {
      valid
      normalized
      errors { code message }
      matches { carrier { code } }
    }
  }
`);

describe("an unknown carrier code", () => {
  it("is UNKNOWN_CARRIER for validateTrackingNumber, as for confirmShipment", async () => {
    const { data } = await server.request(ValidateNumber, {
      carrier: "acme-post",
      n: "1Z5R89390357567127",
    });
    expect(data?.validateTrackingNumber).toMatchObject({
      valid: false,
      normalized: "1Z5R89390357567127",
      errors: [{ code: "UNKNOWN_CARRIER" }],
      matches: [{ carrier: { code: "ups" } }],
    });
    expect(data?.validateTrackingNumber.errors[0]?.message).toBe(
      'Unknown carrier code "acme-post". It matches UPS (ups).',
    );

    const orderId = await buildOrder(server);
    const confirmed = await server.request(ConfirmShipment, {
      input: { orderId, carrier: "acme-post", trackingNumber: "1Z5R89390357567127" },
    });
    expect(confirmed.data?.confirmShipment.errors[0]?.code).toBe("UNKNOWN_CARRIER");
  });

  it("does not change what a known carrier's mismatch is called", async () => {
    const { data } = await server.request(ValidateNumber, {
      carrier: "fedex",
      n: "1Z5R89390357567127",
    });
    expect(data?.validateTrackingNumber.errors.map((error) => error.code)).toEqual([
      "CARRIER_MISMATCH",
    ]);
  });
});
