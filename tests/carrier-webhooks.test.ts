import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCarrierRegistry } from "../src/carriers/registry.ts";

const findAdapter = (code: string) => createCarrierRegistry().adapter(code);

import { graphql } from "./generated/index.ts";
import { buildOrder } from "./helpers/factories.ts";
import { ConfirmShipment } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

/** The providers' published examples are years old; their orders were placed before them. */
const FIXTURE_ERA = "2015-01-01T00:00:00Z";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SECRET = "whsec_test_0123456789";

/** Signs as each provider documents, independently of the adapters under test. */
const SIGN: Record<string, (body: string, secret: string) => Record<string, string>> = {
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

const CreateWebhook = graphql(`
  mutation CreateWebhook($input: CreateCarrierWebhookInput!) {
    createCarrierWebhook(input: $input) {
      webhook { id provider path }
      errors { code field }
    }
  }
`);

const TrackedShipment = graphql(`
  query TrackedShipment($trackingNumber: String!) {
    trackShipment(trackingNumber: $trackingNumber) { status timeline { status rawCode } }
  }
`);

function fixture(
  provider: string,
  name = "delivered",
): { body: string; trackingNumber: string; carrier: string } {
  const body = readFileSync(
    new URL(`../src/carriers/${provider}/__fixtures__/${name}.json`, import.meta.url),
    "utf8",
  );
  const [first] = findAdapter(provider)!.parse(JSON.parse(body));
  return { body, trackingNumber: first!.trackingNumber, carrier: first!.carrier };
}

async function post(provider: string, body: string, headers: Record<string, string>, query = "") {
  const url = server.url.replace("/graphql", `/webhooks/carriers/${provider}${query}`);
  const response = await fetch(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const deliveryCount = () => server.database.db.webhookDelivery.count();

describe.each(["aftership", "17track", "easypost"])("POST /webhooks/carriers/%s", (provider) => {
  let path = "";
  beforeAll(async () => {
    const created = await server.request(CreateWebhook, { input: { provider, secret: SECRET } });
    path = created.data?.createCarrierWebhook.webhook?.path ?? "";
    const { trackingNumber, carrier } = fixture(provider);
    const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
    await server.request(ConfirmShipment, {
      input: { orderId, carrier, trackingNumber, force: true },
    });
  });

  it("ingests a signed delivery after answering 202, and a replay changes nothing", async () => {
    const { body, trackingNumber } = fixture(provider);
    const first = await post(provider, body, SIGN[provider]!(body, SECRET));
    expect(first.status).toBe(202);
    await server.drainJobs();
    const tracked = (await server.request(TrackedShipment, { trackingNumber })).data?.trackShipment;
    expect(tracked?.status).toBe("DELIVERED");
    const eventsBefore = tracked?.timeline.length ?? 0;
    expect(eventsBefore).toBeGreaterThan(1);

    const before = await deliveryCount();
    const replay = await post(provider, body, SIGN[provider]!(body, SECRET));
    expect(replay).toEqual({ status: 200, body: { duplicate: true } });
    await server.drainJobs();
    expect(await deliveryCount()).toBe(before);
    const after = (await server.request(TrackedShipment, { trackingNumber })).data?.trackShipment;
    expect(after?.timeline).toHaveLength(eventsBefore);
  });

  it("answers 401 and stores nothing for a bad signature, a tampered body or no signature", async () => {
    const { body } = fixture(provider);
    const before = await deliveryCount();
    const wrongSecret = await post(provider, body, SIGN[provider]!(body, "not-the-secret"));
    const tampered = await post(provider, body.replace(/"/, ' "'), SIGN[provider]!(body, SECRET));
    const unsigned = await post(provider, body, {});
    expect([wrongSecret.status, tampered.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(await deliveryCount()).toBe(before);
  });

  it("accepts the endpoint named in the path it gave the tenant", async () => {
    expect(path).toMatch(new RegExp(`^/webhooks/carriers/${provider}\\?endpoint=`));
    const { body } = fixture(provider);
    const variant = body.replace(/\}\s*$/, ', "trackline_test": 1}');
    const response = await post(
      provider,
      variant,
      SIGN[provider]!(variant, SECRET),
      path.slice(path.indexOf("?")),
    );
    expect([200, 202]).toContain(response.status);
  });
});

const HandoffTimeline = graphql(`
  query HandoffTimeline($trackingNumber: String!) {
    trackShipment(trackingNumber: $trackingNumber) {
      carrier { code }
      timeline { status carrier { code name } }
    }
  }
`);

describe("multi-leg hand-off", () => {
  it("shows which carrier made each scan of an aggregator's hand-off to a last-mile carrier", async () => {
    const body = readFileSync(
      new URL("../src/carriers/aftership/__fixtures__/handoff.json", import.meta.url),
      "utf8",
    );
    const [first] = findAdapter("aftership")!.parse(JSON.parse(body));
    await server.request(CreateWebhook, { input: { provider: "aftership", secret: SECRET } });
    const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
    await server.request(ConfirmShipment, {
      input: {
        orderId,
        carrier: first!.carrier,
        trackingNumber: first!.trackingNumber,
        force: true,
      },
    });
    expect((await post("aftership", body, SIGN.aftership!(body, SECRET))).status).toBe(202);
    await server.drainJobs();
    const { data } = await server.request(HandoffTimeline, {
      trackingNumber: first!.trackingNumber,
    });
    expect(data?.trackShipment?.carrier.code).toBe("cainiao");
    const scanners = data?.trackShipment?.timeline.map((entry) => entry.carrier.code);
    expect(scanners?.[0]).toBe("cainiao");
    expect(scanners?.at(-1)).toBe("usps");
    expect(data?.trackShipment?.timeline.at(-1)).toMatchObject({
      status: "DELIVERED",
      carrier: { name: "USPS" },
    });
  });
});

describe.each(["17track", "aftership", "easypost"])(
  "%s says delivered, a later-timed scan follows (decision 023)",
  (provider) => {
    const { body, trackingNumber, carrier } = fixture(provider, "delivered-late-scan");

    beforeAll(async () => {
      await server.request(CreateWebhook, { input: { provider, secret: SECRET } });
      const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
      await server.request(ConfirmShipment, {
        input: { orderId, carrier, trackingNumber, force: true },
      });
    });

    it("keeps the late scan on the timeline but the shipment DELIVERED", async () => {
      expect((await post(provider, body, SIGN[provider]!(body, SECRET))).status).toBe(202);
      await server.drainJobs();
      const tracked = (await server.request(TrackedShipment, { trackingNumber })).data
        ?.trackShipment;
      expect(tracked?.status).toBe("DELIVERED");
      const timeline = tracked?.timeline ?? [];
      expect(timeline.at(-1)?.status).toBe("IN_TRANSIT");
      expect(timeline.at(-2)?.status).toBe("DELIVERED");
      const rows = await server.database.db.trackingEvent.findMany({
        where: { shipment: { trackingNumber } },
        orderBy: { occurredAt: "asc" },
      });
      // Stored as the provider said it; only its say over the status is taken away.
      expect(rows.at(-1)).toMatchObject({ status: "IN_TRANSIT", codeKnown: false });
      expect(rows.at(-2)).toMatchObject({ status: "DELIVERED", codeKnown: true });
    });
  },
);

describe("17TRACK's published example, then a resend with a later-timed scan", () => {
  it("keeps the scans sent without a code, and the resend does not undo DELIVERED", async () => {
    // A number of its own, so the fixtures' events are news to this shipment.
    const number = "1Z2617V10397725790";
    const [published, resend] = ["delivered-uncoded-scans", "delivered-late-scan"].map((name) => {
      const { body, trackingNumber } = fixture("17track", name);
      return body.replaceAll(trackingNumber, number);
    }) as [string, string];
    const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
    await server.request(ConfirmShipment, {
      input: { orderId, carrier: "ups", trackingNumber: number, force: true },
    });
    const track = async () =>
      (await server.request(TrackedShipment, { trackingNumber: number })).data?.trackShipment;

    expect((await post("17track", published, SIGN["17track"]!(published, SECRET))).status).toBe(
      202,
    );
    await server.drainJobs();
    const first = await track();
    expect(first?.status).toBe("DELIVERED");
    expect(first?.timeline.map((entry) => entry.rawCode)).toEqual([
      "InfoReceived",
      "~no_code",
      "~no_code",
      "OutForDelivery",
      "Delivered",
    ]);

    expect((await post("17track", resend, SIGN["17track"]!(resend, SECRET))).status).toBe(202);
    await server.drainJobs();
    const second = await track();
    expect(second?.status).toBe("DELIVERED");
    expect(second?.timeline).toHaveLength(6);
    expect(second?.timeline.at(-1)).toEqual({ status: "IN_TRANSIT", rawCode: "Arrival" });
  });
});

describe("webhook routing and set-up", () => {
  it("answers 404 for a carrier that sends no webhooks and 405 for GET", async () => {
    expect((await post("ups", "{}", {})).status).toBe(404);
    const get = await fetch(server.url.replace("/graphql", "/webhooks/carriers/aftership"));
    expect(get.status).toBe(405);
  });

  it("refuses to register a provider without signed webhooks or with a short secret", async () => {
    const ups = await server.request(CreateWebhook, { input: { provider: "ups", secret: SECRET } });
    expect(ups.data?.createCarrierWebhook.errors).toEqual([
      { code: "UNKNOWN_CARRIER", field: "provider" },
    ]);
    const short = await server.request(CreateWebhook, {
      input: { provider: "aftership", secret: "abc" },
    });
    expect(short.data?.createCarrierWebhook.errors).toEqual([
      { code: "INVALID_INPUT", field: "secret" },
    ]);
  });

  it("processes, at start-up, a delivery stored but not ingested by a previous process", async () => {
    const { db } = server.database;
    const { body, trackingNumber, carrier } = fixture("aftership");
    const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
    const other = trackingNumber.replace(/\d{4}$/, "4321");
    await server.request(ConfirmShipment, {
      input: { orderId, carrier, trackingNumber: other, force: true },
    });
    const endpoint = await db.webhookEndpoint.findFirstOrThrow({
      where: { provider: "aftership" },
    });
    await db.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        eventId: "left-over",
        rawBody: body.replaceAll(trackingNumber, other),
      },
    });
    expect(await server.resumePendingWork()).toBe(1);
    await server.drainJobs();
    const tracked = (await server.request(TrackedShipment, { trackingNumber: other })).data
      ?.trackShipment;
    expect(tracked?.status).toBe("DELIVERED");
    expect(await db.webhookDelivery.count({ where: { state: "RECEIVED" } })).toBe(0);
  });

  it("keeps a delivery whose payload cannot be parsed, marked FAILED with the reason", async () => {
    const body = JSON.stringify({
      event: "tracking_update",
      event_id: "evt-broken",
      msg: "not an object",
    });
    const response = await post("aftership", body, SIGN.aftership!(body, SECRET));
    expect(response.status).toBe(202);
    await server.drainJobs();
    const row = await server.database.db.webhookDelivery.findFirstOrThrow({
      where: { eventId: "evt-broken" },
    });
    expect(row.state).toBe("FAILED");
    expect(row.error).toMatch(/msg/);
  });
});
