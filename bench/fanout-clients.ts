/**
 * The subscriber side of bench/fanout.ts, in its own process (forked by it): opens one graphql-ws
 * connection per subscriber, each with one `shipmentUpdated` subscription, and reports when each
 * message arrived. Speaks to its parent over IPC only.
 */
import { performance } from "node:perf_hooks";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

export interface Subscriber {
  shipmentId: string;
  locale: string;
}

export type ToClients =
  | { type: "connect"; url: string; apiKey: string; subscribers: Subscriber[] }
  | { type: "collect"; expected: number; timeoutMs: number }
  | { type: "disconnect" };

/** One message as it arrived: which subscriber, which event (lastEventAt), when (ms, wall clock). */
export type Arrival = [subscriber: number, lastEventAt: string, at: number];

export type FromClients =
  | { type: "ready"; connected: number; failed: number; ms: number }
  | { type: "arrivals"; arrivals: Arrival[]; errors: string[] }
  | { type: "disconnected" };

const QUERY = `subscription($id: ID!, $locale: Locale) {
  shipmentUpdated(id: $id) {
    id status substatus lastEventAt
    buyerMessage(milestone: OUT_FOR_DELIVERY, locale: $locale)
  }
}`;
/** Connections opened at once: enough to be quick, few enough not to time out the handshakes. */
const OPEN_AT_ONCE = 200;

const now = () => performance.timeOrigin + performance.now();
let clients: Client[] = [];
let arrivals: Arrival[] = [];
let errors: string[] = [];
let waiter: (() => void) | undefined;

function send(message: FromClients): void {
  process.send?.(message);
}

/** Resolves once the subscription's socket has answered a query sent after the subscribe. */
function roundTrip(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query: "{ __typename }" },
      { next: () => {}, error: reject, complete: resolve },
    );
  });
}

async function open(index: number, url: string, apiKey: string, sub: Subscriber): Promise<void> {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  client.subscribe<{ shipmentUpdated: { lastEventAt: string } }>(
    { query: QUERY, variables: { id: sub.shipmentId, locale: sub.locale } },
    {
      next: (value) => {
        const at = now();
        const lastEventAt = value.data?.shipmentUpdated.lastEventAt;
        if (lastEventAt) arrivals.push([index, lastEventAt, at]);
        else errors.push(JSON.stringify(value.errors ?? value));
        waiter?.();
      },
      error: (error) => {
        errors.push(String(error instanceof Error ? error.message : JSON.stringify(error)));
        waiter?.();
      },
      complete: () => {},
    },
  );
  await roundTrip(client);
}

async function connect(url: string, apiKey: string, subscribers: Subscriber[]): Promise<void> {
  const started = now();
  let failed = 0;
  for (let i = 0; i < subscribers.length; i += OPEN_AT_ONCE) {
    const batch = subscribers.slice(i, i + OPEN_AT_ONCE);
    const results = await Promise.allSettled(batch.map((sub, j) => open(i + j, url, apiKey, sub)));
    failed += results.filter((result) => result.status === "rejected").length;
  }
  send({ type: "ready", connected: clients.length - failed, failed, ms: now() - started });
}

function collect(expected: number, timeoutMs: number): void {
  const done = () => {
    clearTimeout(timer);
    waiter = undefined;
    send({ type: "arrivals", arrivals, errors });
    arrivals = [];
    errors = [];
  };
  const timer = setTimeout(done, timeoutMs);
  waiter = () => {
    if (arrivals.length + errors.length >= expected) done();
  };
  waiter();
}

process.on("message", (message: ToClients) => {
  if (message.type === "connect") {
    connect(message.url, message.apiKey, message.subscribers).catch((error: unknown) => {
      console.error("fanout clients: connect failed:", error);
      process.exit(1);
    });
  } else if (message.type === "collect") {
    collect(message.expected, message.timeoutMs);
  } else {
    Promise.allSettled(clients.map((client) => client.dispose())).then(() => {
      clients = [];
      send({ type: "disconnected" });
    });
  }
});
process.on("disconnect", () => process.exit(0));
