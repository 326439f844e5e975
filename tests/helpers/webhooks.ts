import { createHash, createHmac } from "node:crypto";
import type { TestServer } from "./test-server.ts";

/** Signs as each provider documents, independently of the adapters under test. */
export const SIGN: Record<string, (body: string, secret: string) => Record<string, string>> = {
  aftership: (body, secret) => ({
    "aftership-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"),
  }),
  easypost: (body, secret) => ({
    "x-hmac-signature": `hmac-sha256-hex=${createHmac("sha256", secret.normalize("NFKD")).update(body).digest("hex")}`,
  }),
  "17track": (body, secret) => ({
    sign: createHash("sha256").update(`${body}/${secret}`).digest("hex"),
  }),
};

/** POSTs a raw body to a webhook path of the test server, with the given (signature) headers. */
export async function postWebhook(
  server: TestServer,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(server.url.replace("/graphql", path), {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}
