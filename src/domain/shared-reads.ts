/**
 * Reads every subscriber of one change shares (decision 035): the first to ask for a key loads
 * it, everyone else on this instance gets the same promise. Keys name what was read and for whom
 * (tenant, change, selection), never just an id, so an answer cannot reach another tenant or
 * another version of the row.
 */
export interface SharedReads {
  /** The value loaded for `key`, loading it with `load` if no one on this instance has yet. */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/** Keeps the last `capacity` keys, enough for a subscriber whose socket lags a few changes behind. */
export function createSharedReads(capacity = 1_000): SharedReads {
  const entries = new Map<string, Promise<unknown>>();
  return {
    read<T>(key: string, load: () => Promise<T>): Promise<T> {
      const known = entries.get(key);
      if (known) return known as Promise<T>;
      const loading = load();
      entries.set(key, loading);
      // A failed read is not kept: the next subscriber of the change tries again.
      loading.catch(() => {
        if (entries.get(key) === loading) entries.delete(key);
      });
      if (entries.size > capacity) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return loading;
    },
  };
}

/**
 * One change as a reader of `tenantId` sees it: event ids are new in each change, so the key
 * never names an older read of the same shipment.
 */
export function changeKey(
  tenantId: string,
  change: { shipmentId: string; eventIds: readonly string[] },
): string {
  return `${tenantId}|${change.shipmentId}|${change.eventIds.join(",")}`;
}
