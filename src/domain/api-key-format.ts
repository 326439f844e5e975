import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

/**
 * `tl_live_` or `tl_test_`, 43 base62 characters holding 256 random bits, then 6 base62
 * characters of the body's CRC32 (GitHub's token layout): a mistyped key fails its checksum
 * before any lookup. Decision 034.
 */
export type ApiKeyKind = "live" | "test";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 43;
const CHECKSUM_LENGTH = 6;
/** A key in the current alphabet this long is checked as a current key (legacy ones are 32). */
const CURRENT_SHAPE = /^tl_(live|test)_([0-9A-Za-z]{40,})$/;

/** Keys carry 256 random bits: SHA-256 is enough (no salt or slow hash needed for that entropy). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateApiKey(kind: ApiKeyKind = "test"): string {
  const body = toBase62(BigInt(`0x${randomBytes(32).toString("hex")}`), BODY_LENGTH);
  return `tl_${kind}_${body}${checksum(body)}`;
}

/** What a presented key looks like, before any lookup. */
export type ApiKeyShape = "current" | "malformed" | "legacy";

/**
 * `current`: the format above with a matching checksum. `malformed`: the current format's
 * prefix and alphabet, but a wrong length or checksum (a typo). `legacy`: anything else, such
 * as keys generated before decision 034 (`tl_test_` + 32 base64url characters) or chosen
 * through TRACKLINE_DEMO_API_KEY; those are only looked up.
 */
export function apiKeyShape(key: string): ApiKeyShape {
  const match = CURRENT_SHAPE.exec(key);
  if (!match) return "legacy";
  const rest = match[2] ?? "";
  if (rest.length !== BODY_LENGTH + CHECKSUM_LENGTH) return "malformed";
  const body = rest.slice(0, BODY_LENGTH);
  return rest.slice(BODY_LENGTH) === checksum(body) ? "current" : "malformed";
}

/** The start of a key that humans see to tell keys apart; never enough to use it. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 12);
}

function checksum(body: string): string {
  return toBase62(BigInt(crc32(body)), CHECKSUM_LENGTH);
}

function toBase62(value: bigint, length: number): string {
  let text = "";
  let rest = value;
  while (rest > 0n) {
    text = ALPHABET[Number(rest % 62n)] + text;
    rest /= 62n;
  }
  return text.padStart(length, "0");
}
