/**
 * Tracking-number detection throughput and accuracy: trackline vs ts-tracking-number.
 * Run: npx tsx bench/detect.ts   (deterministic corpus; see bench/README.md)
 */
import { allCouriers, getTracking } from "ts-tracking-number";
import {
  type CompiledFormat,
  runFormat,
} from "../src/carriers/tracking-numbers/compiled-format.ts";
import { FORMATS } from "../src/carriers/tracking-numbers/format-registry.ts";
import { detectCarriers } from "../src/carriers/tracking-numbers/index.ts";

const CORPUS_SIZE = 100_000;
const JUNK_CHARS = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#/"];
const ROUNDS = 5;

// mulberry32: small, seeded, good enough to make the corpus reproducible.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261121);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const digitAt = (s: string, i: number) => s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
const setChar = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);

interface Item {
  text: string;
  kind: "valid" | "corrupted" | "junk";
  carrier: string | null;
  /** Still passes its own format's check digit after corruption: no checker can see it. */
  blind?: boolean;
  format?: CompiledFormat;
}

/** A fresh number of format `f`: random digits after the prefix, check digit repaired. */
function generate(f: CompiledFormat, seed: string): Item | null {
  let s = seed;
  for (let k = 0; k < 4; k++) {
    const i = 3 + Math.floor(rand() * (s.length - 3));
    if (digitAt(s, i)) s = setChar(s, i, String(Math.floor(rand() * 10)));
  }
  const outcome = runFormat(f, s);
  if (outcome?.checksum === "CHECKSUM_VALID" || outcome?.checksum === "NO_CHECKSUM") {
    return { text: s, kind: "valid", carrier: outcome.carrier, format: f };
  }
  // Repair: try every digit in each position from the end until the format's checksum passes.
  for (let i = s.length - 1; i >= 0; i--) {
    if (!digitAt(s, i)) continue;
    for (let d = 0; d <= 9; d++) {
      const o = runFormat(f, setChar(s, i, String(d)));
      if (o?.checksum === "CHECKSUM_VALID") {
        return { text: setChar(s, i, String(d)), kind: "valid", carrier: o.carrier, format: f };
      }
    }
    break;
  }
  return null;
}

const S10_SEEDS = [
  "RR001122337CN",
  "EA876543216CN",
  "RB555012347SG",
  "EF102938478TH",
  "RR664422113JP",
  "RR271828189KR",
  "AB161803397GB",
  "RX141421354DE",
  "CA975318640FR",
  "RR473124829AU",
  "RR123456785CA",
  "EC473124829US",
  "RR473124829NZ",
  "LZ123456785CN",
];

function buildCorpus(): Item[] {
  const seeds = FORMATS.flatMap((f) =>
    [...f.validExamples, ...(f.carrier === null ? S10_SEEDS : [])].map((e) => ({
      f,
      seed: e.replace(/[\s-]/g, "").toUpperCase(),
    })),
  );
  const checksumSeeds = seeds.filter((x) => x.f.checksum !== null);
  const corpus: Item[] = [];
  while (corpus.length < CORPUS_SIZE) {
    const r = rand();
    if (r < 0.05) {
      const len = 6 + Math.floor(rand() * 20);
      let s = "";
      for (let i = 0; i < len; i++) s += pick(JUNK_CHARS);
      corpus.push({ text: s, kind: "junk", carrier: null });
      continue;
    }
    // Corrupted items come from checksum formats only: a pattern-only number has nothing to catch.
    const { f, seed } = pick(r < 0.25 ? checksumSeeds : seeds);
    const item = generate(f, seed);
    if (item === null) continue;
    if (r < 0.25 && f.checksum !== null) {
      const positions = [...item.text].flatMap((_, i) => (digitAt(item.text, i) ? [i] : []));
      const i = pick(positions);
      const old = item.text[i]!;
      let d = old;
      while (d === old) d = String(Math.floor(rand() * 10));
      const text = setChar(item.text, i, d);
      const blind = runFormat(f, text)?.checksum === "CHECKSUM_VALID";
      corpus.push({ text, kind: "corrupted", carrier: item.carrier, blind, format: f });
      continue;
    }
    corpus.push(item);
  }
  return corpus;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  fn(); // warm-up
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(CORPUS_SIZE / secs);
  }
  return median(rates);
}

const corpus = buildCorpus();
const texts = corpus.map((c) => c.text);

const ours = time(() => {
  detectCarriers(texts);
});
const theirs = time(() => {
  for (const t of texts) getTracking(t);
});

