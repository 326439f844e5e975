/** How the public endpoint answers: JSON with its headers, typed refusals, masked errors. */
import type { ServerResponse } from "node:http";
import { type ExecutionResult, GraphQLError } from "graphql";
import { PUBLIC_HEADERS } from "./public-tracking-page.ts";

const MAX_LOCALE_LENGTH = 64;

export function safeLocale(requested: unknown): string | null {
  return typeof requested === "string" && requested.length <= MAX_LOCALE_LENGTH ? requested : null;
}

/** Variable errors describe the request (a scalar's refusal too); anything else is a bug, masked. */
export function masked(result: ExecutionResult): ExecutionResult {
  const errors = result.errors?.map((error) =>
    error.originalError && !(error.originalError instanceof GraphQLError)
      ? { message: "internal error" }
      : { message: error.message },
  );
  return errors ? ({ ...result, errors } as unknown as ExecutionResult) : result;
}

const REFUSALS: Record<string, string> = {
  RATE_LIMITED: "too many requests",
  TOO_MANY_STREAMS: "too many open event streams from this address",
  MUTATION_NEEDS_POST: "send mutations with POST",
  EVENT_STREAM_ONLY: "subscriptions are served as text/event-stream to GET requests",
  PERSISTED_QUERY_ONLY: "only persisted operations are accepted: send { id, variables }",
  PERSISTED_QUERY_NOT_FOUND: "no persisted operation has this id",
  PAYLOAD_TOO_LARGE: "request body too large",
  METHOD_NOT_ALLOWED: "use GET or POST",
  BAD_REQUEST: "send { id, variables } as JSON",
};

export const REFUSAL_STATUS: Record<string, number> = {
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
};

export function refusal(code: string) {
  return { errors: [{ message: REFUSALS[code] ?? code, extensions: { code } }] };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = PUBLIC_HEADERS,
): void {
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
