import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The directory holding package.json. Files the server reads at run time (migrations, the
 * tracking-number data, page scripts) are found from here, not from the module's own place:
 * under tsx and vitest that place is in src/, in the compiled server it is dist/ (decision 051).
 */
export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json in ${from} or above`);
  }
}
