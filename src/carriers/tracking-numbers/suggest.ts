import type { CompiledFormat, FormatOutcome } from "./compiled-format.ts";
import { outcomesFor } from "./detect.ts";
import { normalizeTrackingNumber } from "./normalize.ts";
import type { Suggestion } from "./types.ts";

const MAX_SUGGESTIONS = 5;

interface Candidate {
  suggestion: Suggestion;
  /** 0: fixes a format the input already resembled; 1: a checksum format of another shape. */
  sameFormat: number;
  /** 0: adjacent transposition, 1: check digit replaced, 2: another digit replaced. */
  edit: number;
  confidence: number;
}

function checksumHits(
  text: string,
  carrier: string | undefined,
): { outcome: FormatOutcome; confidence: number }[] {
  const hits: { outcome: FormatOutcome; confidence: number }[] = [];
  for (const o of outcomesFor(text)) {
    if (o.checksum !== "CHECKSUM_VALID") continue;
    if (carrier !== undefined && o.carrier !== carrier) continue;
    hits.push({ outcome: o, confidence: o.format.confidence });
  }
  return hits;
}

/**
 * Numbers one typo away (a digit replaced by another digit, or two neighbours swapped) that pass
 * a check digit. Ranked: fixes of a format the input already looked like first; then swaps
 * (the commonest keying error), then a replaced last character (the check digit), then other
 * replacements; then by format confidence. At most 5. Pattern-only formats never qualify: a
 * suggestion must be verifiable.
 */
export function suggestCorrections(trackingNumber: string, carrier?: string): Suggestion[] {
  const n = normalizeTrackingNumber(trackingNumber);
  if ("error" in n) return [];
  const s = n.normalized;
  const resembled = new Set<CompiledFormat>();
  for (const o of outcomesFor(s)) if (o.checksum === "CHECKSUM_FAILED") resembled.add(o.format);
  const found = new Map<string, Candidate>();
  const consider = (text: string, edit: number) => {
    for (const { outcome, confidence } of checksumHits(text, carrier)) {
      const key = `${text} ${outcome.carrier}`;
      const candidate: Candidate = {
        suggestion: {
          trackingNumber: text,
          carrier: outcome.carrier,
          format: outcome.format.name,
        },
        sameFormat: resembled.has(outcome.format) ? 0 : 1,
        edit,
        confidence,
      };
      const prev = found.get(key);
      if (prev === undefined || compare(candidate, prev) < 0) found.set(key, candidate);
    }
  };
  for (let i = 0; i + 1 < s.length; i++) {
    if (s[i] !== s[i + 1]) consider(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2), 0);
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    for (let d = 48; d <= 57; d++) {
      if (d === c) continue;
      consider(
        s.slice(0, i) + String.fromCharCode(d) + s.slice(i + 1),
        i === lastDigitIndex(s) ? 1 : 2,
      );
    }
  }
  // Unchanged input that already passes is not a correction.
  const ranked = [...found.values()].filter((c) => c.suggestion.trackingNumber !== s).sort(compare);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const c of ranked) {
    const key = `${c.suggestion.trackingNumber} ${c.suggestion.carrier}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c.suggestion);
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}

// The check digit is the last digit of every checksum format except S10 (9 chars before the
// country code), so "last digit" covers both.
function lastDigitIndex(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return i;
  }
  return -1;
}

function compare(a: Candidate, b: Candidate): number {
  return a.sameFormat - b.sameFormat || a.edit - b.edit || b.confidence - a.confidence;
}
