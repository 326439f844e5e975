/**
 * Compiles the server for `npm start` (decision 051): src/server/main.ts and every module of
 * ours it imports (src/, prisma/seed/, generated/) into one ESM file, dist/main.js, with its
 * source map; packages stay imports from node_modules. Run: `npm run build`, also by
 * `postinstall` and by scripts/start.mjs whenever dist/ is stale.
 *
 * Beside the bundle, dist/main.inputs.json lists what it was built from (each file's size and
 * mtime); the build is stale as soon as one of them differs or is gone. Plain JavaScript: it
 * must run before anything is compiled, and Node 20 runs no TypeScript.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "..");
export const DIST = path.join(ROOT, "dist");
export const ENTRY_OUTPUT = path.join(DIST, "main.js");
const INPUTS_FILE = path.join(DIST, "main.inputs.json");
/** Read by esbuild or deciding its output, though the bundle imports neither. */
const SETTINGS = ["tsconfig.json", "scripts/build.mjs"];

/** True when dist/main.js is missing or any file it was built from has changed since. */
export function isStale() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(INPUTS_FILE, "utf8"));
    statSync(ENTRY_OUTPUT);
  } catch {
    return true;
  }
  return recorded.some(([file, size, mtimeMs]) => {
    try {
      const stat = statSync(path.resolve(ROOT, file));
      return stat.size !== size || stat.mtimeMs !== mtimeMs;
    } catch {
      return true;
    }
  });
}

/**
 * Builds dist/main.js. Each file is written beside its place and renamed over it, so a server
 * starting meanwhile (a second instance) reads the old build or the new one, never half of one.
 */
export async function build() {
  // Loaded here: a start with a fresh build does not pay for esbuild.
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ["src/server/main.ts"],
    outfile: ENTRY_OUTPUT,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20.19",
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  const inputs = [...Object.keys(result.metafile.inputs), ...SETTINGS].map((file) => {
    const stat = statSync(path.resolve(ROOT, file));
    return [file, stat.size, stat.mtimeMs];
  });
  const files = [
    ...result.outputFiles.map((file) => [file.path, file.contents]),
    // Last: a build interrupted before it stays stale.
    [INPUTS_FILE, `${JSON.stringify(inputs)}\n`],
  ];
  mkdirSync(DIST, { recursive: true });
  for (const [file, contents] of files) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
  }
}

/** esbuild has printed a failed build's errors with file and line: exit without its stack. */
export function exitOnBuildFailure(error) {
  if (Array.isArray(error?.errors) && error.errors.length > 0) process.exit(1);
  throw error;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await build().catch(exitOnBuildFailure);
}
