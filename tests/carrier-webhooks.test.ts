import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARRIER_ADAPTERS, createCarrierRegistry } from "../src/carriers/registry.ts";

const findAdapter = (code: string) => createCarrierRegistry().adapter(code);

import { graphql } from "./generated/index.ts";
import { buildOrder } from "./helpers/factories.ts";
import { ConfirmShipment } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";
import { postWebhook, SIGN } from "./helpers/webhooks.ts";

/** The providers' published examples are years old; their orders were placed before them. */
const FIXTURE_ERA = "2015-01-01T00:00:00Z";

/** Signature checks the server made: a request it can refuse without a secret must make none. */
let verifications = 0;
const countingCarriers = createCarrierRegistry(
  CARRIER_ADAPTERS.map((adapter) => {
    const verify = adapter.verifyWebhook;
    if (!verify) return adapter;
    return {
      ...adapter,
      verifyWebhook: (input: Parameters<typeof verify>[0]) => {
        verifications += 1;
        return verify(input);
      },
    };
  }),
);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ carriers: countingCarriers });
});
afterAll(() => server.close());

const SECRET = "whsec_test_0123456789abcdef";

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

/** Registers a webhook for the test tenant; its path. */
async function createWebhook(provider: string, secret = SECRET): Promise<string> {
  const created = await server.request(CreateWebhook, { input: { provider, secret } });
  expect(created.data?.createCarrierWebhook.errors).toEqual([]);
  return created.data?.createCarrierWebhook.webhook?.path ?? "";
}

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await postWebhook(server, path, body, headers);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const deliveryCount = () => server.database.db.webhookDelivery.count();

