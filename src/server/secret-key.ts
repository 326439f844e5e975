import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SecretBox } from "../domain/secret-box.ts";
import { createSecretBox, SECRET_KEY_BYTES } from "./secret-box.ts";

const HOW_TO_MAKE_ONE = "openssl rand -base64 32";

/**
 * TRACKLINE_SECRET_KEY: 32 random bytes written as 64 hex digits or as base64 (standard or
 * URL-safe, padding optional). Anything else is refused rather than stretched into a key, so a
 * typo cannot quietly become a weak key.
 */
export function parseSecretKey(text: string, source = "TRACKLINE_SECRET_KEY"): Buffer {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value, "base64");
    if (key.length === SECRET_KEY_BYTES) return key;
  }
  throw new Error(
    `${source} must be ${SECRET_KEY_BYTES} random bytes as 64 hex digits or base64 (${HOW_TO_MAKE_ONE})`,
  );
}

export const SECRET_KEY_FILE = "secret-key";

/**
 * Embedded mode without TRACKLINE_SECRET_KEY: the key kept in `<dataDir>/secret-key` (mode 0600),
 * made on first start. PostgreSQL mode never gets here (readConfig requires the variable): every
 * instance must share one key, which a file on one host cannot promise.
 */
export function embeddedSecretKey(dataDir: string): {
  key: Buffer;
  created: boolean;
  file: string;
} {
  const file = path.resolve(dataDir, SECRET_KEY_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": never overwrite a key that already seals secrets, even one another process just wrote.
    const key = randomBytes(SECRET_KEY_BYTES);
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return { key, created: true, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return { key: parseSecretKey(readFileSync(file, "utf8"), file), created: false, file };
}

/**
 * The box start-up hands to buildApp: TRACKLINE_SECRET_KEY when set (readConfig requires it on
 * PostgreSQL), else the embedded data directory's key, made on first start.
 */
export function openSecretBox(config: { secretKey: Buffer | undefined; dataDir: string }): {
  secretBox: SecretBox;
  /** The key file made by this start, to say so once. */
  createdKeyFile: string | null;
} {
  if (config.secretKey)
    return { secretBox: createSecretBox(config.secretKey), createdKeyFile: null };
  const { key, created, file } = embeddedSecretKey(config.dataDir);
  return { secretBox: createSecretBox(key), createdKeyFile: created ? file : null };
}
