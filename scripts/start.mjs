/**
 * `npm start` (decision 051): runs the compiled server, dist/main.js, building it first when
 * it is missing or older than the sources, so an edit in src/ is never served stale. Arguments
 * (`--role api`) reach the server as they would `tsx src/server/main.ts`.
 */
import { build, isStale } from "./build.mjs";

if (isStale()) {
  console.log("Compiling the server into dist/ (sources changed since the last build)");
  await build();
}
// Stack traces name src/ files and lines, as they did under tsx.
process.setSourceMapsEnabled(true);
await import("../dist/main.js");
