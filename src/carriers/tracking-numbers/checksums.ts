/** Checksum parameters as the tracking_number_data JSON spells them. */
export interface ChecksumSpec {
  name: string;
  modulo?: number;
  evens_multiplier?: number;
  odds_multiplier?: number;
  reverse?: boolean;
  weightings?: number[];
  modulo1?: number;
  modulo2?: number;
}

/** Returns true when `checkDigit` is right for `serial`. */
export type ChecksumFn = (serial: string, checkDigit: string) => boolean;

const ZERO = 48;
const ALPHA36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : -1;
}

function checkValue(checkDigit: string): number {
  return checkDigit.length === 1 ? digitAt(checkDigit, 0) : -1;
}

// Letters count as (ASCII - 3) % 10, as UPS 1Z numbers need (CHECKSUM_ALGORITHMS.md).
function mod10(spec: ChecksumSpec): ChecksumFn {
  const evens = spec.evens_multiplier ?? 1;
  const odds = spec.odds_multiplier ?? 1;
  const hasEvens = spec.evens_multiplier !== undefined;
  const hasOdds = spec.odds_multiplier !== undefined;
  const reverse = spec.reverse === true;
  return (serial, checkDigit) => {
    let total = 0;
    const n = serial.length;
    for (let i = 0; i < n; i++) {
      const code = serial.charCodeAt(reverse ? n - 1 - i : i);
      let x = code >= 48 && code <= 57 ? code - ZERO : (code - 3) % 10;
      // The reference checks odds first, so a spec with both applies the odd one on odd indexes.
      if (hasOdds && i % 2 === 1) x *= odds;
      else if (hasEvens && i % 2 === 0) x *= evens;
      total += x;
    }
    const r = total % 10;
    return (r === 0 ? 0 : 10 - r) === checkValue(checkDigit);
  };
}

// Long division keeps this exact for serials beyond 2^53 without BigInt.
const mod7: ChecksumFn = (serial, checkDigit) => {
  let r = 0;
  for (let i = 0; i < serial.length; i++) {
    const d = digitAt(serial, i);
    if (d < 0) return false;
    r = (r * 10 + d) % 7;
  }
  return r === checkValue(checkDigit);
};

function s10(spec: ChecksumSpec): ChecksumFn {
  const weights = spec.weightings ?? [8, 6, 4, 2, 3, 5, 9, 7];
  return (serial, checkDigit) => {
    if (serial.length !== weights.length) return false;
    let total = 0;
    for (let i = 0; i < serial.length; i++) {
      const d = digitAt(serial, i);
      if (d < 0) return false;
      total += d * weights[i]!;
    }
    const r = total % 11;
    const check = r === 1 ? 0 : r === 0 ? 5 : 11 - r;
    return check === checkValue(checkDigit);
  };
}

function sumProduct(spec: ChecksumSpec): ChecksumFn {
  const weights = spec.weightings ?? [];
  const m1 = spec.modulo1 ?? 11;
  const m2 = spec.modulo2 ?? 10;
  return (serial, checkDigit) => {
    let total = 0;
    // zip semantics of the reference: extra serial characters weigh nothing.
    const n = Math.min(serial.length, weights.length);
    for (let i = 0; i < n; i++) {
      const d = digitAt(serial, i);
      if (d < 0) return false;
      total += d * weights[i]!;
    }
    return (total % m1) % m2 === checkValue(checkDigit);
  };
}

const luhn: ChecksumFn = (serial, checkDigit) => {
  let total = 0;
  for (let i = 0; i < serial.length; i++) {
    let x = digitAt(serial, serial.length - 1 - i);
    if (x < 0) return false;
    if (i % 2 === 0) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    total += x;
  }
  const r = total % 10;
  return (r === 0 ? 0 : 10 - r) === checkValue(checkDigit);
};

// ISO 7064 MOD 37,36 as DPD's label specification describes it.
const mod3736: ChecksumFn = (serial, checkDigit) => {
  const mod = 36;
  let cd = mod;
  for (let i = 0; i < serial.length; i++) {
    const val = ALPHA36.indexOf(serial[i]!);
    if (val < 0) return false;
    cd += val;
    if (cd > mod) cd -= mod;
    cd *= 2;
    if (cd > mod) cd -= mod + 1;
  }
  cd = mod + 1 - cd;
  if (cd === mod) cd = 0;
  return ALPHA36[cd] === checkDigit;
};

/** Builds the checksum function for a spec; throws on an algorithm we do not know. */
export function createChecksum(spec: ChecksumSpec): ChecksumFn {
  switch (spec.name) {
    case "mod10":
      return mod10(spec);
    case "mod7":
      return mod7;
    case "s10":
      return s10(spec);
    case "sum_product_with_weightings_and_modulo":
      return sumProduct(spec);
    case "luhn":
      return luhn;
    case "mod_37_36":
      return mod3736;
    default:
      throw new Error(`Unknown checksum algorithm "${spec.name}"`);
  }
}
