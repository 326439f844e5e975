import type { DocumentNode } from "graphql";
import type { Client, ClientOptions } from "graphql-ws";

/** What the fetcher needs from its surroundings: the browser's, or a test's. */
export interface FetcherDeps {
  /** The GraphQL endpoint over HTTP. */
  url: string;
  /** The same endpoint over WebSocket. */
  wsUrl: string;
  fetch: typeof fetch;
  createClient: (options: ClientOptions) => Client;
  /** The browser has one; Node tests pass `ws`. */
  webSocketImpl?: unknown;
}

export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** What GraphiQL passes besides the operation: its headers editor, parsed, and the document. */
export interface FetcherOptions {
  headers?: Record<string, unknown>;
  documentAST?: DocumentNode;
}

export type FetcherResult = Record<string, unknown>;

/** A result for a query or mutation; an async iterator of results for a subscription. */
export type Fetcher = (
  params: FetcherParams,
  options?: FetcherOptions,
) => Promise<FetcherResult | AsyncIterableIterator<FetcherResult>>;

export function createFetcher(deps: FetcherDeps): Fetcher;
