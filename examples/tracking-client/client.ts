// A typed trackline client for frontend teams: documents written with `graphql()` are typed by
// GraphQL Code Generator's client preset (`npm run codegen` writes ./generated/), sent as plain
// strings over fetch (queries) and graphql-ws (subscriptions). No GraphQL runtime is bundled.
import { type Client, createClient } from "graphql-ws";
import type { TypedDocumentString } from "./generated/graphql.ts";
import { graphql } from "./generated/index.ts";

export const ShipmentTimeline = graphql(`
  query ShipmentTimeline($id: ID!, $locale: Locale) {
    shipment(id: $id) {
      id
      trackingNumber
      status
      carrier { name trackingUrl }
      currentPlace { city countryCode coordinates { latitude longitude precision } }
      estimatedDelivery { earliest mostLikely latest explanation(locale: $locale) }
      timeline(locale: $locale) {
        occurredAt
        status
        description
        location { city region countryCode }
      }
    }
  }
`);

export const TrackingEventAdded = graphql(`
  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {
    trackingEventAdded(storeId: $storeId, locale: $locale) {
      shipment { id trackingNumber status currentPlace { city countryCode } }
      events { occurredAt status description }
    }
  }
`);

export const ShipmentUpdated = graphql(`
  subscription ShipmentUpdated($id: ID!) {
    shipmentUpdated(id: $id) { id status substatus lastEventAt }
  }
`);

export interface TracklineOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`; keep it out of URLs and localStorage. */
  apiKey: string;
  /** A fetch to use instead of the global one (tests, server-side rendering). */
  fetch?: typeof fetch;
}

/** What the API refused: its first error's message and `extensions.code`. */
export class TracklineError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "TracklineError";
  }
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs one query or mutation; its result is typed from the document. */
export async function execute<R, V>(
  options: TracklineOptions,
  document: TypedDocumentString<R, V>,
  variables: V,
): Promise<R> {
  const response = await (options.fetch ?? fetch)(options.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      authorization: `Bearer ${options.apiKey}`,
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as GraphQLResponse<R>;
  const error = body.errors?.[0];
  if (error) throw new TracklineError(error.message, error.extensions?.code);
  if (!body.data) throw new TracklineError(`no data (HTTP ${response.status})`, undefined);
  return body.data;
}

/** A parcel's timeline, where it is and when it should arrive; null when the key cannot see it. */
export async function fetchTimeline(options: TracklineOptions, id: string, locale?: string) {
  const data = await execute(options, ShipmentTimeline, { id, locale });
  return data.shipment;
}

/** A graphql-ws client on the endpoint (ws:// or wss://), authenticated like HTTP requests. */
export function createLiveClient(options: TracklineOptions & { webSocketImpl?: unknown }): Client {
  return createClient({
    url: options.url.replace(/^http/, "ws"),
    connectionParams: { authorization: `Bearer ${options.apiKey}` },
    webSocketImpl: options.webSocketImpl,
  });
}

/**
 * Calls `onNext` with each result of a subscription until the returned function is called.
 * graphql-ws reconnects by itself; `onError` hears what it gives up on.
 */
export function subscribe<R, V extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentString<R, V>,
  variables: V,
  onNext: (data: R) => void,
  onError: (error: unknown) => void = console.error,
): () => void {
  return client.subscribe<R>(
    { query: document.toString(), variables },
    {
      next: (result) => {
        if (result.errors?.length) onError(result.errors);
        else if (result.data) onNext(result.data);
      },
      error: onError,
      complete: () => {},
    },
  );
}
