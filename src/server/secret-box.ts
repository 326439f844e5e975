import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { CLEAR_SECRET_PREFIX, type SecretBox } from "../domain/secret-box.ts";

const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";
/** GCM's standard nonce size; random per secret, so one key seals many secrets safely. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;
/** Opened secrets a box remembers (webhook endpoints, marketplace credentials). */
const MAX_OPENED = 1_000;

/**
 * AES-256-GCM under one 32-byte key. A sealed value is `v1:<iv>:<tag>:<ciphertext>` (base64):
 * the version names the scheme and key, so a later key rotation can add `v2` and still open
 * `v1` (decision 026). `v0:<clear>` (rows stored before encryption) opens as it is.
 */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== SECRET_KEY_BYTES) {
    throw new Error(`the secret key must be ${SECRET_KEY_BYTES} bytes, got ${key.length}`);
  }
  const ownKey = Buffer.from(key);
  // Secrets opened before, by their sealed form: a busy webhook endpoint's secret is opened once,
  // not on every delivery (an AES-GCM decipher each). The key that opens them is in this process
  // anyway; a value that fails to open is not kept, so it fails every time.
  const opened = new Map<string, string>();
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, ownKey, iv, { authTagLength: TAG_BYTES });
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64"));
      return [VERSION, ...parts].join(":");
    },
    open(sealed) {
      const known = opened.get(sealed);
      if (known !== undefined) return known;
      const plain = openSealed(sealed);
      if (opened.size >= MAX_OPENED) opened.clear();
      opened.set(sealed, plain);
      return plain;
    },
  };

  function openSealed(sealed: string): string {
    if (sealed.startsWith(CLEAR_SECRET_PREFIX)) return sealed.slice(CLEAR_SECRET_PREFIX.length);
    const [version, iv, tag, ciphertext, ...rest] = sealed.split(":");
    const ivBytes = Buffer.from(iv ?? "", "base64");
    const tagBytes = Buffer.from(tag ?? "", "base64");
    if (
      version !== VERSION ||
      ciphertext === undefined ||
      rest.length > 0 ||
      ivBytes.length !== IV_BYTES ||
      // A short tag would let a forger guess it; GCM would accept one unless told the length.
      tagBytes.length !== TAG_BYTES
    ) {
      throw new Error(`not a sealed secret (expected ${VERSION}:<iv>:<tag>:<ciphertext>)`);
    }
    const decipher = createDecipheriv(ALGORITHM, ownKey, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tagBytes);
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, "base64")),
        decipher.final(),
      ]).toString("utf8");
    } catch {
      throw new Error(
        "a stored secret does not open: it was sealed under another key than this one (TRACKLINE_SECRET_KEY, else the data directory's secret-key file), or altered",
      );
    }
  }
}
