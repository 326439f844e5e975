/** What an API key may do (decision 034). Stored on the key as spelled here. */
export const SCOPES = [
  "orders:read",
  "orders:write",
  "tracking:write",
  "webhooks:manage",
  "keys:manage",
  "metrics:read",
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * The scopes keys had before there were fine ones; a key stored with them keeps what it could
 * do. `keys:manage` is in neither: an old key never gains the power to mint keys.
 */
export const SCOPE_ALIASES = {
  read: ["orders:read", "metrics:read"],
  write: ["orders:write", "tracking:write", "webhooks:manage"],
} as const satisfies Record<string, readonly Scope[]>;
export type ScopeAlias = keyof typeof SCOPE_ALIASES;

/** A scope or an alias, as a key may be stored with. */
export type StoredScope = Scope | ScopeAlias;

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** The fine scopes a key's stored scopes grant; unknown words grant nothing. */
export function expandScopes(stored: readonly string[]): Set<Scope> {
  const granted = new Set<Scope>();
  for (const word of stored) {
    if (isScope(word)) granted.add(word);
    else if (word in SCOPE_ALIASES) {
      for (const scope of SCOPE_ALIASES[word as ScopeAlias]) granted.add(scope);
    }
  }
  return granted;
}

/**
 * The scope each root query and subscription field needs, checked before anything runs (the
 * mutations check theirs in their resolver and answer FORBIDDEN in their payload). A field
 * missing here needs `orders:read`; tests/scopes.test.ts walks the schema so none is missed.
 */
export const READ_FIELD_SCOPES: Record<string, Scope | null> = {
  __typename: null,
  __schema: null,
  __type: null,
  apiKeys: "keys:manage",
  carrierAccounts: "orders:read",
  carrierWebhooks: "webhooks:manage",
  carriers: "orders:read",
  deliveryFeedback: "orders:read",
  detectCarrier: "orders:read",
  detectCarriers: "orders:read",
  estimateDeliveries: "orders:read",
  exceptions: "orders:read",
  importJob: "orders:read",
  marketplaces: "orders:read",
  node: "orders:read",
  nodes: "orders:read",
  orders: "orders:read",
  sellerMetrics: "metrics:read",
  shipment: "orders:read",
  shipments: "orders:read",
  stores: "orders:read",
  trackShipment: "orders:read",
  unmappedCarrierCodes: "orders:read",
  validTrackingReport: "metrics:read",
  validateTrackingNumber: "orders:read",
  webhookDeliveries: "webhooks:manage",
  webhookSubscriptions: "webhooks:manage",
  sellerRiskRaised: "metrics:read",
  exceptionRaised: "orders:read",
  shipmentUpdated: "orders:read",
  trackingEventAdded: "orders:read",
};

export function scopeForReadField(field: string): Scope | null {
  return field in READ_FIELD_SCOPES ? (READ_FIELD_SCOPES[field] ?? null) : "orders:read";
}
