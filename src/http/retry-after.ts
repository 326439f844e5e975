/** The wait a Retry-After header asks for (seconds or an HTTP date), in ms; never negative. */
export function retryAfterMs(headers: Headers, now: Date): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
