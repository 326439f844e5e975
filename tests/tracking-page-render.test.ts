import { describe, expect, it } from "vitest";
import type { PublicStop, PublicTrackingView } from "../src/domain/public-tracking/view.ts";
import {
  LANGUAGE_NAMES,
  PUBLIC_PAGE_TEXTS,
  textDirection,
} from "../src/domain/texts/public-page.ts";
import { renderRouteMap } from "../src/server/public-tracking-map.ts";
import {
  PAGE_SCRIPT,
  PAGE_SCRIPT_PATH,
  PAGE_STYLE,
  PUBLIC_HEADERS,
  renderTrackingPage,
} from "../src/server/public-tracking-page.ts";
import { SUPPORTED_LOCALES } from "../src/vocabulary/index.ts";

/** The page's parts without a server: map, colours, texts, script budget (decision 044). */
const stop = (name: string, longitude: number, latitude: number, precision = "CITY") =>
  ({ name, longitude, latitude, precision }) as PublicStop;

const view = (over: Partial<PublicTrackingView> = {}): PublicTrackingView => ({
  locale: "en",
  status: "IN_TRANSIT",
  statusText: "In transit",
  trackingNumber: "1Z5R89390357567127",
  carrier: { name: "UPS", trackingUrl: null },
  events: [],
  estimate: null,
  route: [stop("Shenzhen, CN", 114.06, 22.54), stop("Los Angeles, US", -118.24, 34.05)],
  rating: null,
  ...over,
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("the route map", () => {
  it("draws land, the route through the stops in order, and marks the current place", () => {
    const svg = renderRouteMap(view().route, "Route")!;
    expect(svg).toMatch(/^<svg viewBox="0 0 640 360" role="img" aria-label="Route"><title>Route/);
    expect(svg).toMatch(/<path class="land" d="M[^"]{200,}"/);
    expect(svg).toMatch(/<path class="route" d="M[\d.-]+,[\d.-]+/);
    const marks = [...svg.matchAll(/<circle class="([^"]+)" cx="([\d.-]+)"/g)];
    expect(marks.map((m) => m[1])).toEqual(["stop", "stop current"]);
    // Centred on the Pacific: Shenzhen drawn west of Los Angeles, both inside the frame.
    const [west, east] = marks.map((m) => Number(m[2]));
    expect(west).toBeLessThan(east!);
    for (const x of [west!, east!]) expect(x).toBeGreaterThan(0);
    for (const x of [west!, east!]) expect(x).toBeLessThan(640);
  });

  it("shows a place known only to its country as a wide ring, and a lone stop as a region", () => {
    const svg = renderRouteMap([stop("DE", 10.4, 51.1, "COUNTRY")], "Germany")!;
    expect(svg).toContain('<circle class="stop current vague"');
    expect(svg).toMatch(/r="14"/);
    expect(svg).not.toContain('class="route"');
    expect(renderRouteMap([], "nothing")).toBeNull();
  });

  it("escapes the places' words", () => {
    const svg = renderRouteMap([stop('<script>"x"', 0, 0)], "a & b")!;
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("a &#38; b");
  });
});

describe("the page", () => {
  it("gives the map a text alternative listing the route, and a language switcher", () => {
    const html = renderTrackingPage(view());
    expect(html).toContain(
      'aria-label="Map of the parcel&#39;s route: Shenzhen, CN → Los Angeles, US"',
    );
    for (const locale of SUPPORTED_LOCALES) expect(html).toContain(`href="?lang=${locale}"`);
    expect(html).toContain('href="?lang=en" hreflang="en" lang="en" aria-current="true"');
    expect(html).not.toContain('id="rate"');
  });

  it("offers the rating once delivered, showing a rating already given", () => {
    const html = renderTrackingPage(view({ status: "DELIVERED", rating: 3 }));
    expect(html.match(/<button type="submit" name="rating"/g)).toHaveLength(5);
    expect(html).toContain('aria-label="3 out of 5" aria-pressed="true"');
    expect(html).toContain('maxlength="1000"');
  });

  it("writes status colours at AA contrast (4.5:1) on the page's white", () => {
    const tones = [...PAGE_STYLE.matchAll(/\.tone-(\w+)\{color:(#[0-9a-f]{6})\}/g)];
    expect(tones.map((t) => t[1])).toEqual(["ok", "move", "warn", "bad", "idle"]);
    for (const [, , colour] of tones) expect(contrast(colour!, "#ffffff")).toBeGreaterThan(4.5);
  });

  it("uses logical properties only, so a right-to-left locale mirrors the page", () => {
    expect(PAGE_STYLE).not.toMatch(/(margin|padding|border)-(left|right)|text-align:(left|right)/);
    expect(textDirection("ar")).toBe("rtl");
  });

  it("has the page's words and a language name for every locale", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const t = PUBLIC_PAGE_TEXTS[locale];
      for (const word of [t.mapLabel, t.live, t.rateTitle, t.comment, t.thanks, t.language]) {
        expect(word.length).toBeGreaterThan(0);
      }
      expect(t.rateButton).toContain("{n}");
      expect(LANGUAGE_NAMES[locale]).toBeTruthy();
    }
  });

  it("loads one script of its own, under the 100 KB budget, allowed by the policy and nothing else", () => {
    expect(PAGE_SCRIPT.byteLength).toBeGreaterThan(0);
    expect(PAGE_SCRIPT.byteLength).toBeLessThan(100 * 1024);
    expect(PAGE_SCRIPT_PATH).toMatch(/^\/t\/assets\/page\.[0-9a-f]{16}\.js$/);
    const csp = PUBLIC_HEADERS["content-security-policy"]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
  });
});