// Their couriers -> which of our carrier codes count as the same answer.
const S10_POSTS = new Set([
  "china-post",
  "china-ems",
  "singapore-post",
  "thailand-post",
  "japan-post",
  "korea-post",
  "royal-mail",
  "deutsche-post",
  "la-poste",
  "colissimo",
  "australia-post",
  "canada-post",
  "usps",
  "upu-s10",
]);
function theirsAgrees(code: string, item: Item): boolean {
  if (code === "s10") return item.format?.carrier === null;
  if (code === "dhl") return item.carrier === "dhl" || item.carrier === "dhl-ecommerce";
  return code === item.carrier || code === item.format?.listedAfter;
}
const theirChecksummed = new Set(
  allCouriers.flatMap((c) =>
    c.tracking_numbers.filter((t) => t.validation.checksum).map((t) => t.name),
  ),
);
const theirSupported = new Set([
  "amazon",
  "dhl",
  "dhl-ecommerce",
  "fedex",
  "ontrac",
  "ups",
  "usps",
]);

const ourResults = detectCarriers(texts);
const acceptedBy = new Map<string, number>();
let validN = 0,
  tiedN = 0,
  oursTop = 0,
  theirsTop = 0,
  supportedN = 0,
  oursSup = 0,
  theirsSup = 0;
let corruptN = 0,
  blindN = 0,
  oursAccepted = 0,
  theirsAccepted = 0,
  oursAcceptedSeen = 0,
  theirsAcceptedSeen = 0;
corpus.forEach((item, i) => {
  const top = ourResults[i]!.matches[0];
  const their = getTracking(item.text);
  if (item.kind === "valid") {
    validN++;
    // A listed_after format reads another carrier's numbers (FedEx Ground Economy on USPS IMpb):
    // that carrier is the right top match, this one the next.
    const expected = item.format?.listedAfter ?? item.carrier;
    const ok = top?.carrier.code === expected;
    // Same pattern-only evidence as the top match: only context (origin country) can tell.
    const mine = ourResults[i]!.matches.find((m) => m.carrier.code === expected);
    if (!ok && top?.checksum === "NO_CHECKSUM" && mine?.confidence === top.confidence) tiedN++;
    const tok = their !== undefined && theirsAgrees(their.courier.code, item);
    if (ok) oursTop++;
    if (tok) theirsTop++;
    if (theirSupported.has(item.carrier!) || item.format?.carrier === null) {
      supportedN++;
      if (ok) oursSup++;
      if (tok) theirsSup++;
    }
  } else if (item.kind === "corrupted") {
    corruptN++;
    if (item.blind) blindN++;
    const ourAcc = ourResults[i]!.matches.some((m) => m.checksum === "CHECKSUM_VALID");
    const theirAcc = their !== undefined && theirChecksummed.has(their.name);
    if (ourAcc) oursAccepted++;
    if (theirAcc) theirsAccepted++;
    if (ourAcc && !item.blind) {
      oursAcceptedSeen++;
      const by = ourResults[i]!.matches.find((m) => m.checksum === "CHECKSUM_VALID")!.format;
      acceptedBy.set(by, (acceptedBy.get(by) ?? 0) + 1);
    }
    if (theirAcc && !item.blind) theirsAcceptedSeen++;
  }
});

const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(2)} %`;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(
  `corpus: ${CORPUS_SIZE} numbers (${validN} valid, ${corruptN} one-digit corrupted, ${CORPUS_SIZE - validN - corruptN} junk), ${FORMATS.length} formats, median of ${ROUNDS} rounds\n`,
);
console.table({
  "numbers/s": { trackline: fmt(ours), "ts-tracking-number": fmt(theirs) },
  "valid: true carrier is top match": {
    trackline: pct(oursTop, validN),
    "ts-tracking-number": pct(theirsTop, validN),
  },
  "  true carrier tied with a pattern-only top": {
    trackline: pct(tiedN, validN),
    "ts-tracking-number": "",
  },
  "  same, carriers both libraries know": {
    trackline: pct(oursSup, supportedN),
    "ts-tracking-number": pct(theirsSup, supportedN),
  },
  "corrupted accepted as checksum-valid": {
    trackline: pct(oursAccepted, corruptN),
    "ts-tracking-number": pct(theirsAccepted, corruptN),
  },
  "  excluding algorithm blind spots": {
    trackline: pct(oursAcceptedSeen, corruptN - blindN),
    "ts-tracking-number": pct(theirsAcceptedSeen, corruptN - blindN),
  },
});
console.log(`throughput ratio trackline / ts-tracking-number: ${(ours / theirs).toFixed(2)}x`);
console.log(
  `blind spots: ${blindN} corrupted numbers still pass their own format's check digit (S10, mod 7, mod 10 cannot catch every one-digit change)`,
);
console.log(`note: ${S10_POSTS.size} S10 posts count as one "s10" answer for ts-tracking-number.`);
console.log(
  "trackline cross-format acceptances by format:",
  [...acceptedBy]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", "),
);
