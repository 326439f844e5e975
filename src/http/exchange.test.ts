import { describe, expect, it } from "vitest";
import { exchange } from "./exchange.ts";

const TARGET = "http://tracking.test/";

const answering = (body: string, status = 200): typeof fetch =>
  (async () => new Response(body, { status, headers: { "retry-after": "3" } })) as typeof fetch;

describe("exchange", () => {
  it("reads the answer to its end and parses JSON bodies", async () => {
    const answer = await exchange(answering('{"a":1}', 429), TARGET, {}, 1000);
    expect(answer).toMatchObject({ ok: true, status: 429, json: { a: 1 } });
    expect(answer.ok && answer.headers.get("retry-after")).toBe("3");
  });

  it("gives null for a body that is not JSON", async () => {
    const answer = await exchange(answering("<html>busy</html>", 503), TARGET, {}, 1000);
    expect(answer).toMatchObject({ ok: true, status: 503, json: null });
  });

  it("tells our timeout apart from a network failure", async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    expect(await exchange(hanging, TARGET, {}, 10)).toMatchObject({
      ok: false,
      timedOut: true,
    });

    const refused = new TypeError("fetch failed");
    const failing: typeof fetch = async () => {
      throw refused;
    };
    expect(await exchange(failing, TARGET, {}, 1000)).toEqual({
      ok: false,
      timedOut: false,
      error: refused,
    });
  });
});
