import { createHash } from "node:crypto";
import { constantTimeEqual } from "../constant-time.ts";
import { asRecord, asText } from "../json.ts";
import type { HeaderReader } from "../types.ts";
import { parseSeventeenTrack } from "./parse.ts";

/**
 * 17TRACK API v2 webhook: header `sign` is the hex SHA-256 of `rawBody + "/" + secret`
 * (the account's API key). Cross-checked against a public 17TRACK webhook receiver
 * (code corpus) that hashes `payload + "/" + key` the same way; 17TRACK's own v2.2
 * document names the `sign` header but its example page was not retrievable here.
 */
export function verifySeventeenTrackWebhook(input: {
  rawBody: string;
  headers: HeaderReader;
  secret: string;
}): boolean {
  const received = input.headers.get("sign");
  if (!received || !input.secret) return false;
  const expected = createHash("sha256")
    .update(`${input.rawBody}/${input.secret}`, "utf8")
    .digest("hex");
  return constantTimeEqual(expected, received.trim().toLowerCase());
}

/**
 * 17TRACK deliveries carry no id: a replay is the same number with the same latest
 * event, so the id is a SHA-256 of "event|number|latest event time" (latest_event,
 * else the newest parsed event). Null when there is no event time to anchor it.
 */
export function seventeenTrackWebhookEventId(payload: unknown): string | null {
  const root = asRecord(payload);
  const data = asRecord(root?.data);
  const number = asText(data?.number);
  if (!number) return null;
  const latest = asRecord(asRecord(data?.track_info)?.latest_event);
  let time = asText(latest?.time_utc) ?? asText(latest?.time_iso);
  if (!time) {
    try {
      time = parseSeventeenTrack(payload).at(-1)?.occurredAt;
    } catch {
      time = undefined;
    }
  }
  if (!time) return null;
  const event = asText(root?.event) ?? "";
  return createHash("sha256").update(`${event}|${number}|${time}`).digest("hex");
}
