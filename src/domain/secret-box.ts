/**
 * Seals secrets for storage and opens them only where they are used (verifying a webhook).
 * The key never enters the domain: src/server/ builds the box from TRACKLINE_SECRET_KEY and
 * hands it down through buildApp (decision 026).
 */
export interface SecretBox {
  /** A storable, versioned form of `plain` ("v1:<iv>:<tag>:<ciphertext>"). */
  seal(plain: string): string;
  /** The plain secret; throws when the value was sealed under another key or was altered. */
  open(sealed: string): string;
}

/**
 * What migration 20261129150500 put before every secret it found stored in the clear; such a
 * value still opens, and start-up seals it (sealClearSecrets).
 */
export const CLEAR_SECRET_PREFIX = "v0:";
