import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it. */
export const CHROMIUM_PATH = process.env.TRACKLINE_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Why browser tests skip here, or null when they can run. Use as
 * `describe.skipIf(browserSkipReason())(...)`; the reason is printed once so a skipped run says
 * what is missing instead of passing silently.
 */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `Chromium not installed at ${CHROMIUM_PATH} (apt-get install chromium; .ci/run does): browser tests skipped`;
  console.warn(reason);
  return reason;
}

/**
 * Headless Chromium with the flags this machine needs: no sandbox (root), and no background
 * networking (the closed network refuses it, and nothing may call home).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Where a test's screenshots go: test-results/browser/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve(import.meta.dirname, "../../test-results/browser");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Requests the page made that left localhost: the page must work offline (no CDN). */
export function recordExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) && url.protocol !== "data:") {
      external.push(request.url());
    }
  });
  return external;
}
