import type { Store } from "../../../generated/prisma/client.ts";
import type { ImportProblem } from "./columns.ts";

/**
 * How a file names a store: its id (as stored, or the API's global id) or its name. Names are
 * unique per marketplace and site only, so a name two stores share is refused, not guessed.
 */
export function createStoreFinder(stores: readonly Store[]) {
  const byId = new Map(stores.map((store) => [store.id, store]));
  const byName = new Map<string, Store[]>();
  for (const store of stores) {
    const key = store.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), store]);
  }
  return (text: string, row: number): { store: Store } | { problem: ImportProblem } => {
    const found = byId.get(text) ?? byId.get(fromGlobalId(text) ?? "");
    if (found) return { store: found };
    const named = byName.get(text.toLowerCase()) ?? [];
    if (named.length === 1 && named[0]) return { store: named[0] };
    if (named.length > 1) {
      const message = `${named.length} stores are named "${text}": give the store id`;
      return { problem: { row, column: "store", value: text, code: "INVALID_INPUT", message } };
    }
    const message = `no store "${text}" (an id or a name) for this API key`;
    return { problem: { row, column: "store", value: text, code: "NOT_FOUND", message } };
  };
}

/** The raw id inside a global id "Store:<id>" (base64), or null when it is not one. */
function fromGlobalId(text: string): string | null {
  if (!/^[A-Za-z0-9+/]+=*$/.test(text)) return null;
  const decoded = Buffer.from(text, "base64").toString("utf8");
  return decoded.startsWith("Store:") ? decoded.slice("Store:".length) : null;
}
