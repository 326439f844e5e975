import { closeSync, fsyncSync, openSync, readdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

type EmscriptenOptions = Parameters<NodeFS["init"]>[1];
type PreRun = NonNullable<EmscriptenOptions["preRun"]>[number];

/** The part of Emscripten's NODEFS this file touches (PGlite types it only loosely). */
interface NodeFsInternals {
  stream_ops: { fsync?: (stream: { nfd: number }) => number };
  tryFSOperation<T>(operation: () => T): T;
}

/**
 * PGlite's start parameters with fsync on, and the WAL flushed with fsync() at each commit.
 * PGlite starts PostgreSQL with `-F` (fsync off). `wal_sync_method=fsync` because Emscripten
 * answers fdatasync() with success without doing anything, while fsync() reaches the file
 * system's `fsync` operation, which `DurableNodeFS` provides.
 */
export const DURABLE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
  "-c",
  "wal_sync_method=fsync",
];

/**
 * PGlite's Node file system with a real fsync: Emscripten's NODEFS has none, so even with
 * fsync on, PostgreSQL's fsync calls return without reaching the disk. This gives NODEFS the
 * operation (Node's fsyncSync on the file's descriptor); a failure becomes an I/O error that
 * PostgreSQL treats as it would on any system (it stops rather than carry on).
 * `fsync` is replaceable so a test can count the calls.
 */
export class DurableNodeFS extends NodeFS {
  readonly #fsync: (fd: number) => void;

  constructor(dataDir: string, options: { fsync?: (fd: number) => void } = {}) {
    super(dataDir);
    this.#fsync = options.fsync ?? fsyncSync;
  }

  override async init(pg: PGlite, opts: EmscriptenOptions) {
    const result = await super.init(pg, opts);
    const addFsync: PreRun = (mod) => {
      const nodefs = mod.NODEFS as unknown as NodeFsInternals;
      nodefs.stream_ops.fsync = (stream) => {
        nodefs.tryFSOperation(() => this.#fsync(stream.nfd));
        // Emscripten's fd_sync returns what this returns: anything but 0 reads as an errno.
        return 0;
      };
    };
    result.emscriptenOpts.preRun = [...(result.emscriptenOpts.preRun ?? []), addFsync];
    return result;
  }
}

/**
 * fsyncs every file and directory under `dir`, children before parents. PGlite builds a new
 * cluster in memory (initdb) and unpacks it into the data directory with plain writes: until
 * the kernel writes them back, a power loss could take the catalog a later durable commit
 * depends on. Run once, on the start that created the directory.
 */
export function syncTree(dir: string, fsync: (fd: number) => void = fsyncSync): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(target, fsync);
    else if (entry.isFile()) syncPath(target, fsync);
  }
  syncPath(dir, fsync);
}

function syncPath(target: string, fsync: (fd: number) => void): void {
  const fd = openSync(target, "r");
  try {
    fsync(fd);
  } finally {
    closeSync(fd);
  }
}
