import { IntlMessageFormat } from "intl-messageformat";
import type { Milestone, SupportedLocale } from "../../vocabulary/index.ts";
import type { TextBook } from "../texts/index.ts";
import { notificationTexts } from "./texts.ts";

export interface ComposeInput {
  marketplace: string;
  locale: SupportedLocale;
  milestone: Milestone;
  nativeOrderId: string;
  carrierName: string;
  trackingNumber: string;
  /** Failed delivery attempts so far (DELIVERY_FAILED). */
  attempts: number;
  /** Where the buyer follows the parcel; null: no link. */
  trackingUrl: string | null;
  /** The delivery estimate as calendar days (ISO "2026-11-24"); null: not said. */
  estimate: { from: string; to: string } | null;
}

export interface ComposedMessage {
  subject: string;
  /** The plain-text lines: the milestone message, then the estimate and the link when said. */
  lines: string[];
  text: string;
  html: string;
}

/** The subject, plain text and HTML of one notification, in the buyer's language. */
export function composeMessage(texts: TextBook, input: ComposeInput): ComposedMessage {
  const words = notificationTexts(input.locale);
  const format = (message: string, vars: Record<string, string | number>) =>
    String(new IntlMessageFormat(message, input.locale).format(vars));
  const subject = format(words.subject[input.milestone], { orderId: input.nativeOrderId });
  const body = texts.milestone(input.marketplace, input.locale, input.milestone, {
    orderId: input.nativeOrderId,
    carrier: input.carrierName,
    trackingNumber: input.trackingNumber,
    attempts: input.attempts,
  });
  const lines = [body];
  const htmlLines = [`<p>${escapeHtml(body)}</p>`];
  if (input.estimate) {
    const day = new Intl.DateTimeFormat(input.locale, { dateStyle: "medium", timeZone: "UTC" });
    const at = (iso: string) => day.format(new Date(`${iso}T12:00:00Z`));
    const line = format(words.estimate, {
      from: at(input.estimate.from),
      to: at(input.estimate.to),
    });
    lines.push(line);
    htmlLines.push(`<p>${escapeHtml(line)}</p>`);
  }
  if (input.trackingUrl) {
    lines.push(format(words.track, { url: input.trackingUrl }));
    // The sentence is split around the URL so the link is an anchor and every part escaped.
    const [before = "", after = ""] = format(words.track, { url: "\u0000" }).split("\u0000");
    const url = escapeHtml(input.trackingUrl);
    htmlLines.push(`<p>${escapeHtml(before)}<a href="${url}">${url}</a>${escapeHtml(after)}</p>`);
  }
  const html = `<!doctype html><html lang="${escapeHtml(input.locale)}"><body>${htmlLines.join("")}</body></html>`;
  return { subject, lines, text: lines.join("\n\n"), html };
}

const ELLIPSIS = "…";

/**
 * The plain text within `maxLength` characters (code points): the milestone message is shortened
 * at a word, with an ellipsis; the estimate and then the link are left out whole when even a
 * short message does not fit beside them, so a link is never cut.
 */
export function fitPlainText(lines: readonly string[], maxLength: number): string {
  const [body = "", ...extras] = lines;
  const size = (text: string) => Array.from(text).length;
  const kept = [...extras];
  const room = () => maxLength - size(kept.map((line) => `\n\n${line}`).join(""));
  // A body shorter than this beside the extras says too little: drop an extra instead.
  while (kept.length > 0 && room() < Math.min(size(body), 40)) kept.shift();
  return [shorten(body, Math.max(0, room())), ...kept].join("\n\n");
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return chars.slice(0, max).join("");
  const cut = chars.slice(0, max - 1).join("");
  const atWord = cut.replace(/\s+\S*$/u, "").replace(/[\s,;:]+$/u, "");
  return `${atWord.length >= cut.length / 2 ? atWord : cut}${ELLIPSIS}`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
