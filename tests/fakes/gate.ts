/** Keeps fake answers pending until released: a marketplace that received the call but hangs. */
export interface Gate {
  hold(): void;
  release(): void;
  /** Resolves at once when open, or when the gate is released. */
  pass(): Promise<void>;
}

export function createGate(): Gate {
  let held: { promise: Promise<void>; open: () => void } | null = null;
  return {
    hold() {
      if (held) return;
      let open = () => {};
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      held = { promise, open };
    },
    release() {
      held?.open();
      held = null;
    },
    pass() {
      return held ? held.promise : Promise.resolve();
    },
  };
}

/** A scripted failure a fake answers instead of handling the next request. */
export type FakeFailure =
  /** An HTTP status with the marketplace's generic server-error body. */
  | number
  /** The marketplace's documented rate-limit answer. */
  | "rate-limit"
  /** Any answer, e.g. a marketplace error code. */
  | { status?: number; body: unknown };

/** A queue of scripted failures: `failNext(2, 503)` makes the next two requests answer 503. */
export function createFailureQueue() {
  const queue: FakeFailure[] = [];
  return {
    failNext(count: number, failure: FakeFailure) {
      for (let i = 0; i < count; i++) queue.push(failure);
    },
    take(): FakeFailure | undefined {
      return queue.shift();
    },
  };
}

/**
 * A fetch that gives up with a TimeoutError as soon as `done()` holds: a client whose call the
 * marketplace applied but whose answer never came. Polling the fake, not a fixed delay, keeps
 * it right on a loaded machine, where a short timer can fire before the call even arrives.
 */
export function fetchTimingOutWhen(done: () => boolean): typeof fetch {
  return (input, init) => {
    const controller = new AbortController();
    const poll = setInterval(() => {
      if (done()) controller.abort(new DOMException("The operation timed out.", "TimeoutError"));
    }, 5);
    const signal = init?.signal
      ? AbortSignal.any([init.signal, controller.signal])
      : controller.signal;
    return fetch(input, { ...init, signal }).finally(() => clearInterval(poll));
  };
}
