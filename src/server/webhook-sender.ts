import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { WebhookSender } from "../domain/outbound-webhooks/deliver.ts";
import {
  blockedAddress,
  literalAddress,
  type TargetAllowList,
} from "../domain/outbound-webhooks/targets.ts";

/** A receiver must answer within this; Standard Webhooks suggests 15 s. */
const TIMEOUT_MS = 15_000;

/**
 * POSTs outbound webhooks over node:http(s). The address is checked where the connection is
 * made (the socket's own DNS lookup), so a host that resolves to a public address when the
 * subscription is made and to 127.0.0.1 when a delivery goes out is still refused. Redirects
 * are not followed.
 */
export function createWebhookSender(allow: TargetAllowList): WebhookSender {
  const guardedLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as LookupAddress[];
      const refused = allow.hosts.has(hostname.toLowerCase())
        ? null
        : list.map((a) => blockedAddress(a.address, allow)).find(Boolean);
      if (refused) return callback(new Error(`refused: ${hostname} resolves to ${refused}`), "", 4);
      if ((options as { all?: boolean }).all)
        return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };

  async function checkTarget(url: URL): Promise<string | null> {
    if (allow.hosts.has(url.hostname.toLowerCase())) return null;
    const literal = literalAddress(url);
    if (literal) return blockedAddress(literal, allow);
    const addresses = await new Promise<LookupAddress[] | null>((resolve) =>
      dnsLookup(url.hostname, { all: true }, (error, found) => resolve(error ? null : found)),
    );
    // A name that does not resolve here may resolve where the server runs; deliveries check again.
    return addresses?.map((a) => blockedAddress(a.address, allow)).find(Boolean) ?? null;
  }

  return {
    checkTarget,
    async post(target, body, headers) {
      const url = new URL(target);
      const refused = literalAddress(url) && (await checkTarget(url));
      if (refused) throw new Error(`refused: ${refused}`);
      const request = url.protocol === "https:" ? httpsRequest : httpRequest;
      return new Promise((resolve, reject) => {
        const req = request(
          url,
          {
            method: "POST",
            headers: { ...headers, "content-length": Buffer.byteLength(body) },
            lookup: guardedLookup,
            timeout: TIMEOUT_MS,
          },
          (res) => {
            // The answer's body is not read for anything; drain it so the socket is freed.
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
            res.on("error", reject);
          },
        );
        req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
        req.on("error", reject);
        req.end(body);
      });
    },
  };
}
