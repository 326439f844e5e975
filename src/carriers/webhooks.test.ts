import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seventeenTrack } from "./17track/index.ts";
import { aftership } from "./aftership/index.ts";
import type { DefinedCarrier } from "./define-carrier.ts";
import { easypost } from "./easypost/index.ts";

const here = dirname(fileURLToPath(import.meta.url));
const body = (code: string) =>
  readFileSync(join(here, code, "__fixtures__", "delivered.json"), "utf8");
const SECRET = "whsec_café_ﬁ_42";
const url = "https://trackline.example/webhooks";

/** Signs a body the way each provider documents it, independently of the adapters. */
const SIGNERS: Record<string, (rawBody: string, secret: string) => Headers> = {
  aftership: (rawBody, secret) =>
    new Headers({
      "aftership-hmac-sha256": createHmac("sha256", secret).update(rawBody).digest("base64"),
    }),
  easypost: (rawBody, secret) =>
    new Headers({
      "X-Hmac-Signature": `hmac-sha256-hex=${createHmac("sha256", secret.normalize("NFKD")).update(rawBody).digest("hex")}`,
    }),
  "17track": (rawBody, secret) =>
    new Headers({ sign: createHash("sha256").update(`${rawBody}/${secret}`).digest("hex") }),
};

describe.each<DefinedCarrier>([aftership, easypost, seventeenTrack])(
  "webhooks: $code",
  (adapter) => {
    const rawBody = body(adapter.code);
    const sign = SIGNERS[adapter.code]!;
    const verify = adapter.verifyWebhook!;

    it("accepts a correctly signed body", () => {
      expect(verify({ rawBody, headers: sign(rawBody, SECRET), secret: SECRET, url })).toBe(true);
    });

    it("rejects a tampered body", () => {
      const tampered = rawBody.replace("Delivered", "Delivere d");
      expect(tampered).not.toBe(rawBody);
      expect(
        verify({ rawBody: tampered, headers: sign(rawBody, SECRET), secret: SECRET, url }),
      ).toBe(false);
    });

    it("rejects a signature made with another secret", () => {
      const headers = sign(rawBody, "another-secret");
      expect(verify({ rawBody, headers, secret: SECRET, url })).toBe(false);
    });

    it("rejects a missing or truncated signature and an empty secret", () => {
      expect(verify({ rawBody, headers: new Headers(), secret: SECRET, url })).toBe(false);
      const [[name, value]] = [...sign(rawBody, SECRET).entries()] as [[string, string]];
      const truncated = new Headers({ [name]: value.slice(0, -2) });
      expect(verify({ rawBody, headers: truncated, secret: SECRET, url })).toBe(false);
      expect(verify({ rawBody, headers: sign(rawBody, ""), secret: "", url })).toBe(false);
    });

    it("names the delivery with a stable id", () => {
      const payload: unknown = JSON.parse(rawBody);
      const id = adapter.webhookEventId!(payload, new Headers());
      expect(id).toBeTruthy();
      expect(adapter.webhookEventId!(JSON.parse(rawBody), new Headers())).toBe(id);
      expect(adapter.webhookEventId!({}, new Headers())).toBeNull();
    });
  },
);

describe("webhook event ids", () => {
  it("AfterShip: event_id, else msg.id + ts", () => {
    expect(
      aftership.webhookEventId!({ event_id: "e-1", msg: { id: "t" }, ts: 1 }, new Headers()),
    ).toBe("e-1");
    expect(aftership.webhookEventId!({ msg: { id: "t-9" }, ts: 1772800000 }, new Headers())).toBe(
      "t-9:1772800000",
    );
  });

  it("EasyPost: the Event id", () => {
    expect(easypost.webhookEventId!({ id: "evt_123" }, new Headers())).toBe("evt_123");
  });

  it("17TRACK: changes when the latest event changes, not on replay", () => {
    const payload = JSON.parse(body("17track")) as {
      data: { track_info: { latest_event: { time_utc: string } } };
    };
    const first = seventeenTrack.webhookEventId!(payload, new Headers());
    payload.data.track_info.latest_event.time_utc = "2026-03-09T10:00:00Z";
    expect(seventeenTrack.webhookEventId!(payload, new Headers())).not.toBe(first);
  });
});
