import { readFileSync } from "node:fs";
import {
  buildClientSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineCarrier } from "../src/carriers/define-carrier.ts";
import { CARRIER_ADAPTERS, createCarrierRegistry } from "../src/carriers/registry.ts";
import { defineMarketplace } from "../src/plugins/define-marketplace.ts";
import { createMarketplaceRegistry, MARKETPLACE_PLUGINS } from "../src/plugins/registry.ts";
import { graphql } from "./generated/index.ts";
import { ConfirmShipment, CreateOrder, RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

/** A throwaway fourth marketplace: one definition, one registry line, nothing else. */
const bazaar = defineMarketplace({
  id: "test-bazaar",
  name: "Test Bazaar",
  sites: [
    {
      code: "NL",
      country: "NL",
      locales: ["en", "de"],
      timeZone: "Europe/Amsterdam",
      currency: "EUR",
      weekend: [6, 7],
    },
  ],
  orderStatuses: {
    open: { state: "READY_TO_SHIP", label: { en: "Open", de: "Offen" } },
    sent: { state: "SHIPPED", label: { en: "Sent", de: "Versendet" } },
    closed: { state: "CANCELLED", label: { en: "Closed" } },
  },
  initialStatus: "open",
  texts: { en: { status: { OUT_FOR_DELIVERY: "With the bazaar courier today" } } },
  textReview: "native",
  validTrackingNeedsScan: false,
});

/** A carrier with an adapter folder's worth of definition and no tracking-number formats. */
const acmePost = defineCarrier({
  code: "acme-post",
  name: "Acme Post",
  trackingUrl: "https://track.acme-post.test/%s",
  codes: { OFD: { status: "OUT_FOR_DELIVERY" } },
  parse: () => [],
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    marketplaces: createMarketplaceRegistry([...MARKETPLACE_PLUGINS, bazaar]),
    carriers: createCarrierRegistry([...CARRIER_ADAPTERS, acmePost]),
  });
});
afterAll(() => server.close());

const CreateStore = graphql(`
  mutation CreateBazaarStore($input: CreateStoreInput!) {
    createStore(input: $input) { store { id site { locales } } errors { code } }
  }
`);

const Parcel = graphql(`
  query BazaarParcel($id: ID!) {
    shipment(id: $id) {
      carrier { name trackingUrl }
      order { state nativeStatus { code label(locale: "de") } }
      timeline(locale: "en") { description }
    }
  }
`);

describe("a fourth marketplace and a new carrier", () => {
  it("serve orders, shipments and wording through the same schema", async () => {
    const store = await server.request(CreateStore, {
      input: { marketplace: "test-bazaar", site: "NL", name: "Bazaar NL" },
    });
    expect(store.data?.createStore.store?.site.locales).toEqual(["en", "de"]);
    const order = await server.request(CreateOrder, {
      input: {
        storeId: store.data!.createStore.store!.id,
        nativeOrderId: "BZ-1",
        destinationCountry: "NL",
        placedAt: "2026-11-01T10:00:00+01:00",
      },
    });
    expect(order.data?.createOrder.order?.state).toBe("READY_TO_SHIP");

    const confirmed = await server.request(ConfirmShipment, {
      input: {
        orderId: order.data!.createOrder.order!.id,
        carrier: "acme-post",
        trackingNumber: "AC123",
      },
    });
    expect(confirmed.data?.confirmShipment.errors).toEqual([]);
    const shipmentId = confirmed.data!.confirmShipment.shipment!.id;
    const recorded = await server.request(RecordEvents, {
      input: { shipmentId, events: [{ occurredAt: "2026-11-04T08:00:00+01:00", rawCode: "OFD" }] },
    });
    expect(recorded.data?.recordTrackingEvents.errors).toEqual([]);

    const { data } = await server.request(Parcel, { id: shipmentId });
    expect(data?.shipment).toEqual({
      carrier: { name: "Acme Post", trackingUrl: "https://track.acme-post.test/AC123" },
      order: { state: "SHIPPED", nativeStatus: { code: "open", label: "Offen" } },
      timeline: [{ description: "With the bazaar courier today" }],
    });
  });

  it("leave the served schema exactly the committed one", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${server.tenant.apiKey}`,
      },
      body: JSON.stringify({ query: getIntrospectionQuery({ oneOf: true }) }),
    });
    const { data } = (await response.json()) as { data: IntrospectionQuery };
    const served = printSchema(lexicographicSortSchema(buildClientSchema(data)));
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(served.trim()).toBe(committed.trim());
  });
});
