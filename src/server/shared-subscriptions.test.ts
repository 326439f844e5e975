import { type ExecutionResult, GraphQLError } from "graphql";
import { Repeater } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import { socketSubscriber } from "./graphql-ws.ts";
import { createSharedSubscriptions, serializePayload } from "./shared-subscriptions.ts";

/** A stream the test pushes results into, and whether anyone called its `return()`. */
function source() {
  let push!: (result: ExecutionResult) => Promise<unknown>;
  let stop!: (error?: unknown) => void;
  const state = { returned: false };
  const stream = new Repeater<ExecutionResult>(async (p, s) => {
    push = p;
    stop = s;
    await s;
    state.returned = true;
  });
  return {
    stream,
    state,
    push: (result: ExecutionResult) => push(result),
    stop: (e?: unknown) => stop(e),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("shared subscriptions", () => {
  it("serialises each result once and hands every subscriber the same payload", async () => {
    const shared = createSharedSubscriptions();
    const { stream, push } = source();
    const got: string[][] = [[], [], []];
    const iterators = await Promise.all(
      got.map((payloads) =>
        shared.subscribe("key", () => stream, { next: (payload) => payloads.push(payload) }),
      ),
    );
    const pending = iterators.map((it) => (it as AsyncIterableIterator<ExecutionResult>).next());
    await push({ data: { n: 1 } });
    await tick();
    expect(got).toEqual([['{"data":{"n":1}}'], ['{"data":{"n":1}}'], ['{"data":{"n":1}}']]);
    expect(new Set(got.map(([payload]) => payload)).size).toBe(1);
    for (const it of iterators) await (it as AsyncIterableIterator<ExecutionResult>).return?.();
    expect(await Promise.all(pending)).toEqual(got.map(() => ({ done: true, value: undefined })));
  });

  it("ends every subscriber when the stream ends or fails, and stops it when the last leaves", async () => {
    const shared = createSharedSubscriptions();
    const first = source();
    const [a, b] = (await Promise.all(
      [0, 1].map(() => shared.subscribe("one", () => first.stream, { next: () => {} })),
    )) as AsyncIterableIterator<ExecutionResult>[];
    const [endA, endB] = [a!.next(), b!.next()];
    first.stop(new Error("pub/sub gone"));
    await expect(endA).rejects.toThrow("pub/sub gone");
    await expect(endB).rejects.toThrow("pub/sub gone");

    const second = source();
    const [c, d] = (await Promise.all(
      [0, 1].map(() => shared.subscribe("two", () => second.stream, { next: () => {} })),
    )) as AsyncIterableIterator<ExecutionResult>[];
    await c!.return?.();
    expect(second.state.returned).toBe(false);
    await d!.return?.();
    await tick();
    expect(second.state.returned).toBe(true);
  });

  it("yields to the event loop between slices of a large fan-out", async () => {
    const shared = createSharedSubscriptions();
    const { stream, push } = source();
    let delivered = 0;
    let deliveredWhenOtherWorkRan = -1;
    await Promise.all(
      Array.from({ length: 1_200 }, () =>
        shared.subscribe("many", () => stream, { next: () => delivered++ }),
      ),
    );
    push({ data: { n: 1 } });
    setImmediate(() => {
      deliveredWhenOtherWorkRan = delivered;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(delivered).toBe(1_200);
    expect(deliveredWhenOtherWorkRan).toBeGreaterThan(0);
    expect(deliveredWhenOtherWorkRan).toBeLessThan(1_200);
  });

  it("writes errors as graphql-ws does", () => {
    const error = new GraphQLError("no", { extensions: { code: "X" } });
    expect(serializePayload({ data: null, errors: [error] })).toBe(
      JSON.stringify({ data: null, errors: [error.toJSON()] }),
    );
  });
});

describe("socketSubscriber", () => {
  const fakeSocket = (bufferedAmount: number) => {
    const sent: string[] = [];
    const closed: [number, string][] = [];
    const socket = {
      OPEN: 1,
      readyState: 1,
      bufferedAmount,
      send: (data: string) => sent.push(data),
      close: (code: number, reason: string) => closed.push([code, reason]),
    };
    return { socket: socket as unknown as WebSocket, sent, closed };
  };

  it("wraps the shared payload in the subscription's own next message", () => {
    const { socket, sent } = fakeSocket(0);
    socketSubscriber(socket, 'a"b', 1024).next('{"data":{"n":1}}');
    expect(sent).toEqual(['{"id":"a\\"b","type":"next","payload":{"data":{"n":1}}}']);
    expect(JSON.parse(sent[0]!)).toEqual({ id: 'a"b', type: "next", payload: { data: { n: 1 } } });
  });

  it("closes a socket too far behind (1013) instead of buffering more", () => {
    const { socket, sent, closed } = fakeSocket(2048);
    socketSubscriber(socket, "1", 1024).next('{"data":{"n":1}}');
    expect(sent).toEqual([]);
    expect(closed).toEqual([[1013, "Subscriber too far behind"]]);
  });
});
