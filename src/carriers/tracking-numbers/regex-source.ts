/**
 * Rewrites a data regex for already-normalized input: drops the `\s*` between characters and
 * literal dashes outside character classes (normalization removed both), so the engine never
 * scans for whitespace on the hot path.
 */
export function compactRegexSource(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (!inClass && next === "s" && source[i + 2] === "*") {
        i += 2;
        continue;
      }
      out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "-") {
      continue;
    }
    out += c;
  }
  return out;
}

/** What a compact regex can match, over the normalized alphabet 0-9A-Z. */
export interface RegexShape {
  minLength: number;
  maxLength: number;
  /** Characters a match can start with. */
  firstChars: Set<string>;
  /** Roughly how many characters the pattern pins down (1 per literal, 0.5 per small class). */
  fixedChars: number;
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";

interface Part {
  min: number;
  max: number;
  first: Set<string>;
  fixed: number;
}

/** Recursive-descent reader for the regex subset the data uses; throws on anything else. */
class ShapeReader {
  private i = 0;
  constructor(private readonly src: string) {}

  read(): Part {
    const part = this.alternation();
    if (this.i !== this.src.length) throw new Error(`Unexpected ")" at ${this.i}`);
    return part;
  }

  private alternation(): Part {
    const branches = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      branches.push(this.sequence());
    }
    const first = new Set<string>();
    for (const b of branches) for (const c of b.first) first.add(c);
    return {
      min: Math.min(...branches.map((b) => b.min)),
      max: Math.max(...branches.map((b) => b.max)),
      first,
      fixed: Math.min(...branches.map((b) => b.fixed)),
    };
  }

  private sequence(): Part {
    const seq: Part = { min: 0, max: 0, first: new Set(), fixed: 0 };
    let nullableSoFar = true;
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const atom = this.atom();
      if (atom === null) continue;
      const [qmin, qmax] = this.quantifier();
      if (nullableSoFar) for (const c of atom.first) seq.first.add(c);
      seq.min += atom.min * qmin;
      seq.max += atom.max * qmax;
      seq.fixed += atom.fixed * qmin;
      if (atom.min * qmin > 0) nullableSoFar = false;
    }
    return seq;
  }

  private atom(): Part | null {
    const c = this.src[this.i]!;
    if (c === "(") return this.group();
    if (c === "[") return this.charClass();
    if (c === "^" || c === "$") {
      this.i++;
      return null;
    }
    if (c === "\\") {
      const e = this.src[this.i + 1];
      this.i += 2;
      if (e === "b" || e === "B") return null;
      if (e === "d") return set(DIGITS);
      if (e === "s") return set("");
      throw new Error(`Unsupported escape \\${e}`);
    }
    if (c === ".") {
      this.i++;
      return set(ALPHABET);
    }
    this.i++;
    return set(c);
  }

  private group(): Part | null {
    this.i++;
    let lookaround = false;
    if (this.src[this.i] === "?") {
      const kind = this.src[this.i + 1];
      if (kind === ":") this.i += 2;
      else if (kind === "=" || kind === "!") {
        lookaround = true;
        this.i += 2;
      } else if (kind === "<") {
        const end = this.src.indexOf(">", this.i);
        this.i = end + 1;
      } else throw new Error(`Unsupported group (?${kind}`);
    }
    const inner = this.alternation();
    if (this.src[this.i] !== ")") throw new Error("Unclosed group");
    this.i++;
    // Lookarounds only narrow a match; ignoring them over-approximates, which the pre-filter allows.
    return lookaround ? null : inner;
  }

  private charClass(): Part {
    this.i++;
    const negate = this.src[this.i] === "^";
    if (negate) this.i++;
    let chars = "";
    while (this.src[this.i] !== "]") {
      if (this.i >= this.src.length) throw new Error("Unclosed class");
      let c = this.src[this.i]!;
      if (c === "\\") {
        const e = this.src[this.i + 1];
        this.i += 2;
        if (e === "d") chars += DIGITS;
        continue;
      }
      if (this.src[this.i + 1] === "-" && this.src[this.i + 2] !== "]") {
        const end = this.src[this.i + 2]!;
        for (; c <= end; c = String.fromCharCode(c.charCodeAt(0) + 1)) chars += c;
        this.i += 3;
        continue;
      }
      chars += c;
      this.i++;
    }
    this.i++;
    if (!negate) return set(chars);
    return set([...ALPHABET].filter((a) => !chars.includes(a)).join(""));
  }

  private quantifier(): [number, number] {
    const c = this.src[this.i];
    let q: [number, number] = [1, 1];
    if (c === "*") q = [0, Number.POSITIVE_INFINITY];
    else if (c === "+") q = [1, Number.POSITIVE_INFINITY];
    else if (c === "?") q = [0, 1];
    else if (c === "{") {
      const end = this.src.indexOf("}", this.i);
      const [lo, hi] = this.src.slice(this.i + 1, end).split(",");
      const min = Number(lo);
      const max = hi === undefined ? min : hi === "" ? Number.POSITIVE_INFINITY : Number(hi);
      this.i = end + 1;
      return this.lazy([min, max]);
    } else return q;
    this.i++;
    return this.lazy(q);
  }

  private lazy(q: [number, number]): [number, number] {
    if (this.src[this.i] === "?") this.i++;
    return q;
  }
}

function set(chars: string): Part {
  const first = new Set([...chars].filter((c) => ALPHABET.includes(c)));
  const size = first.size;
  const fixed = size === 1 ? 1 : size > 1 && size <= 5 ? 0.5 : 0;
  return { min: chars.length > 0 ? 1 : 0, max: chars.length > 0 ? 1 : 0, first, fixed };
}

/** Shape of a compact regex, or a permissive shape when the regex uses syntax we do not read. */
export function regexShape(compactSource: string): RegexShape {
  try {
    const p = new ShapeReader(compactSource).read();
    return { minLength: p.min, maxLength: p.max, firstChars: p.first, fixedChars: p.fixed };
  } catch {
    return {
      minLength: 1,
      maxLength: Number.POSITIVE_INFINITY,
      firstChars: new Set(ALPHABET),
      fixedChars: 0,
    };
  }
}