describe.each(["aftership", "17track", "easypost"])("POST /webhooks/carriers/%s", (provider) => {
  let path = "";
  beforeAll(async () => {
    path = await createWebhook(provider);
    const { trackingNumber, carrier } = fixture(provider);
    const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
    await server.request(ConfirmShipment, {
      input: { orderId, carrier, trackingNumber, force: true },
    });
  });

  it("ingests a signed delivery after answering 202, and a replay changes nothing", async () => {
    const { body, trackingNumber } = fixture(provider);
    const first = await post(path, body, SIGN[provider]!(body, SECRET));
    expect(first.status).toBe(202);
    await server.drainJobs();
    const tracked = (await server.request(TrackedShipment, { trackingNumber })).data?.trackShipment;
    expect(tracked?.status).toBe("DELIVERED");
    const eventsBefore = tracked?.timeline.length ?? 0;
    expect(eventsBefore).toBeGreaterThan(1);

    const before = await deliveryCount();
    const replay = await post(path, body, SIGN[provider]!(body, SECRET));
    expect(replay).toEqual({ status: 200, body: { duplicate: true } });
    await server.drainJobs();
    expect(await deliveryCount()).toBe(before);
    const after = (await server.request(TrackedShipment, { trackingNumber })).data?.trackShipment;
    expect(after?.timeline).toHaveLength(eventsBefore);
  });

  it("answers 401 and stores nothing for a bad signature, a tampered body or no signature", async () => {
    const { body } = fixture(provider);
    const before = await deliveryCount();
    const wrongSecret = await post(path, body, SIGN[provider]!(body, "not-the-secret"));
    const tampered = await post(path, body.replace(/"/, ' "'), SIGN[provider]!(body, SECRET));
    const unsigned = await post(path, body, {});
    expect([wrongSecret.status, tampered.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(await deliveryCount()).toBe(before);
  });

  it("names the endpoint in the path it gives the tenant, and still takes ?endpoint=", async () => {
    expect(path).toMatch(new RegExp(`^/webhooks/carriers/${provider}/[a-z0-9]+$`));
    const id = path.split("/").at(-1);
    const { body } = fixture(provider);
    const variant = body.replace(/\}\s*$/, ', "trackline_test": 1}');
    // Paths handed out before the id moved into the path keep working.
    const legacy = `/webhooks/carriers/${provider}?endpoint=${id}`;
    const response = await post(legacy, variant, SIGN[provider]!(variant, SECRET));
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
    const path = await createWebhook("aftership");
    const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
    await server.request(ConfirmShipment, {
      input: {
        orderId,
        carrier: first!.carrier,
        trackingNumber: first!.trackingNumber,
        force: true,
      },
    });
    expect((await post(path, body, SIGN.aftership!(body, SECRET))).status).toBe(202);
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
    let path = "";

    beforeAll(async () => {
      path = await createWebhook(provider);
      const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
      await server.request(ConfirmShipment, {
        input: { orderId, carrier, trackingNumber, force: true },
      });
    });

    it("keeps the late scan on the timeline but the shipment DELIVERED", async () => {
      expect((await post(path, body, SIGN[provider]!(body, SECRET))).status).toBe(202);
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
    const path = await createWebhook("17track");
    const orderId = await buildOrder(server, { placedAt: FIXTURE_ERA });
    await server.request(ConfirmShipment, {
      input: { orderId, carrier: "ups", trackingNumber: number, force: true },
    });
    const track = async () =>
      (await server.request(TrackedShipment, { trackingNumber: number })).data?.trackShipment;

    expect((await post(path, published, SIGN["17track"]!(published, SECRET))).status).toBe(202);
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

    expect((await post(path, resend, SIGN["17track"]!(resend, SECRET))).status).toBe(202);
    await server.drainJobs();
    const second = await track();
    expect(second?.status).toBe("DELIVERED");
    expect(second?.timeline).toHaveLength(6);
    expect(second?.timeline.at(-1)).toEqual({ status: "IN_TRANSIT", rawCode: "Arrival" });
  });
});

describe("webhook routing and set-up", () => {
  it("answers 404 for a carrier that sends no webhooks and 405 for GET", async () => {
    expect((await post("/webhooks/carriers/ups/abc", "{}", {})).status).toBe(404);
    const get = await fetch(server.url.replace("/graphql", "/webhooks/carriers/aftership"));
    expect(get.status).toBe(405);
  });

  it("refuses to register a provider without signed webhooks or a secret under 24 characters", async () => {
    const ups = await server.request(CreateWebhook, { input: { provider: "ups", secret: SECRET } });
    expect(ups.data?.createCarrierWebhook.errors).toEqual([
      { code: "UNKNOWN_CARRIER", field: "provider" },
    ]);
    for (const secret of ["abc", "whsec_test_0123456789", " 23-characters-secret-12 "]) {
      const short = await server.request(CreateWebhook, {
        input: { provider: "aftership", secret },
      });
      expect(short.data?.createCarrierWebhook.errors).toEqual([
        { code: "INVALID_INPUT", field: "secret" },
      ]);
    }
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
    const path = await createWebhook("aftership");
    const response = await post(path, body, SIGN.aftership!(body, SECRET));
    expect(response.status).toBe(202);
    await server.drainJobs();
    const row = await server.database.db.webhookDelivery.findFirstOrThrow({
      where: { eventId: "evt-broken" },
    });
    expect(row.state).toBe("FAILED");
    expect(row.error).toMatch(/msg/);
  });
});

describe("a request is refused before any signature work unless it names its endpoint", () => {
  let aftershipPath = "";
  let easypostId = "";
  const { body } = fixture("aftership");
  const signed = () => SIGN.aftership!(body, SECRET);

  beforeAll(async () => {
    aftershipPath = await createWebhook("aftership");
    easypostId = (await createWebhook("easypost")).split("/").at(-1)!;
  });

  /** Sends the headers and a first chunk, never the rest; the status the server answers with. */
  function statusWhileBodyOpen(path: string, headers: Record<string, string>): Promise<number> {
    const url = new URL(server.url.replace("/graphql", path));
    return new Promise<number>((resolve, reject) => {
      const request = httpRequest(url, { method: "POST", headers });
      const timer = setTimeout(() => {
        request.destroy();
        reject(new Error("no answer while the body was still open"));
      }, 5_000);
      request.on("response", (response) => {
        clearTimeout(timer);
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.write("{");
    });
  }

  /** Posts a correctly signed delivery; its status and the signature checks it cost. */
  async function probe(path: string): Promise<{ status: number; verifications: number }> {
    const before = verifications;
    const { status } = await post(path, body, signed());
    return { status, verifications: verifications - before };
  }

  it("answers 404 to a request naming no endpoint, stores nothing, checks no signature", async () => {
    const stored = await deliveryCount();
    // Before, every aftership endpoint's secret was tried and the one that verified accepted it.
    expect(await probe("/webhooks/carriers/aftership")).toEqual({ status: 404, verifications: 0 });
    expect(await probe("/webhooks/carriers/aftership/")).toEqual({ status: 404, verifications: 0 });
    expect(await probe("/webhooks/carriers/aftership?endpoint=")).toEqual({
      status: 404,
      verifications: 0,
    });
    expect(await deliveryCount()).toBe(stored);
  });

  it("answers 404 to an unknown endpoint or one of another provider, checking no signature", async () => {
    const stored = await deliveryCount();
    for (const path of [
      "/webhooks/carriers/aftership/cknotanendpoint0000000000",
      "/webhooks/carriers/aftership?endpoint=cknotanendpoint0000000000",
      `/webhooks/carriers/aftership/${easypostId}`,
      `/webhooks/carriers/aftership?endpoint=${easypostId}`,
    ]) {
      expect({ path, ...(await probe(path)) }).toEqual({ path, status: 404, verifications: 0 });
    }
    expect(await deliveryCount()).toBe(stored);
    // The same signed body at the right endpoint costs one check and is taken.
    expect(await probe(aftershipPath)).toMatchObject({ verifications: 1 });
  });

  it("answers an unknown endpoint without waiting for the body", async () => {
    const headers = { "content-type": "application/json", "content-length": "1000000" };
    // Headers and a first chunk only: a server that read the body first would never answer.
    for (const path of [
      "/webhooks/carriers/aftership/cknothere",
      "/webhooks/carriers/aftership?endpoint=cknothere",
    ]) {
      expect({ path, status: await statusWhileBodyOpen(path, headers) }).toEqual({
        path,
        status: 404,
      });
    }
  });

  it("answers 413 to a body declared over 1 MB before reading or verifying it", async () => {
    const before = verifications;
    const stored = await deliveryCount();
    const status = await statusWhileBodyOpen(aftershipPath, {
      ...signed(),
      "content-length": String(2 * 1024 * 1024),
    });
    expect(status).toBe(413);
    expect(verifications - before).toBe(0);
    expect(await deliveryCount()).toBe(stored);
  });

  it("answers 413 to an undeclared (chunked) body that grows over 1 MB", async () => {
    const big = JSON.stringify({ padding: "x".repeat(1024 * 1024) });
    const url = new URL(server.url.replace("/graphql", aftershipPath));
    // No content-length: node sends it chunked, so the cap must hold while reading.
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(url, { method: "POST", headers: SIGN.aftership!(big, SECRET) });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end(big);
    });
    expect(status).toBe(413);
  });
});
