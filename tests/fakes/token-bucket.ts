/**
 * A token bucket as marketplaces describe their usage plans: `burst` calls at once, then
 * `perSecond` more each second. Time comes from `now` (ms) so a test can freeze or step it.
 */
export interface TokenBucket {
  /** Takes a token if one is there. */
  take(): boolean;
  /** Tokens available now (fractional while refilling). */
  available(): number;
}

export function createTokenBucket(
  limit: { perSecond: number; burst: number },
  now: () => number,
): TokenBucket {
  let tokens = limit.burst;
  let last = now();
  const refill = () => {
    const at = now();
    tokens = Math.min(limit.burst, tokens + ((at - last) / 1000) * limit.perSecond);
    last = at;
  };
  return {
    take() {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    available() {
      refill();
      return tokens;
    },
  };
}
