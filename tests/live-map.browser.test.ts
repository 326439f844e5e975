import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browserSkipReason,
  launchBrowser,
  recordExternalRequests,
  screenshot,
} from "./helpers/browser.ts";
import { buildShipment } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
let browser: Browser;
let mapUrl = "";
/** Shipment ids by name, and their tracking numbers. */
const ids: Record<string, string> = {};

let minute = 0;
/** An event at a place, each a minute after the last (the test server's clock is 2026-11-20). */
async function scan(
  id: string,
  status: string,
  city: string,
  countryCode: string,
  substatus?: string,
) {
  minute += 1;
  const occurredAt = `2026-11-19T${String(8 + Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00Z`;
  const result = await server.request(RecordEvents, {
    input: {
      shipmentId: id,
      events: [
        { occurredAt, status, substatus, rawCode: `S${minute}`, location: { city, countryCode } },
      ],
    } as never,
  });
  expect(result.data?.recordTrackingEvents.errors).toEqual([]);
}

async function signIn(page: Page, key: string) {
  await page.goto(mapUrl);
  await page.fill("#api-key", key);
  await page.click("#login button[type=submit]");
}

const dot = (id: string) => `#dots [data-id="${id}"]`;

describe.skipIf(browserSkipReason())("the live map in Chromium", () => {
  beforeAll(async () => {
    server = await startTestServer();
    mapUrl = server.url.replace(/\/graphql$/, "/map");
    browser = await launchBrowser();
    ids.shenzhen = await buildShipment(server);
    await scan(ids.shenzhen, "IN_TRANSIT", "Shenzhen", "CN");
    ids.frankfurt = await buildShipment(server);
    await scan(ids.frankfurt, "IN_TRANSIT", "Frankfurt am Main", "DE");
    ids.held = await buildShipment(server);
    await scan(ids.held, "EXCEPTION", "Chicago", "US", "CUSTOMS_HELD");
    ids.delivered = await buildShipment(server);
    await scan(ids.delivered, "DELIVERED", "New York City", "US");
    ids.unplaced = await buildShipment(server);
    await server.drainJobs();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the store's parcels in transit, follows new events live, and opens a timeline", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external = recordExternalRequests(page);
    const requested: string[] = [];
    let scriptBytes = 0;
    page.on("request", (request) => requested.push(request.url()));
    page.on("response", async (response) => {
      if (response.request().resourceType() === "script") {
        scriptBytes += (await response.body()).length;
      }
    });

    await signIn(page, server.tenant.apiKey);
    await page.waitForSelector(dot(ids.held!));
    await page.waitForSelector("#live:text('Live')");
    expect(await page.locator("#dots [data-id]").count()).toBe(3);
    expect(await page.locator(dot(ids.delivered!)).count()).toBe(0);
    // Without a place the parcel is in the list only.
    expect(await page.locator(`#rows [data-id="${ids.unplaced}"]`).count()).toBe(1);
    expect(await page.locator("#rows tr").count()).toBe(4);
    expect(await page.locator(dot(ids.held!)).getAttribute("class")).toContain("has-exception");
    // Drawn over calm parcels at the same place.
    expect(await page.locator(`#dots-attention [data-id="${ids.held}"]`).count()).toBe(1);
    expect(await page.locator(dot(ids.shenzhen!)).getAttribute("class")).not.toContain(
      "has-exception",
    );
    expect(await page.locator(dot(ids.held!)).getAttribute("aria-label")).toMatch(
      /: Exception, Chicago, US, open exception: Customs held$/,
    );
    // Shenzhen lies east of Frankfurt and south of it on the map.
    const [shenzhen, frankfurt] = await Promise.all(
      [ids.shenzhen!, ids.frankfurt!].map((id) => page.locator(dot(id)).boundingBox()),
    );
    expect(shenzhen!.x).toBeGreaterThan(frankfurt!.x);
    expect(shenzhen!.y).toBeGreaterThan(frankfurt!.y);
    await screenshot(page, "live-map-desktop");

    // An event moves and recolours a dot, without a reload.
    const before = await page.locator(dot(ids.frankfurt!)).getAttribute("transform");
    await page.evaluate(() => {
      (window as unknown as { marker: boolean }).marker = true;
    });
    await scan(ids.frankfurt!, "OUT_FOR_DELIVERY", "Paris", "FR");
    await page.waitForFunction(
      ([selector, old]) => {
        const element = document.querySelector(selector!);
        return (
          element?.getAttribute("data-status") === "OUT_FOR_DELIVERY" &&
          element.getAttribute("transform") !== old
        );
      },
      [dot(ids.frankfurt!), before],
      { timeout: 2000 },
    );
    expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(
      true,
    );

    // A parcel that starts moving appears; a delivered one leaves.
    const tokyo = await buildShipment(server);
    await scan(tokyo, "IN_TRANSIT", "Tokyo", "JP");
    await page.waitForSelector(dot(tokyo), { timeout: 2000 });
    await scan(ids.shenzhen!, "DELIVERED", "Shenzhen", "CN");
    await page.waitForSelector(dot(ids.shenzhen!), { state: "detached", timeout: 2000 });

    // A click opens the timeline; the newest scan is first.
    await page.click(dot(ids.frankfurt!));
    await page.waitForSelector("#panel-body .timeline li");
    expect(await page.locator("#panel-title").textContent()).toContain("Parcel 1Z");
    const entries = await page.locator("#panel-body .timeline li").allTextContents();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain("Paris, FR");
    expect(entries[1]).toContain("Frankfurt am Main, DE");
    await screenshot(page, "live-map-timeline");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#panel", { state: "hidden" });

    // Enter on a focused dot does the same.
    await page.focus(dot(ids.held!));
    await page.keyboard.press("Enter");
    await page.waitForSelector("#panel-body .timeline li");
    expect(await page.locator("#panel-body").textContent()).toContain("Chicago");

    // The key is in sessionStorage only, and leaves the page in the Authorization header only.
    expect(await page.evaluate(() => sessionStorage.getItem("trackline.apiKey"))).toBe(
      server.tenant.apiKey,
    );
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(requested.filter((url) => url.includes(server.tenant.apiKey))).toEqual([]);
    await page.click("#sign-out");
    await page.waitForSelector("#login:not([hidden])");
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.locator("#dots [data-id]").count()).toBe(0);

    expect(external).toEqual([]);
    expect(scriptBytes).toBeGreaterThan(0);
    expect(scriptBytes).toBeLessThan(30_000);
    await page.close();
  });

  it("shows the API's error for a mistyped key, and refuses one with impossible characters", async () => {
    const page = await browser.newPage();
    const external = recordExternalRequests(page);
    const key = server.tenant.apiKey;
    // One character changed: the checksum no longer matches.
    const last = key.at(-1) === "A" ? "B" : "A";
    await signIn(page, `${key.slice(0, -1)}${last}`);
    await page.waitForSelector("#login-error:text('malformed API key')");
    expect(await page.locator("#login-error").textContent()).toContain("(MALFORMED_API_KEY)");
    expect(await page.locator("#dashboard").isHidden()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await screenshot(page, "live-map-wrong-key");

    await signIn(page, "ключ");
    await page.waitForSelector("#login-error:text('characters an API key never has')");
    expect(external).toEqual([]);
    await page.close();
  });

  it("works at phone width, with the list as an alternative to the map", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, server.tenant.apiKey);
    await page.waitForSelector(dot(ids.held!));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const box = await page.locator(`${dot(ids.held!)} .core`).boundingBox();
    // Large enough to tap although the map is a third as wide.
    expect(box!.width).toBeGreaterThanOrEqual(6);
    await page.click(`#rows [data-open="${ids.held}"]`);
    await page.waitForSelector("#panel-body .timeline li");
    await screenshot(page, "live-map-phone");
    await page.close();
  });

  it("opens the stream again when it fails, and catches up on what it missed", async () => {
    const page = await browser.newPage();
    let streams = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first attempt of each of the two streams fails; the retries wait until released.
    await page.route("**/graphql", async (route) => {
      if (route.request().headers().accept !== "text/event-stream") return route.continue();
      streams += 1;
      if (streams <= 2) return route.abort("connectionreset");
      await released;
      return route.continue();
    });
    await signIn(page, server.tenant.apiKey);
    await page.waitForSelector(dot(ids.held!));
    await page.waitForSelector("#live:text('Reconnecting')");
    await expect.poll(() => streams, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    // Recorded while the page has no stream: only the list read on reconnecting can bring it.
    const missed = await buildShipment(server);
    await scan(missed, "IN_TRANSIT", "Sydney", "AU");
    release();
    await page.waitForSelector(dot(missed), { timeout: 5000 });
    await page.waitForSelector("#live:text('Live')");
    await page.close();
  });
});
