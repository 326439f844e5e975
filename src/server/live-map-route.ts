import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { PACKAGE_ROOT } from "../files/package-root.ts";
import { renderBaseMap } from "./live-map/base-map.ts";
import { LIVE_MAP_ASSETS, renderLiveMapPage } from "./live-map/page.ts";
import { createStaticAsset, type StaticAsset, sendStaticAsset } from "./static-asset.ts";

/** The page of the live parcel map (decision 045); its files are under /map/. */
export const LIVE_MAP_PATH = "/map";

const OWN_FILES = path.join(PACKAGE_ROOT, "src/server/live-map");
const JS = "text/javascript; charset=utf-8";

/**
 * Only this server's files, and connections back to it: the key the page holds can go nowhere
 * else, and an injected script could not load from elsewhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6" fill="#0072b2"/></svg>`;

export interface LiveMapRoute {
  matches(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, path: string): void;
}

/** GET /map and its files. The page and its base map are rendered on the first request, then kept. */
export function createLiveMapRoute(): LiveMapRoute {
  let files: Map<string, StaticAsset> | undefined;
  const load = () => {
    files ??= new Map([
      [
        LIVE_MAP_PATH,
        createStaticAsset("text/html; charset=utf-8", renderLiveMapPage(renderBaseMap())),
      ],
      ...(
        [
          "live-map.js",
          "api.js",
          "event-stream.js",
          "projection.js",
          "queries.js",
          "text.js",
        ] as const
      ).map((name) => [`${LIVE_MAP_ASSETS}${name}`, ownFile(JS, name)] as const),
      [`${LIVE_MAP_ASSETS}live-map.css`, ownFile("text/css; charset=utf-8", "live-map.css")],
      [`${LIVE_MAP_ASSETS}favicon.svg`, createStaticAsset("image/svg+xml", FAVICON)],
    ]);
    return files;
  };
  return {
    matches: (pathname) => pathname === LIVE_MAP_PATH || pathname.startsWith(LIVE_MAP_ASSETS),
    handle(req, res, pathname) {
      res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
      res.setHeader("referrer-policy", "no-referrer");
      res.setHeader("x-frame-options", "DENY");
      sendStaticAsset(req, res, load().get(pathname));
    },
  };
}

function ownFile(contentType: string, name: string): StaticAsset {
  return createStaticAsset(contentType, readFileSync(path.join(OWN_FILES, name)));
}
