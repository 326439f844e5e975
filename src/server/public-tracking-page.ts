import { createHash } from "node:crypto";
import type { PublicTrackingView } from "../domain/public-tracking/view.ts";
import { PUBLIC_PAGE_TEXTS, textDirection } from "../domain/texts/public-page.ts";
import type { SupportedLocale } from "../vocabulary/index.ts";

/** The page's only style, allowed by its hash: the policy admits nothing else inline or remote. */
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:40rem;padding:1rem;color:#1a1a1a}
h1{font-size:1.5rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}
ol{list-style:none;padding:0}li{border-inline-start:3px solid #888;padding-inline-start:.75rem;margin-block-end:.75rem}
time,.place{display:block;color:#555;font-size:.9rem}`;
const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

/** Security headers of every public answer (decision 043). */
export const PUBLIC_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  // The token is in the URL: no page this one links to may learn it.
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-robots-tag": "noindex, nofollow",
  "x-content-type-options": "nosniff",
};

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

function page(locale: SupportedLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${textDirection(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
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

export function renderTrackingPage(view: PublicTrackingView): string {
  const t = PUBLIC_PAGE_TEXTS[view.locale];
  const carrier = view.carrier.trackingUrl
    ? `<a href="${escapeHtml(view.carrier.trackingUrl)}" rel="noreferrer noopener">${escapeHtml(view.carrier.name)}</a>`
    : escapeHtml(view.carrier.name);
  const estimate = view.estimate
    ? `<dt>${escapeHtml(t.estimate)}</dt><dd>${day(view.estimate.earliest, view.locale)} – ${day(view.estimate.latest, view.locale)}${view.estimate.explanation.map((line) => `<br><small>${escapeHtml(line)}</small>`).join("")}</dd>`
    : "";
  const entries = [...view.events]
    .reverse()
    .map((event) => {
      const place = event.location
        ? [event.location.city, event.location.region, event.location.countryCode]
            .filter(Boolean)
            .join(", ")
        : "";
      return `<li><strong>${escapeHtml(event.description)}</strong>${place ? `<span class="place">${escapeHtml(place)}</span>` : ""}${dateTime(event.occurredAt, view.locale)}</li>`;
    })
    .join("\n");
  const body = `<main><h1>${escapeHtml(t.title)}</h1>
<dl><dt>${escapeHtml(t.status)}</dt><dd>${escapeHtml(view.statusText)}</dd>
<dt>${escapeHtml(t.carrier)}</dt><dd>${carrier} ${escapeHtml(view.trackingNumber)}</dd>${estimate}</dl>
<h2>${escapeHtml(t.timeline)}</h2>
${entries ? `<ol>${entries}</ol>` : `<p>${escapeHtml(t.noEvents)}</p>`}</main>`;
  return page(view.locale, t.title, body);
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
