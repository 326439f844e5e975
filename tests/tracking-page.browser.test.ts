import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTextBook } from "../src/domain/texts/index.ts";
import { createMarketplaceRegistry } from "../src/plugins/registry.ts";
import {
  browserSkipReason,
  launchBrowser,
  recordExternalRequests,
  screenshot,
} from "./helpers/browser.ts";
import { RevokeLink, recordEvents, trackedShipment } from "./helpers/public-tracking.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

/** The buyer's page in a real browser (decision 044): languages, map, live updates, rating. */
const texts = createTextBook(createMarketplaceRegistry());
/** The whole page's JavaScript budget. */
const JS_BUDGET_BYTES = 100 * 1024;

describe.skipIf(browserSkipReason())("the tracking page in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  /** Each page's record of requests that left localhost (filled as the page runs). */
  const external: string[][] = [];
  const browserErrors: string[] = [];
  const revokedUrls = new Set<string>();

  /** A fresh page at a phone's width that records what leaves localhost and what fails. */
  async function openPage(locale = "en-US"): Promise<Page> {
    const context = await browser.newContext({
      locale,
      viewport: { width: 375, height: 812 },
    });
    const page = await context.newPage();
    external.push(recordExternalRequests(page));
    page.on("pageerror", (error) => browserErrors.push(String(error)));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // The revoked link's own 404 is the answer under test; /favicon.ico is the browser's own
      // guess, not a request of the page.
      const source = message.location().url;
      if (revokedUrls.has(source) || new URL(source).pathname === "/favicon.ico") return;
      browserErrors.push(`${message.text()} at ${message.location().url}`);
    });
    return page;
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders the timeline in en, ja and th, with a language switcher", async () => {
    const { url } = await trackedShipment(server);
    const page = await openPage();
    const headings = { en: "Tracking history", ja: "配送履歴", th: "ประวัติการติดตาม" };
    for (const [lang, heading] of Object.entries(headings)) {
      const response = await page.goto(`${url}?lang=${lang}`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await page.textContent("main h2")).toBe(heading);
      expect(await page.locator("main ol > li").count()).toBe(3);
      await screenshot(page, `tracking-page-${lang}`);
    }
    // The switcher is links, reachable by keyboard, and goes where it says.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("hreflang"))).toBe("en");
    await page.click('nav a[hreflang="ja"]');
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    await page.close();
  }, 90_000);

  it("draws the route on the map, with the places in its text alternative", async () => {
    const { url } = await trackedShipment(server);
    const page = await openPage();
    await page.goto(url);
    const map = page.locator("#map svg[role=img]");
    expect(await map.getAttribute("aria-label")).toBe(
      "Map of the parcel's route: Shenzhen, CN → Hong Kong, HK → Los Angeles, US",
    );
    expect(await page.locator("#map path.land").getAttribute("d")).toMatch(/^M/);
    expect(await page.locator("#map path.route").getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+/);
    expect(await page.locator("#map circle.stop").count()).toBe(3);
    expect(await page.locator("#map circle.current title").textContent()).toBe("Los Angeles, US");
    const box = await map.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(375);
    await screenshot(page, "tracking-page-map-phone");
    await page.close();
  });

  it("shows an event recorded through the API within 2 s, without a reload", async () => {
    const { shipmentId, url } = await trackedShipment(server);
    const page = await openPage();
    const scripts: number[] = [];
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script") {
        scripts.push((await response.body()).byteLength);
      }
    });
    await page.goto(url);
    await page.waitForSelector("#live:not([hidden])", { timeout: 5000 });
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await recordEvents(server, shipmentId, [
      {
        occurredAt: "2026-11-07T08:00:00-08:00",
        status: "OUT_FOR_DELIVERY",
        rawCode: "OD",
        location: { city: "Santa Monica", region: "CA", countryCode: "US" },
      },
    ]);
    const expected = texts.status("amazon", "en", "OUT_FOR_DELIVERY", null);
    await page.waitForFunction(
      (text) => document.getElementById("status")?.textContent === text,
      expected,
      { timeout: 2000 },
    );
    expect(await page.locator("main ol > li").count()).toBe(4);
    expect(await page.locator("main ol > li").first().textContent()).toContain("Santa Monica");
    await page.waitForFunction(() => document.querySelectorAll("#map circle.stop").length === 4, {
      timeout: 2000,
    });
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    await screenshot(page, "tracking-page-live");
    // The page's whole JavaScript: one script of ours, well under the budget.
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toBeGreaterThan(0);
    expect(scripts.reduce((sum, bytes) => sum + bytes, 0)).toBeLessThan(JS_BUDGET_BYTES);
    await page.close();
  });

  it("answers a revoked link with the not-found page in the buyer's language", async () => {
    const { shipmentId, url } = await trackedShipment(server);
    const revoked = await server.request(RevokeLink, { input: { shipmentId } });
    expect(revoked.data?.revokePublicTrackingLink.errors).toEqual([]);
    const page = await openPage("ja-JP");
    revokedUrls.add(url);
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    expect(await page.textContent("h1")).toBe("追跡リンクが見つかりません");
    await screenshot(page, "tracking-page-revoked-ja");
    await page.close();
  });

  it("rates a delivered parcel with one tap", async () => {
    const { shipmentId, url } = await trackedShipment(server);
    await recordEvents(server, shipmentId, [
      { occurredAt: "2026-11-08T14:00:00-08:00", status: "DELIVERED", rawCode: "DL" },
    ]);
    const page = await openPage();
    await page.goto(url);
    await page.fill("#comment", "Left with a neighbour, all fine");
    await page.click('button[aria-label="4 out of 5"]');
    await page.waitForFunction(
      () => document.getElementById("rate-status")?.textContent === "Thank you for your rating.",
      null,
      { timeout: 2000 },
    );
    expect(await page.getAttribute('button[aria-label="4 out of 5"]', "aria-pressed")).toBe("true");
    const rawId = Buffer.from(shipmentId, "base64").toString().split(":")[1]!;
    const stored = await server.database.db.deliveryFeedback.findUnique({
      where: { shipmentId: rawId },
    });
    expect(stored).toMatchObject({ rating: 4, comment: "Left with a neighbour, all fine" });
    await screenshot(page, "tracking-page-rated");
    await page.close();
  });

  it("made no request beyond localhost and raised no error in the page", () => {
    expect(external.length).toBeGreaterThan(0);
    expect(external.flat()).toEqual([]);
    expect(browserErrors).toEqual([]);
  });
});
