import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { buildOrder } from "./factories.ts";
import { ConfirmShipment } from "./operations.ts";
import type { TestServer } from "./test-server.ts";

/** Signs as each provider documents, independently of the adapters under test. */
export const SIGN: Record<string, (body: string, secret: string) => Record<string, string>> = {
  aftership: (body, secret) => ({
    "aftership-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
  }),
  easypost: (body, secret) => ({
    "x-hmac-signature": `hmac-sha256-hex=${createHmac("sha256", secret.normalize("NFKD")).update(body).digest("hex")}`,
  }),
  "17track": (body, secret) => ({
    sign: createHash("sha256").update(`${body}/${secret}`).digest("hex"),
  }),
};

/** POSTs a raw body to a webhook path of the test server, with the given (signature) headers. */
export async function postWebhook(
  server: TestServer,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(server.url.replace("/graphql", path), {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** The providers' published examples are years old; their orders were placed before them. */
export const FIXTURE_ERA = "2015-01-01T00:00:00Z";

/** AfterShip's `tracking_update` as its delivered fixture has it (6 checkpoints). */
export interface AftershipPayload {
  event_id: string;
  msg: { tracking_number: string; checkpoints: Record<string, unknown>[] };
}

/** A fresh copy of AfterShip's delivered fixture, under this event id and tracking number. */
export function aftershipDelivered(eventId: string, trackingNumber: string): AftershipPayload {
  const payload = JSON.parse(
    readFileSync(
      new URL("../../src/carriers/aftership/__fixtures__/delivered.json", import.meta.url),
      "utf8",
    ),
  ) as AftershipPayload;
  payload.event_id = eventId;
  payload.msg.tracking_number = trackingNumber;
  return payload;
}

/** An AfterShip endpoint of the server's tenant with this signing secret; its id. */
export async function createAftershipEndpoint(server: TestServer, secret: string): Promise<string> {
  const endpoint = await server.database.db.webhookEndpoint.create({
    data: {
      tenantId: server.tenant.tenantId,
      provider: "aftership",
      secret: server.secretBox.seal(secret),
    },
  });
  return endpoint.id;
}

/** An order placed in the fixtures' era, shipped with this YunExpress number. */
export async function confirmFixtureParcel(server: TestServer, trackingNumber: string) {
  const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
  const confirmed = await server.request(ConfirmShipment, {
    input: { orderId, carrier: "yunexpress", trackingNumber, force: true },
  });
  if (confirmed.data?.confirmShipment.errors.length !== 0) {
    throw new Error(`confirmShipment failed: ${JSON.stringify(confirmed)}`);
  }
}
