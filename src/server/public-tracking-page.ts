import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PublicTrackingView } from "../domain/public-tracking/view.ts";
import {
  LANGUAGE_NAMES,
  PUBLIC_PAGE_TEXTS,
  type PublicPageTexts,
  textDirection,
} from "../domain/texts/public-page.ts";
import { PACKAGE_ROOT } from "../files/package-root.ts";
import {
  SUPPORTED_LOCALES,
  type SupportedLocale,
  type TrackingStatus,
} from "../vocabulary/index.ts";
import { renderRouteMap } from "./public-tracking-map.ts";

/**
 * The page's only style, allowed by its hash. Status colours are at least 4.5:1 on white (AA);
 * logical properties only, so a right-to-left locale mirrors the page.
 */
export const PAGE_STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem;margin-block:.5rem}h2{font-size:1.15rem;margin-block:1.5rem .5rem}
a{color:#1f5fbf}a:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem .75rem;padding:0;margin:0;font-size:.9rem}
nav a[aria-current]{font-weight:700;color:#1a1a1a}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
.tone-ok{color:#1b7f3b}.tone-move{color:#1f5fbf}.tone-warn{color:#8a5a00}.tone-bad{color:#b3261e}.tone-idle{color:#595959}
.status{font-weight:700}.status::before,#timeline li::before{display:inline-block;inline-size:1.25rem;text-align:center;font-weight:700}
.tone-ok::before{content:"✓"/""}.tone-move::before{content:"➜"/""}.tone-warn::before{content:"⌂"/""}.tone-bad::before{content:"!"/""}.tone-idle::before{content:"•"/""}
[dir=rtl] .tone-move::before{transform:scaleX(-1)}
#timeline ol{list-style:none;padding:0}#timeline li{border-inline-start:4px solid currentColor;padding-inline-start:.75rem;margin-block-end:.75rem}
#timeline strong{color:#1a1a1a}time,.place{display:block;color:#555;font-size:.9rem}
figure{margin:1rem 0}svg{display:block;inline-size:100%;block-size:auto;border-radius:.5rem}
.sea{fill:#dce9f5}.land{fill:#f4f1ea;stroke:#9a958c;stroke-width:.5}.route{fill:none;stroke:#b3261e;stroke-width:2.5;stroke-linecap:round}
.stop{fill:#1f5fbf;stroke:#fff;stroke-width:1.5}.stop.current{fill:#b3261e}.stop.vague{fill:#1f5fbf;fill-opacity:.15;stroke:#1f5fbf;stroke-dasharray:4 3}
figcaption{font-size:.9rem;color:#555}
#live{font-size:.9rem;color:#1b7f3b;margin:0}#live::before{content:"●"/"";margin-inline-end:.35rem}
.stars{display:flex;flex-wrap:wrap;gap:.5rem;margin-block:.5rem}
button{font:inherit;min-inline-size:2.75rem;min-block-size:2.75rem;border:2px solid #1f5fbf;border-radius:.5rem;background:#fff;color:#1f5fbf;cursor:pointer}
button[aria-pressed=true]{background:#1f5fbf;color:#fff}
textarea{display:block;inline-size:100%;box-sizing:border-box;font:inherit;margin-block:.25rem .5rem}
label{display:block;font-weight:600}`;
const STYLE_HASH = createHash("sha256").update(PAGE_STYLE).digest("base64");

/** The page's script (plain JS, no build step): live updates and the rating (decision 044). */
export const PAGE_SCRIPT = readFileSync(
  path.join(PACKAGE_ROOT, "src/server/public-tracking-page.js"),
);
/** Its URL carries its content's hash, so it may be cached for good. */
export const PAGE_SCRIPT_PATH = `/t/assets/page.${createHash("sha256").update(PAGE_SCRIPT).digest("hex").slice(0, 16)}.js`;

/** Security headers of every public answer (decision 043; script and connect from 044). */
export const PUBLIC_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  // The token is in the URL: no page this one links to may learn it.
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-robots-tag": "noindex, nofollow",
  "x-content-type-options": "nosniff",
};

/** How a status is shown: a colour and an icon per tone. */
const TONES: Record<TrackingStatus, string> = {
  PENDING: "idle",
  INFO_RECEIVED: "idle",
  IN_TRANSIT: "move",
  OUT_FOR_DELIVERY: "move",
  AVAILABLE_FOR_PICKUP: "warn",
  DELIVERED: "ok",
  DELIVERY_FAILED: "bad",
  EXCEPTION: "bad",
  EXPIRED: "idle",
};

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

function page(locale: SupportedLocale, title: string, body: string, script = false): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${textDirection(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style>${script ? `<script src="${PAGE_SCRIPT_PATH}" defer></script>` : ""}</head>
<body>${body}</body>
</html>
`;
}

function dateTime(iso: string, locale: SupportedLocale): string {
  // The carrier's own wall-clock time: the offset it reported is kept in the datetime attribute.
  const wall = new Date(`${iso.slice(0, 19)}Z`);
  const shown = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(wall);
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(shown)}</time>`;
}

function day(iso: string, locale: SupportedLocale): string {
  const shown = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
  return escapeHtml(shown);
}

/** The map's text alternative: its label and the places in order. */
export function mapLabel(view: PublicTrackingView): string {
  const t = PUBLIC_PAGE_TEXTS[view.locale];
  return `${t.mapLabel}: ${view.route.map((stop) => stop.name).join(" → ")}`;
}

/** The map alone, as an SVG document (the live page fetches it again after a change). */
export function renderMapDocument(view: PublicTrackingView): string | null {
  const svg = renderRouteMap(view.route, mapLabel(view));
  return svg ? svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ') : null;
}

function languageSwitcher(current: SupportedLocale, t: PublicPageTexts): string {
  const links = SUPPORTED_LOCALES.map((locale) => {
    const here = locale === current ? ' aria-current="true"' : "";
    return `<li><a href="?lang=${locale}" hreflang="${locale}" lang="${locale}"${here}>${escapeHtml(LANGUAGE_NAMES[locale])}</a></li>`;
  }).join("");
  return `<nav aria-label="${escapeHtml(t.language)}"><ul>${links}</ul></nav>`;
}

function ratingForm(view: PublicTrackingView, t: PublicPageTexts): string {
  if (view.status !== "DELIVERED") return "";
  const buttons = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<button type="submit" name="rating" value="${n}" aria-label="${escapeHtml(t.rateButton.replace("{n}", String(n)))}" aria-pressed="${view.rating === n}">${"★".repeat(n)}</button>`,
    )
    .join("");
  return `<section id="rate" aria-labelledby="rate-title"><h2 id="rate-title">${escapeHtml(t.rateTitle)}</h2>
<form id="rate-form" data-thanks="${escapeHtml(t.thanks)}" data-failed="${escapeHtml(t.ratingFailed)}">
<label for="comment">${escapeHtml(t.comment)}</label><textarea id="comment" name="comment" maxlength="1000" rows="3"></textarea>
<div class="stars">${buttons}</div><p id="rate-status" role="status">${view.rating ? escapeHtml(t.thanks) : ""}</p></form></section>`;
}

export function renderTrackingPage(view: PublicTrackingView): string {
  const t = PUBLIC_PAGE_TEXTS[view.locale];
  const carrier = view.carrier.trackingUrl
    ? `<a href="${escapeHtml(view.carrier.trackingUrl)}" rel="noreferrer noopener">${escapeHtml(view.carrier.name)}</a>`
    : escapeHtml(view.carrier.name);
  const estimate = view.estimate
    ? `<dt>${escapeHtml(t.estimate)}</dt><dd id="estimate">${day(view.estimate.earliest, view.locale)} – ${day(view.estimate.latest, view.locale)}${view.estimate.explanation.map((line) => `<br><small>${escapeHtml(line)}</small>`).join("")}</dd>`
    : "";
  const entries = [...view.events]
    .reverse()
    .map((event) => {
      const place = event.location
        ? [event.location.city, event.location.region, event.location.countryCode]
            .filter(Boolean)
            .join(", ")
        : "";
      return `<li class="tone-${TONES[event.status]}"><strong>${escapeHtml(event.description)}</strong>${place ? `<span class="place">${escapeHtml(place)}</span>` : ""}${dateTime(event.occurredAt, view.locale)}</li>`;
    })
    .join("\n");
  const map = renderRouteMap(view.route, mapLabel(view));
  const body = `<header>${languageSwitcher(view.locale, t)}</header>
<main id="page" data-locale="${escapeHtml(view.locale)}" data-tones="${escapeHtml(JSON.stringify(TONES))}"><h1>${escapeHtml(t.title)}</h1>
<p id="live" role="status" hidden>${escapeHtml(t.live)}</p>
<dl><dt>${escapeHtml(t.status)}</dt><dd id="status" class="status tone-${TONES[view.status]}">${escapeHtml(view.statusText)}</dd>
<dt>${escapeHtml(t.carrier)}</dt><dd>${carrier} ${escapeHtml(view.trackingNumber)}</dd>${estimate}</dl>
<figure id="map">${map ?? ""}</figure>
<h2>${escapeHtml(t.timeline)}</h2>
<div id="timeline">${entries ? `<ol>${entries}</ol>` : `<p>${escapeHtml(t.noEvents)}</p>`}</div>
${ratingForm(view, t)}</main>`;
  return page(view.locale, t.title, body, true);
}

export function renderNotFoundPage(locale: SupportedLocale): string {
  const t = PUBLIC_PAGE_TEXTS[locale];
  return page(
    locale,
    t.notFoundTitle,
    `<main><h1>${escapeHtml(t.notFoundTitle)}</h1><p>${escapeHtml(t.notFoundBody)}</p></main>`,
  );
}

/** The answer to a buyer over their limit: no token read, no database touched. */
export function renderTooManyPage(locale: SupportedLocale): string {
  const t = PUBLIC_PAGE_TEXTS[locale];
  return page(locale, t.tooMany, `<main><p>${escapeHtml(t.tooMany)}</p></main>`);
}
