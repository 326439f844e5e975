import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "./config.ts";
import { createSecretBox } from "./secret-box.ts";
import { embeddedSecretKey, openSecretBox, parseSecretKey, SECRET_KEY_FILE } from "./secret-key.ts";

const KEY = randomBytes(32);

describe("createSecretBox", () => {
  const box = createSecretBox(KEY);

  it("seals with a fresh IV each time, never in the clear, and opens what it sealed", () => {
    const plain = "whsec_at_rest_0123456789abcdef";
    const [first, second] = [box.seal(plain), box.seal(plain)];
    expect(first).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(plain);
    expect([box.open(first), box.open(second)]).toEqual([plain, plain]);
    expect(box.open(box.seal(""))).toBe("");
  });

  it("refuses a value sealed under another key, altered, or with a short tag", () => {
    const sealed = box.seal("whsec_at_rest_0123456789abcdef");
    // Opened once here: what a box remembers of it must not make the refusals below pass.
    expect(box.open(sealed)).toBe("whsec_at_rest_0123456789abcdef");
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow(/does not open/);
    const [version, iv, tag, ciphertext] = sealed.split(":") as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, "base64");
    flipped[0]! ^= 1;
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => box.open([version, iv, tag, flipped.toString("base64")].join(":"))).toThrow(
        /does not open/,
      );
    }
    const shortTag = Buffer.from(tag, "base64").subarray(0, 4).toString("base64");
    expect(() => box.open([version, iv, shortTag, ciphertext].join(":"))).toThrow(/not a sealed/);
    expect(() => box.open("whsec_plain_text_secret_value")).toThrow(/not a sealed/);
    expect(() => box.open(`v2:${iv}:${tag}:${ciphertext}`)).toThrow(/not a sealed/);
  });

  it("opens a v0 value (stored before encryption) as the clear text it is", () => {
    expect(box.open("v0:whsec:with:colons")).toBe("whsec:with:colons");
  });

  it("takes only a 32-byte key", () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe("parseSecretKey", () => {
  it("reads 32 bytes written as hex or base64 (standard or URL-safe, padded or not)", () => {
    for (const text of [
      KEY.toString("hex"),
      KEY.toString("hex").toUpperCase(),
      KEY.toString("base64"),
      KEY.toString("base64url"),
      ` ${KEY.toString("base64")}\n`,
    ]) {
      expect(parseSecretKey(text).equals(KEY)).toBe(true);
    }
  });

  it("refuses a passphrase, a short key or a long one, naming where it came from", () => {
    for (const text of [
      "correct horse battery staple",
      randomBytes(31).toString("base64"),
      randomBytes(33).toString("hex"),
      randomBytes(48).toString("base64"),
    ]) {
      expect(() => parseSecretKey(text)).toThrow(/TRACKLINE_SECRET_KEY must be 32 random bytes/);
    }
    expect(() => parseSecretKey("nope", "data/secret-key")).toThrow(/^data\/secret-key must/);
  });
});

describe("the embedded data directory's key", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "trackline-key-"));
    dirs.push(dir);
    return path.join(dir, "data");
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("is made on first start, readable by its owner only, and the same on the next", () => {
    const dir = dataDir();
    const first = embeddedSecretKey(dir);
    expect(first.created).toBe(true);
    expect(first.file).toBe(path.join(dir, SECRET_KEY_FILE));
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(readFileSync(first.file, "utf8")).equals(first.key)).toBe(true);

    const second = embeddedSecretKey(dir);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it("stops start-up when the file holds no key, rather than replacing it", () => {
    const dir = dataDir();
    embeddedSecretKey(dir);
    writeFileSync(path.join(dir, SECRET_KEY_FILE), "garbage");
    expect(() => embeddedSecretKey(dir)).toThrow(/secret-key must be 32 random bytes/);
    expect(readFileSync(path.join(dir, SECRET_KEY_FILE), "utf8")).toBe("garbage");
  });

  it("is not used, nor made, when TRACKLINE_SECRET_KEY is set", () => {
    const dir = dataDir();
    const { secretBox, createdKeyFile } = openSecretBox({ secretKey: KEY, dataDir: dir });
    expect(createdKeyFile).toBeNull();
    expect(createSecretBox(KEY).open(secretBox.seal("x".repeat(24)))).toBe("x".repeat(24));
    expect(openSecretBox({ secretKey: undefined, dataDir: dir }).createdKeyFile).toBe(
      path.join(dir, SECRET_KEY_FILE),
    );
  });
});

describe("readConfig and TRACKLINE_SECRET_KEY", () => {
  const postgres = "postgresql://postgres@127.0.0.1:5432/trackline";

  it("refuses to start on PostgreSQL without the key", () => {
    expect(() => readConfig({ DATABASE_URL: postgres })).toThrow(
      /TRACKLINE_SECRET_KEY is required with DATABASE_URL/,
    );
  });

  it("reads the key when given, and leaves embedded mode to make its own when not", () => {
    const hex = KEY.toString("hex");
    const onPostgres = readConfig({ DATABASE_URL: postgres, TRACKLINE_SECRET_KEY: hex });
    expect(onPostgres.secretKey?.equals(KEY)).toBe(true);
    expect(readConfig({}).secretKey).toBeUndefined();
  });

  it("refuses a malformed key at start-up", () => {
    expect(() => readConfig({ TRACKLINE_SECRET_KEY: "hunter2" })).toThrow(/must be 32 random/);
  });
});
