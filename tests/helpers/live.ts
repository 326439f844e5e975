import type { ExecutionResult } from "graphql";
import type { Client } from "graphql-ws";

/** A subscription's messages as they arrive; `next(n)` waits for the n-th (or an error). */
export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const received: ExecutionResult<T>[] = [];
  const errors: unknown[] = [];
  let notify: (() => void) | undefined;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        received.push(value as ExecutionResult<T>);
        notify?.();
      },
      error: (error) => {
        errors.push(error);
        notify?.();
      },
      complete: () => {},
    },
  );
  const next = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${count} message(s)`)),
        5000,
      );
      notify = () => {
        if (received.length >= count || errors.length > 0) {
          clearTimeout(timer);
          resolve();
        }
      };
      notify();
    });
  return { received, errors, next, dispose };
}

/**
 * graphql-ws gives no "subscribed" ack; a round trip on the same socket orders us after it. The
 * pause covers Redis, whose SUBSCRIBE the yoga event target sends without awaiting it.
 */
export async function settle(client: Client): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    client.subscribe(
      { query: "{ __typename }" },
      { next: () => {}, error: reject, complete: resolve },
    );
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
}
