// Starts GraphiQL with trackline's fetcher; the options come from the page (graphiql.ts).
import { createFetcher } from "./fetcher.js";

// `endpoint` stays here: GraphiQL ignores it beside a fetcher, and says so in the console.
const { endpoint, ...options } = JSON.parse(
  document.getElementById("graphiql-options").textContent,
);
const url = new URL(endpoint, location.href);
const wsUrl = new URL(url);
wsUrl.protocol = url.protocol === "https:" ? "wss:" : "ws:";

globalThis.YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), {
  ...options,
  fetcher: createFetcher({
    url: url.href,
    wsUrl: wsUrl.href,
    fetch: (...args) => globalThis.fetch(...args),
    createClient: globalThis.graphqlWs.createClient,
  }),
});
