import { graphql } from "../generated/index.ts";
import { buildShipment } from "./factories.ts";
import { RecordEvents } from "./operations.ts";
import type { TestServer } from "./test-server.ts";

export const PublicUrl = graphql(`
  query PublicUrl($id: ID!) {
    shipment(id: $id) { id publicUrl }
  }
`);

export const RevokeLink = graphql(`
  mutation RevokeLink($input: RevokePublicTrackingLinkInput!) {
    revokePublicTrackingLink(input: $input) { errors { code } }
  }
`);

type EventInput = {
  occurredAt: string;
  status: "INFO_RECEIVED" | "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED";
  rawCode: string;
  location?: { city?: string; region?: string; countryCode?: string };
};

/** Shenzhen -> Hong Kong -> Los Angeles, the route most tests draw. */
export const ROUTE_EVENTS: EventInput[] = [
  {
    occurredAt: "2026-11-03T09:00:00+08:00",
    status: "INFO_RECEIVED",
    rawCode: "MP",
    location: { city: "Shenzhen", region: "Guangdong", countryCode: "CN" },
  },
  {
    occurredAt: "2026-11-04T18:30:00+08:00",
    status: "IN_TRANSIT",
    rawCode: "DP",
    location: { city: "Hong Kong", countryCode: "HK" },
  },
  {
    occurredAt: "2026-11-06T07:10:00-08:00",
    status: "IN_TRANSIT",
    rawCode: "AR",
    location: { city: "Los Angeles", region: "CA", countryCode: "US" },
  },
];

export async function recordEvents(
  server: TestServer,
  shipmentId: string,
  events: EventInput[],
  apiKey?: string,
): Promise<void> {
  const result = await server.request(RecordEvents, { input: { shipmentId, events } }, apiKey);
  const errors = result.data?.recordTrackingEvents.errors;
  if (!errors || errors.length) throw new Error(`recording failed: ${JSON.stringify(result)}`);
}

/** A shipment with events and its public token (issued by reading publicUrl). */
export async function trackedShipment(
  server: TestServer,
  options: Parameters<typeof buildShipment>[1] & { events?: EventInput[] } = {},
): Promise<{ shipmentId: string; token: string; url: string }> {
  const shipmentId = await buildShipment(server, options);
  const events = options.events ?? ROUTE_EVENTS;
  if (events.length) await recordEvents(server, shipmentId, events, options.apiKey);
  const read = await server.request(PublicUrl, { id: shipmentId }, options.apiKey);
  const url = read.data?.shipment?.publicUrl;
  const token = url && /\/t\/([A-Za-z0-9_-]{32})$/.exec(url)?.[1];
  if (!url || !token) throw new Error(`no public url: ${JSON.stringify(read)}`);
  return { shipmentId, token, url };
}

export const publicOrigin = (server: TestServer) => new URL(server.url).origin;

/** The persisted mutation, as the page's script sends it. */
export async function rate(
  server: TestServer,
  variables: { token: string; rating: number; comment?: string | null },
) {
  const response = await fetch(`${publicOrigin(server)}/public/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: "rateDelivery", variables }),
  });
  const body = (await response.json()) as {
    data?: {
      rateDelivery: {
        rating: number | null;
        comment: string | null;
        errors: { code: string; field: string | null; message: string }[];
      };
    };
    errors?: unknown[];
  };
  if (!body.data) throw new Error(`rateDelivery failed: ${JSON.stringify(body)}`);
  return body.data.rateDelivery;
}

export interface SseEvent {
  event: string;
  data: string;
}

/** An event stream read as EventSource would: frames, comments counted, in order. */
export async function openEventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let comments = 0;
  let waiter = null as (() => void) | null;
  let ended = false;
  const done = (async () => {
    if (!response.body || !response.headers.get("content-type")?.includes("event-stream")) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (frame.startsWith(":")) comments++;
          else {
            const field = (name: string) =>
              frame
                .split("\n")
                .filter((line) => line.startsWith(`${name}:`))
                .map((line) => line.slice(name.length + 1).trim())
                .join("\n");
            events.push({ event: field("event"), data: field("data") });
          }
          waiter?.();
          cut = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // Aborted by close().
    } finally {
      ended = true;
      waiter?.();
    }
  })();
  return {
    response,
    events,
    comments: () => comments,
    ended: () => ended,
    done,
    /** Waits until `count` events arrived (or the stream ended), at most `ms`. */
    async waitFor(count: number, ms = 5000): Promise<SseEvent[]> {
      const until = Date.now() + ms;
      while (events.length < count && !ended && Date.now() < until) {
        await new Promise<void>((resolve) => {
          waiter = resolve;
          setTimeout(resolve, 100);
        });
      }
      return events;
    },
    close: () => controller.abort(),
  };
}

export function subscriptionUrl(server: TestServer, variables: Record<string, unknown>): string {
  const query = new URLSearchParams({
    id: "shipmentUpdated",
    variables: JSON.stringify(variables),
  });
  return `${publicOrigin(server)}/public/graphql?${query}`;
}
