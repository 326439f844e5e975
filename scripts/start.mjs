/**
 * `npm start` (decision 051): runs the compiled server, dist/main.js, building it first when
 * it is missing or a file it was built from has changed, so an edit is never served stale.
 * Arguments (`--role api`) reach the server as they would `tsx src/server/main.ts`.
 */
import { build, exitOnBuildFailure, isStale } from "./build.mjs";

if (isStale()) {
  console.log("Compiling the server into dist/ (not built yet, or its sources changed)");
  await build().catch(exitOnBuildFailure);
}
// Stack traces name src/ files and lines, as they did under tsx.
process.setSourceMapsEnabled(true);
await import("../dist/main.js");
