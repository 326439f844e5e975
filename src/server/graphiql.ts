import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { PACKAGE_ROOT } from "../files/package-root.ts";
import { createStaticAsset, type StaticAsset, sendStaticAsset } from "./static-asset.ts";

/** Where GraphiQL's files are served; the page itself is on the GraphQL endpoint. */
export const GRAPHIQL_ASSETS = "/graphiql/";

export interface GraphiQLOptions {
  endpoint: string;
  /** Put in GraphiQL's Authorization header: the local demo only (config.prefillGraphiQL). */
  apiKey?: string;
}

export interface GraphiQL {
  /** Answers GET <endpoint> for browsers and GET /graphiql/*; false when it is neither. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

const OWN_FILES = path.join(PACKAGE_ROOT, "src/server/graphiql");
const JS = "text/javascript; charset=utf-8";

/**
 * What a browser may load on the GraphiQL page: only files from this server (the GraphiQL
 * bundle inlines its fonts as data: URLs), and connections back to it (HTTP and WebSocket).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * GraphiQL from the installed packages, so it works offline and loads nothing from a CDN
 * (yoga's default page loads GraphiQL from unpkg). The page is small; its 8 MB of scripts are
 * files beside it that a browser can cache, read from @graphql-yoga/render-graphiql (the
 * version that matches graphql-yoga) on the first request for one of them.
 */
export function createGraphiQL(options: GraphiQLOptions): GraphiQL {
  let assets: Promise<Map<string, StaticAsset>> | undefined;
  const page = renderPage(options);

  return {
    handle(req, res) {
      const pathname = (req.url ?? "/").split("?")[0] ?? "/";
      if (pathname === options.endpoint && req.method === "GET" && wantsHtml(req)) {
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": CONTENT_SECURITY_POLICY,
          "x-content-type-options": "nosniff",
          "referrer-policy": "no-referrer",
          // The page may hold the demo key.
          "cache-control": "no-store",
        });
        res.end(page);
        return true;
      }
      if (!pathname.startsWith(GRAPHIQL_ASSETS)) return false;
      assets ??= loadAssets();
      assets.then(
        (files) => sendStaticAsset(req, res, files.get(pathname.slice(GRAPHIQL_ASSETS.length))),
        (error: unknown) => {
          console.error("GraphiQL assets failed to load:", error);
          res.writeHead(500, { "content-type": "text/plain" }).end("GraphiQL is unavailable");
        },
      );
      return true;
    },
  };
}

/** yoga's own test (`shouldRenderGraphiQL`): a GET whose Accept names text/html. */
function wantsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? "").includes("text/html");
}

function renderPage({ endpoint, apiKey }: GraphiQLOptions): string {
  const options = {
    title: "trackline",
    endpoint,
    ...(apiKey ? { headers: JSON.stringify({ Authorization: `Bearer ${apiKey}` }, null, 2) } : {}),
  };
  // In a <script> element only "</" can end it early; \u003c keeps the JSON the same.
  const json = JSON.stringify(options).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>trackline GraphiQL</title>
    <link rel="icon" href="${GRAPHIQL_ASSETS}favicon.ico" />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS}graphiql.css" />
    <script type="application/json" id="graphiql-options">${json}</script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script src="${GRAPHIQL_ASSETS}monaco-environment.js"></script>
    <script src="${GRAPHIQL_ASSETS}graphql-ws.js"></script>
    <script src="${GRAPHIQL_ASSETS}yoga-graphiql.js"></script>
    <script type="module" src="${GRAPHIQL_ASSETS}page.js"></script>
  </body>
</html>
`;
}

async function loadAssets(): Promise<Map<string, StaticAsset>> {
  const bundle = await import("@graphql-yoga/render-graphiql/graphiql");
  const require = createRequire(import.meta.url);
  // graphql-ws exports no path to its browser build: find it from the package's main file.
  const graphqlWsUmd = path.join(
    path.dirname(require.resolve("graphql-ws")),
    "..",
    "umd",
    "graphql-ws.min.js",
  );
  const own = (name: string) => readFileSync(path.join(OWN_FILES, name));
  const favicon = /^data:([^;]+);base64,(.*)$/s.exec(bundle.favicon);
  const files: [string, string, Buffer | string][] = [
    ["graphiql.css", "text/css; charset=utf-8", bundle.css],
    ["yoga-graphiql.js", JS, bundle.js],
    ["editor.worker.js", JS, bundle.editorWorkerService],
    ["json.worker.js", JS, bundle.jsonWorker],
    ["graphql.worker.js", JS, bundle.graphqlWorker],
    ["graphql-ws.js", JS, readFileSync(graphqlWsUmd)],
    ["monaco-environment.js", JS, own("monaco-environment.js")],
    ["page.js", JS, own("page.js")],
    ["fetcher.js", JS, own("fetcher.js")],
  ];
  if (favicon) files.push(["favicon.ico", favicon[1]!, Buffer.from(favicon[2]!, "base64")]);
  return new Map(
    files.map(([name, contentType, content]) => [name, createStaticAsset(contentType, content)]),
  );
}
