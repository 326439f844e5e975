/** An HTTP answer read to its end, whatever its status. */
export interface HttpAnswer {
  ok: true;
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown;
}

/** No answer came: our timeout fired (`timedOut`), or the request or the body read failed. */
export interface NoAnswer {
  ok: false;
  timedOut: boolean;
  error: unknown;
}

/**
 * One request with a timeout, its body read to the end. Callers turn a `NoAnswer` into their own
 * failure type: carriers and marketplaces word and classify it differently.
 */
export async function exchange(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<HttpAnswer | NoAnswer> {
  try {
    const response = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { ok: true, status: response.status, headers: response.headers, json: parseJson(text) };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return { ok: false, timedOut: name === "TimeoutError" || name === "AbortError", error };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
