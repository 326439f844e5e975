// GraphiQL's fetcher, run in the browser (page.js) and in tests (tests/graphiql.test.ts): plain
// JavaScript so the server can serve this very file; its types are in fetcher.d.ts.
//
// Yoga's own GraphiQL fetcher sends the headers editor's content with queries and mutations
// but never with a subscription's WebSocket, and trackline authenticates a WebSocket from its
// connectionParams. This one sends the same headers both ways.

/** @param {import("./fetcher.d.ts").FetcherDeps} deps */
export function createFetcher({ url, wsUrl, fetch, createClient, webSocketImpl }) {
  /** One lazy graphql-ws client per set of headers: a client's connectionParams are fixed. */
  const clients = new Map();
  const clientFor = (connectionParams) => {
    const key = JSON.stringify(connectionParams);
    let client = clients.get(key);
    if (!client) {
      client = createClient({ url: wsUrl, connectionParams, webSocketImpl, retryAttempts: 0 });
      clients.set(key, client);
    }
    return client;
  };

  return async (params, options = {}) => {
    const headers = stringValues(options.headers);
    if (isSubscription(params.operationName, options.documentAST)) {
      return subscription(clientFor(lowerCaseKeys(headers)), params);
    }
    const response = await fetch(url, {
      method: "POST",
      headers: {
        accept: "application/graphql-response+json, application/json",
        "content-type": "application/json",
        ...headers,
      },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
  };
}

/** The operation GraphiQL runs is a subscription (introspection comes without a document). */
function isSubscription(operationName, document) {
  const operations = (document?.definitions ?? []).filter(
    (definition) => definition.kind === "OperationDefinition",
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  return operation?.operation === "subscription";
}

/**
 * graphql-ws's iterator, with its close events turned into errors GraphiQL can print. Not an
 * async generator: GraphiQL's stop button calls `return()`, which must unsubscribe at once
 * rather than wait for the next event.
 */
function subscription(client, params) {
  const inner = client.iterate(params);
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () =>
      inner.next().catch((error) => {
        throw describe(error);
      }),
    return: () => inner.return?.() ?? Promise.resolve({ done: true, value: undefined }),
  };
}

function describe(error) {
  if (error instanceof Error) return error;
  if (error && typeof error === "object" && "code" in error) {
    return new Error(`WebSocket closed: ${error.code} ${error.reason || ""}`.trim());
  }
  return new Error(String(error));
}

function stringValues(headers) {
  const result = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) result[name] = String(value);
  }
  return result;
}

/** The server reads `authorization` and `accept-language` from connectionParams, lower case. */
function lowerCaseKeys(headers) {
  const result = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  return result;
}
