import { describe, expect, it } from "vitest";
import { createMarketplaceRegistry } from "../../plugins/registry.ts";
import { createTextBook } from "../texts/index.ts";
import { composeMessage, fitPlainText } from "./compose.ts";

const texts = createTextBook(createMarketplaceRegistry());
const base = {
  marketplace: "amazon",
  locale: "en" as const,
  milestone: "OUT_FOR_DELIVERY" as const,
  nativeOrderId: "114-1234567-7654321",
  carrierName: "UPS",
  trackingNumber: "1Z999AA10123456784",
  attempts: 0,
  trackingUrl: null,
  estimate: null,
};

describe("composeMessage", () => {
  it("words the milestone with subject, estimate and link, in text and HTML", () => {
    const message = composeMessage(texts, {
      ...base,
      trackingUrl: "https://track.example/t/abc",
      estimate: { from: "2026-11-24", to: "2026-11-26" },
    });
    expect(message.subject).toBe("Your order 114-1234567-7654321 is out for delivery");
    expect(message.text).toBe(
      [
        "Your order 114-1234567-7654321 is out for delivery today with UPS.",
        "Expected delivery: Nov 24, 2026 – Nov 26, 2026",
        "Track your parcel: https://track.example/t/abc",
      ].join("\n\n"),
    );
    expect(message.html).toContain(
      '<p>Track your parcel: <a href="https://track.example/t/abc">https://track.example/t/abc</a></p>',
    );
  });

  it("escapes every variable in the HTML part", () => {
    const message = composeMessage(texts, {
      ...base,
      nativeOrderId: `<script>alert("x")</script>`,
      trackingUrl: `https://t.example/?a=1&b="2"`,
    });
    expect(message.html).not.toContain("<script>");
    expect(message.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(message.html).toContain('href="https://t.example/?a=1&amp;b=&quot;2&quot;"');
  });

  it("leaves out the link and the estimate when there are none, in the buyer's language", () => {
    const message = composeMessage(texts, { ...base, locale: "th" });
    expect(message.subject).toBe("คำสั่งซื้อ 114-1234567-7654321 ของคุณกำลังนำส่ง");
    expect(message.text).not.toMatch(/ติดตามพัสดุ|คาดว่าจะได้รับ|Track your parcel/);
    // The milestone sentence itself comes from the 14-locale catalogue.
    expect(message.text).not.toContain("is out for delivery today");
  });
});

describe("fitPlainText", () => {
  const url = "https://track.example/t/abcdefghijklmnopqrstuvwxyz0123456789";
  const lines = [
    "Your order 114-1234567-7654321 is out for delivery today with UPS, and will arrive soon.",
    "Expected delivery: Nov 24, 2026 – Nov 26, 2026",
    `Track your parcel: ${url}`,
  ];
  const joined = lines.join("\n\n");

  it("leaves a text that fits as it is", () => {
    expect(fitPlainText(lines, joined.length)).toBe(joined);
  });

  it("shortens the message at a word, with an ellipsis, and keeps the link whole", () => {
    const fitted = fitPlainText(lines, joined.length - 20);
    expect(Array.from(fitted).length).toBeLessThanOrEqual(joined.length - 20);
    expect(fitted).toMatch(/today with UPS…\n\nExpected delivery/);
    expect(fitted.endsWith(`Track your parcel: ${url}`)).toBe(true);
  });

  it("leaves out the estimate, then the link, rather than cut the link or say almost nothing", () => {
    const noEstimate = fitPlainText(lines, 130);
    expect(noEstimate).not.toContain("Expected delivery");
    expect(noEstimate).toMatch(
      /^Your order 114-1234567-7654321 is out for…\n\nTrack your parcel: /,
    );
    expect(noEstimate.endsWith(url)).toBe(true);
    const bodyOnly = fitPlainText(lines, 50);
    expect(bodyOnly).toBe("Your order 114-1234567-7654321 is out for…");
  });

  it("counts characters, not UTF-16 units, and never splits one", () => {
    const emoji = ["📦".repeat(30)];
    const fitted = fitPlainText(emoji, 10);
    expect(Array.from(fitted)).toHaveLength(10);
    expect(fitted).toBe(`${"📦".repeat(9)}…`);
  });
});
