import type { ExecutionResult } from "graphql";
import { Repeater } from "graphql-yoga";

type Started = AsyncIterable<ExecutionResult> | ExecutionResult;

interface Listener {
  push(result: ExecutionResult): void;
  stop(error?: unknown): void;
}

interface Shared {
  started: Promise<Started>;
  listeners: Set<Listener>;
  source?: AsyncIterator<ExecutionResult>;
}

export interface SharedSubscriptions {
  /**
   * The stream of `key`: joins the one already running on this instance, or starts it with
   * `start`. Subscribers of one key get the same result objects, executed once (decision 035).
   */
  subscribe(key: string, start: () => Promise<Started> | Started): Promise<Started>;
}

function isStream(value: Started): value is AsyncIterable<ExecutionResult> {
  return typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
}

/**
 * One execution per subscription key, multicast to every subscriber of it. The key must hold all
 * a result depends on (API key, languages, document, variables): two subscribers share only if
 * each would have been sent the same bytes.
 */
export function createSharedSubscriptions(): SharedSubscriptions {
  const running = new Map<string, Shared>();

  const pump = async (key: string, shared: Shared, stream: AsyncIterable<ExecutionResult>) => {
    const source = stream[Symbol.asyncIterator]();
    shared.source = source;
    try {
      for (let next = await source.next(); !next.done; next = await source.next()) {
        for (const listener of shared.listeners) listener.push(next.value);
      }
      for (const listener of shared.listeners) listener.stop();
    } catch (error) {
      for (const listener of shared.listeners) listener.stop(error);
    } finally {
      if (running.get(key) === shared) running.delete(key);
    }
  };

  return {
    subscribe: async (key, start) => {
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
      return new Repeater<ExecutionResult>(async (push, stop) => {
        const listener: Listener = {
          push: (result) => {
            // Repeater refuses a 1,025th unread message: a consumer that far behind is ended
            // (graphql-ws sends it an error) instead of buffered without bound.
            try {
              push(result).catch(() => {});
            } catch (overflow) {
              stop(overflow);
            }
          },
          stop: (error) => stop(error),
        };
        current.listeners.add(listener);
        await stop;
        current.listeners.delete(listener);
        if (current.listeners.size === 0 && running.get(key) === current) {
          running.delete(key);
          await current.source?.return?.();
        }
      });
    },
  };
}
