import { hmacSha256Hex } from "../api-call.ts";

/**
 * TikTok Shop API (202309) signature, as "Sign your API request" documents it: the query keys
 * except `sign` and `access_token`, sorted, concatenated as {key}{value} after the path, then the
 * raw JSON body (for non-multipart requests), wrapped in the app secret on both sides, and
 * HMAC-SHA256'd with the app secret, hex.
 */
export function tiktokSign(
  appSecret: string,
  path: string,
  query: Readonly<Record<string, string>>,
  body: string,
): string {
  const params = Object.keys(query)
    .filter((key) => key !== "sign" && key !== "access_token")
    .sort()
    .map((key) => `${key}${query[key]}`)
    .join("");
  return hmacSha256Hex(appSecret, `${appSecret}${path}${params}${body}${appSecret}`);
}
