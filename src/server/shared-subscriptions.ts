import type { ExecutionResult } from "graphql";

type Started = AsyncIterable<ExecutionResult> | ExecutionResult;

/** Where one subscriber's messages go (a graphql-ws socket and operation id, decision 053). */
export interface Subscriber {
  /** Sends one result, given as its payload already serialised for every subscriber of the key. */
  next(payload: string): void;
}

interface Listener {
  subscriber: Subscriber;
  /** Ends the subscriber's stream: done, or with the shared stream's error. */
  stop(error?: unknown): void;
}

interface Shared {
  started: Promise<Started>;
  listeners: Set<Listener>;
  source?: AsyncIterator<ExecutionResult>;
}

export interface SharedSubscriptions {
  /**
   * Joins the stream of `key` already running on this instance, or starts it with `start`.
   * Subscribers of one key are sent the same payload, executed and serialised once (decisions
   * 035, 053). A refusal (no such shipment) is returned as it came; a stream is returned as an
   * iterator that yields nothing: results go to `subscriber` directly, and the iterator ends
   * when the shared stream does (or throws its error), so graphql-ws still sends `complete` or
   * `error`; its `return()` (the client's `complete`, a closed socket) leaves the stream.
   */
  subscribe(
    key: string,
    start: () => Promise<Started> | Started,
    subscriber: Subscriber,
  ): Promise<Started>;
}

/** Subscribers written to before the pump yields to the event loop: one event cannot stall it. */
const SLICE = 500;

function isStream(value: Started): value is AsyncIterable<ExecutionResult> {
  return typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
}

/**
 * A result's `next` payload exactly as graphql-ws would write it (its `emit.next`, with no
 * `onNext` hook or replacer, neither of which trackline sets): errors by their `toJSON()`.
 */
export function serializePayload(result: ExecutionResult): string {
  const { errors, ...rest } = result;
  return JSON.stringify(errors ? { ...rest, errors: errors.map((e) => e.toJSON()) } : rest);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One execution per subscription key, multicast to every subscriber of it. The key must hold all
 * a result depends on (API key, languages, document, variables): two subscribers share only if
 * each would have been sent the same bytes.
 */
export function createSharedSubscriptions(): SharedSubscriptions {
  const running = new Map<string, Shared>();

  const deliver = async (shared: Shared, result: ExecutionResult) => {
    const payload = serializePayload(result);
    let sent = 0;
    for (const listener of [...shared.listeners]) {
      // One that left while an earlier slice yielded is not written to.
      if (!shared.listeners.has(listener)) continue;
      listener.subscriber.next(payload);
      if (++sent % SLICE === 0) await yieldToEventLoop();
    }
  };

  const pump = async (key: string, shared: Shared, stream: AsyncIterable<ExecutionResult>) => {
    const source = stream[Symbol.asyncIterator]();
    shared.source = source;
    try {
      for (let next = await source.next(); !next.done; next = await source.next()) {
        await deliver(shared, next.value);
      }
      for (const listener of shared.listeners) listener.stop();
    } catch (error) {
      for (const listener of shared.listeners) listener.stop(error);
    } finally {
      if (running.get(key) === shared) running.delete(key);
    }
  };

  const join = (key: string, shared: Shared, subscriber: Subscriber) => {
    let stop!: Listener["stop"];
    const ended = new Promise<IteratorResult<ExecutionResult>>((resolve, reject) => {
      stop = (error) =>
        error === undefined ? resolve({ done: true, value: undefined }) : reject(error);
    });
    // graphql-ws awaits it; handled here too, so an error after the subscriber left is not loose.
    ended.catch(() => {});
    const listener: Listener = { subscriber, stop };
    shared.listeners.add(listener);
    const leave = async (): Promise<IteratorResult<ExecutionResult>> => {
      shared.listeners.delete(listener);
      stop();
      if (shared.listeners.size === 0 && running.get(key) === shared) {
        running.delete(key);
        await shared.source?.return?.();
      }
      return { done: true, value: undefined };
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next: () => ended,
      return: leave,
    };
  };

  const subscriptions: SharedSubscriptions = {
    subscribe: async (key, start, subscriber) => {
      let shared = running.get(key);
      if (!shared) {
        const created: Shared = {
          started: Promise.resolve().then(start),
          listeners: new Set(),
        };
        running.set(key, created);
        created.started.then(
          (started) => {
            if (isStream(started)) pump(key, created, started);
            else if (running.get(key) === created) running.delete(key);
          },
          () => {
            if (running.get(key) === created) running.delete(key);
          },
        );
        shared = created;
      }
      const current = shared;
      const started = await current.started;
      // A refusal (no such shipment, no read scope) goes to whoever asked, as it came.
      if (!isStream(started)) return started;
      // Its last subscriber left (or it ended) while this one waited: start anew.
      if (running.get(key) !== current) return subscriptions.subscribe(key, start, subscriber);
      return join(key, current, subscriber);
    },
  };
  return subscriptions;
}
