import {
  chmodSync,
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/** Only the owner may enter the data directory or read its files (the demo key is there). */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;
export const LOCK_FILE = "trackline.lock";

/** Creates the data directory owner-only, or makes an existing one so. */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  chmodSync(dataDir, DIR_MODE);
}

/**
 * Makes everything under `dir` owner-only. PGlite's initdb leaves its files 0666 whatever the
 * umask (it sets their modes explicitly), so a umask alone is not enough; files PostgreSQL
 * creates later ask for 0600 themselves, and the 0700 directory covers any other.
 */
export function restrictPermissions(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      chmodSync(target, DIR_MODE);
      restrictPermissions(target);
    } else if (entry.isFile()) {
      chmodSync(target, FILE_MODE);
    }
  }
}

/** Runs `work` with a umask that gives new files and directories no group or other bits. */
export async function withPrivateUmask<T>(work: () => Promise<T>): Promise<T> {
  const previous = process.umask(0o077);
  try {
    return await work();
  } finally {
    process.umask(previous);
  }
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

export interface DataDirLock {
  path: string;
  /** Removes the lock file if it is still ours; safe to call more than once, and on exit. */
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
}

/**
 * Takes the data directory for this process: PGlite has no lock of its own, and two processes
 * on one directory each see only their own writes until one of them corrupts the other's.
 * The lock file holds the owner's pid and host; a lock whose process is gone (a crash, a kill
 * -9) is taken over. A lock from another host cannot be checked and is honoured.
 */
export function lockDataDir(dataDir: string, self: LockOwner = currentOwner()): DataDirLock {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const content = `${JSON.stringify(self)}\n`;
  // Two rounds: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createComplete(lockPath, content)) {
      return { path: lockPath, release: () => releaseIfOurs(lockPath, content) };
    }
    const owner = readOwner(lockPath);
    if (owner && isAlive(owner, self)) {
      throw new DataDirLockedError(
        `data directory ${dataDir} is in use by process ${owner.pid}` +
          (owner.host === self.host ? "" : ` on ${owner.host}`) +
          `: stop it first (or, if no trackline runs there, delete ${lockPath})`,
      );
    }
    removeStale(lockPath, owner);
  }
  throw new DataDirLockedError(
    `data directory ${dataDir} was locked again while a stale lock was removed: another trackline is starting on it`,
  );
}

/**
 * Creates `target` holding `content`, or returns false if it exists. Written aside, then
 * linked into place: a reader never sees a half-written lock and mistakes it for a stale one.
 */
function createComplete(target: string, content: string): boolean {
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", FILE_MODE);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, target);
    return true;
  } catch (error) {
    if (isErrno(error, "EEXIST")) return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function currentOwner(): LockOwner {
  return { pid: process.pid, host: hostname() };
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, "utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "pid" in parsed &&
      "host" in parsed &&
      Number.isInteger(parsed.pid) &&
      typeof parsed.host === "string"
    ) {
      return { pid: parsed.pid as number, host: parsed.host };
    }
  } catch (error) {
    // Gone in between (its owner stopped), or half written by a process that died: stale.
    if (!isErrno(error, "ENOENT") && !(error instanceof SyntaxError)) throw error;
  }
  return null;
}

function isAlive(owner: LockOwner, self: LockOwner): boolean {
  if (owner.host !== self.host) return true;
  if (owner.pid === self.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return !isErrno(error, "ESRCH");
  }
}

/**
 * Moves the stale lock aside under a name of our own, then checks that what was moved is the
 * stale lock read before: if another process replaced it meanwhile, its lock is put back.
 */
function removeStale(lockPath: string, stale: LockOwner | null): void {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if (isErrno(error, "ENOENT")) return;
    throw error;
  }
  const moved = readOwner(aside);
  if (moved && (!stale || moved.pid !== stale.pid || moved.host !== stale.host)) {
    try {
      linkSync(aside, lockPath);
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw error;
    }
  }
  unlinkSync(aside);
}

function releaseIfOurs(lockPath: string, content: string): void {
  try {
    if (readFileSync(lockPath, "utf8") === content) unlinkSync(lockPath);
  } catch (error) {
    if (!isErrno(error, "ENOENT")) throw error;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
