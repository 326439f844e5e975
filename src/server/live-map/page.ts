import {
  JOURNEY_ENDING_SUBSTATUSES,
  TERMINAL_STATUSES,
  TRACKING_STATUSES,
} from "../../vocabulary/index.ts";
import type { BaseMap } from "./base-map.ts";

/** Where the page's own files are served. */
export const LIVE_MAP_ASSETS = "/map/";

/** At most this many parcels are drawn; the page says so when a store has more. */
export const LIVE_MAP_CAP = 2000;

const words = (code: string) => {
  const text = code.toLowerCase().replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A status's swatch in the legend: the same classes as the dots, so colours live in the CSS. */
const swatch = (classes: string) =>
  `<svg class="swatch" viewBox="-10 -10 20 20" aria-hidden="true"><g class="${classes}"><circle class="ring"/><circle class="core"/></g></svg>`;

/**
 * The page around the script: the sign-in form, the base map with an empty layer for dots, the
 * legend, the timeline panel and the list. Everything the script needs from the server (the
 * projection, the cap, which statuses end a journey) is in data attributes; nothing is inline
 * but markup, so the Content-Security-Policy needs no hash or nonce.
 */
export function renderLiveMapPage(map: BaseMap): string {
  const travelling = TRACKING_STATUSES.filter((status) => !TERMINAL_STATUSES.has(status));
  const legend = travelling
    .map((status) => `<li>${swatch(`dot status-${status}`)}${words(status)}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>trackline live map</title>
    <link rel="icon" href="${LIVE_MAP_ASSETS}favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${LIVE_MAP_ASSETS}live-map.css" />
    <script type="module" src="${LIVE_MAP_ASSETS}live-map.js"></script>
  </head>
  <body>
    <header class="top">
      <h1>Live parcel map</h1>
      <div id="session" hidden>
        <span id="live" class="live off" role="status">Connecting…</span>
        <button id="sign-out" type="button">Sign out</button>
      </div>
    </header>
    <main>
      <noscript><p>The live map needs JavaScript. The same data is in the GraphQL API at /graphql.</p></noscript>
      <form id="login" class="login" hidden>
        <h2>Sign in with an API key</h2>
        <p>The key is kept in this browser tab only (sessionStorage, cleared when the tab closes or
          you sign out) and is sent to this server's /graphql only, in the Authorization header.</p>
        <label for="api-key">API key</label>
        <input id="api-key" name="api-key" type="password" autocomplete="off" spellcheck="false" required />
        <button type="submit">Sign in</button>
        <p id="login-error" class="error" role="alert"></p>
      </form>
      <div id="dashboard" hidden>
        <div class="toolbar">
          <label for="store">Store</label>
          <select id="store"></select>
          <p id="status" role="status" aria-live="polite"></p>
        </div>
        <div class="layout">
          <figure class="map">
            <svg id="map" viewBox="0 0 ${map.width} ${map.height}" role="group" aria-labelledby="map-title"
              data-scale="${map.scale}" data-tx="${map.translate[0]}" data-ty="${map.translate[1]}"
              data-cap="${LIVE_MAP_CAP}" data-ended-statuses="${[...TERMINAL_STATUSES].join(" ")}"
              data-ended-substatuses="${[...JOURNEY_ENDING_SUBSTATUSES].join(" ")}">
              <title id="map-title">World map of the store's parcels in transit, one dot each</title>
              <path class="sphere" d="${map.sphere}" />
              <path class="land" d="${map.land}" />
              <path class="borders" d="${map.borders}" />
              <g id="dots"><g id="dots-calm"></g><g id="dots-attention"></g></g>
            </svg>
            <figcaption>
              <h2 class="legend-title">Legend</h2>
              <ul class="legend">${legend}<li>${swatch("dot status-IN_TRANSIT has-exception")}Ringed: open exception</li></ul>
              <p class="note">Each dot is a parcel at its latest known place (parcels at one place
                overlap: the list below has them all). Up to ${LIVE_MAP_CAP.toLocaleString("en")}
                parcels are drawn.</p>
            </figcaption>
          </figure>
          <aside id="panel" class="panel" hidden aria-labelledby="panel-title">
            <div class="panel-head">
              <h2 id="panel-title" tabindex="-1">Parcel</h2>
              <button id="panel-close" type="button" aria-label="Close the timeline">Close</button>
            </div>
            <div id="panel-body"></div>
          </aside>
        </div>
        <section class="list" aria-labelledby="list-title">
          <h2 id="list-title">Parcels in transit (list)</h2>
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">Tracking number</th><th scope="col">Status</th><th scope="col">Place</th><th scope="col">Open exceptions</th><th scope="col">Latest scan</th></tr></thead>
              <tbody id="rows"></tbody>
            </table>
          </div>
        </section>
      </div>
    </main>
  </body>
</html>
`;
}
