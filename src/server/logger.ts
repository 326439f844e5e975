import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

/**
 * Where secrets could sit in what is logged: request headers, and fields named after keys,
 * secrets, tokens, passwords or credentials at any of the first levels. Their values become
 * "[redacted]"; nothing else about them is hidden.
 */
const REDACT = [
  "authorization",
  "headers.authorization",
  "req.headers.authorization",
  "req.headers.cookie",
  ...["key", "apiKey", "secret", "token", "password", "credentials", "connectionParams"].flatMap(
    (name) => [name, `*.${name}`],
  ),
];

/**
 * JSON lines on stdout (pino): one object per event with `level`, `time`, `msg`, and the request
 * id where there is one. TRACKLINE_LOG_LEVEL picks the level (info by default).
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "trackline" },
      redact: { paths: REDACT, censor: "[redacted]" },
      // Errors logged as `err` keep their type, message and stack.
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}

/** A logger that writes nothing: tests and benchmarks that do not ask for logs. */
export const SILENT_LOGGER: Logger = pino({ level: "silent" });

/**
 * The request id a proxy sent in `x-request-id` when it looks like one (printable, at most 128
 * characters), or a new UUID; it is logged with everything the request causes and echoed back.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\x21-\x7e]{1,128}$/.test(given) ? given : randomUUID();
}
