/**
 * What a durable commit costs the embedded database: inserts/s with PGlite's defaults (fsync
 * off, TRACKLINE_FSYNC=0) and as trackline opens it by default (fsync on, a real fsync per
 * commit: src/server/durable-fs.ts).
 * Run: npx tsx bench/durability.ts   (about a minute; temporary directories, no network)
 */
import { fsyncSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "../generated/prisma/client.ts";
import { openFilePGlite, openPGlite } from "../src/server/database.ts";
import { applyMigrations } from "../src/server/migrate.ts";

const ROUNDS = 3;
const ROUND_MS = 2000;

interface Setup {
  name: string;
  open(dataDir: string, onFsync: () => void): Promise<PGlite>;
}

const SETUPS: Setup[] = [
  {
    name: "TRACKLINE_FSYNC=0 (PGlite's fsync off)",
    open: (dataDir) => openFilePGlite(dataDir, { durable: false }),
  },
  {
    name: "default (fsync on)",
    open: (dataDir, onFsync) =>
      openFilePGlite(dataDir, {
        fsync: (fd) => {
          onFsync();
          fsyncSync(fd);
        },
      }),
  },
];

/** Runs `work` again and again for ROUND_MS: how many times, and how many per second. */
async function rate(
  work: (i: number) => Promise<unknown>,
): Promise<{ done: number; perSecond: number }> {
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < ROUND_MS) await work(done++);
  return { done, perSecond: (done / (performance.now() - started)) * 1000 };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const root = mkdtempSync(path.join(tmpdir(), "trackline-bench-durability-"));
const rows: string[][] = [];
try {
  for (const setup of SETUPS) {
    let fsyncs = 0;
    const pglite = await setup.open(path.join(root, String(rows.length)), () => fsyncs++);
    const handle = openPGlite(pglite);
    await applyMigrations(handle);
    await pglite.exec("CREATE TABLE bench (id int PRIMARY KEY, body text NOT NULL)");
    const db = new PrismaClient({ adapter: handle.adapter });
    let id = 0;
    const scenarios: [string, (i: number) => Promise<unknown>][] = [
      [
        "INSERT, one row per commit",
        () => pglite.query("INSERT INTO bench VALUES ($1, $2)", [id++, "x".repeat(200)]),
      ],
      [
        "INSERT, 50 rows per commit",
        () =>
          pglite.transaction(async (tx) => {
            for (let row = 0; row < 50; row++) {
              await tx.query("INSERT INTO bench VALUES ($1, $2)", [id++, "x".repeat(200)]);
            }
          }),
      ],
      ["Prisma create (a tenant)", (i) => db.tenant.create({ data: { name: `bench ${i}` } })],
    ];
    for (const [scenario, work] of scenarios) {
      await rate(work); // warm-up
      const before = fsyncs;
      const rates: number[] = [];
      let operations = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const { done, perSecond } = await rate(work);
        rates.push(perSecond);
        operations += done;
      }
      const perCommit = (fsyncs - before) / operations;
      rows.push([
        setup.name,
        scenario,
        median(rates).toFixed(0),
        setup.name.startsWith("default") ? perCommit.toFixed(1) : "-",
      ]);
      console.log(rows.at(-1)!.join(" | "));
    }
    await db.$disconnect();
    await pglite.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

console.log(
  `\nNode ${process.version}, ${cpus().length} CPUs, data in ${tmpdir()}; median of ${ROUNDS} rounds of ${ROUND_MS / 1000} s\n`,
);
const header = ["database", "scenario", "ops/s", "fsync/op"];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]!.length)),
);
const line = (cells: string[]) =>
  cells
    .map((cell, column) =>
      column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
    )
    .join("  ");
console.log(line(header));
console.log(line(widths.map((width) => "-".repeat(width))));
for (const row of rows) console.log(line(row));
