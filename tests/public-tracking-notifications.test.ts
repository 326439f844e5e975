import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailChannel } from "../src/server/email-channel.ts";
import { type SmtpInbox, startSmtpInbox } from "./fakes/smtp-inbox.ts";
import { graphql } from "./generated/index.ts";
import { globalId } from "./helpers/factories.ts";
import { buildParcel, SetRules, scan } from "./helpers/notifications.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const NotifiedLink = graphql(`
  query NotifiedLink($id: ID!) {
    shipment(id: $id) { publicUrl }
  }
`);

const clock = new Date("2026-11-20T19:00:00Z");
let server: TestServer;
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  server = await startTestServer({
    now: () => clock,
    publicUrl: "https://track.example",
    notificationChannels: {
      email: createEmailChannel({ url: inbox.url, from: "Acme Shop <orders@acme.example>" }),
      sms: null,
    },
  });
  const rules = await server.request(SetRules, {
    input: { storeId: globalId("Store", server.tenant.amazonStoreId), enabled: true },
  });
  expect(rules.data?.setStoreNotificationRules.errors).toEqual([]);
});
afterAll(async () => {
  await server.close();
  await inbox.close();
});

describe("buyer notifications with public tracking links", () => {
  it("link the parcel's public page, issuing its token when the seller never read it", async () => {
    const parcel = await buildParcel(server, {
      email: "jane.doe@example.com",
      timeZone: "America/Los_Angeles",
    });
    await scan(
      server,
      parcel.shipmentId,
      new Date(clock.getTime() - 3_600_000),
      "OUT_FOR_DELIVERY",
    );
    const mail = inbox.received.find((m) => m.subject.includes(parcel.nativeOrderId));
    const linked = /https:\/\/track\.example\/t\/[A-Za-z0-9_-]{32}/.exec(mail?.text ?? "")?.[0];
    expect(linked).toBeTruthy();
    expect(mail?.html).toContain(`href="${linked}"`);
    const { data } = await server.request(NotifiedLink, { id: parcel.shipmentId });
    expect(data?.shipment?.publicUrl).toBe(linked);
  });
});
