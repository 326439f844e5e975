import type { PrismaClient, Store } from "../../generated/prisma/client.ts";
import type { ApiFailure, Credentials, MarketplaceApi } from "../plugins/api-types.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { MarketplacePlugin, Site } from "../plugins/types.ts";
import type { StoreSyncPolicy } from "../vocabulary/index.ts";
import type { JobQueue } from "./jobs.ts";
import { requeueForCredentials } from "./marketplace-sync.ts";
import { createStore } from "./orders.ts";
import type { SecretBox } from "./secret-box.ts";
import { type UserError, userError } from "./user-error.ts";

/** Credentials as a caller gives them: one member per marketplace, named as its GraphQL input. */
export interface CredentialsInput {
  /** The plugin the member belongs to. */
  marketplace: string;
  /** The GraphQL member name, for error paths ("credentials.amazon.refreshToken"). */
  member: string;
  values: Readonly<Record<string, string | null | undefined>>;
}

export interface ConnectionDeps {
  marketplaces: MarketplaceRegistry;
  secretBox: SecretBox;
  jobs: JobQueue;
  fetch: typeof fetch;
  now: () => Date;
}

type StoreResult = { store: Store | null; errors: UserError[]; warnings: UserError[] };

const MAX_CREDENTIAL_LENGTH = 4096;

/** Opens a store with API access: the credentials are checked with the marketplace, then sealed. */
export async function connectStore(
  db: PrismaClient,
  tenantId: string,
  input: {
    marketplace: string;
    site: string;
    name: string;
    credentials: CredentialsInput;
    apiBaseUrl?: string | null;
    tokenUrl?: string | null;
    syncPolicy?: StoreSyncPolicy | null;
  },
  deps: ConnectionDeps,
): Promise<StoreResult> {
  const plugin = deps.marketplaces.find(input.marketplace.trim().toLowerCase());
  const site = plugin?.sites.find((s) => s.code === input.site.trim().toUpperCase());
  if (!plugin || !site) {
    const created = await createStore(db, tenantId, input, deps); // names the unknown part
    return { store: null, errors: created.errors, warnings: [] };
  }
  const prepared = await prepareConnection(plugin, site, input, deps);
  if (!("data" in prepared)) return { store: null, errors: prepared.errors, warnings: [] };
  const created = await createStore(db, tenantId, input, deps, {
    ...prepared.data,
    syncPolicy: input.syncPolicy ?? "CONFIRM_AT_ONCE",
  });
  return { ...created, warnings: prepared.warnings };
}

/**
 * Replaces a store's credentials (and endpoint overrides). Shipments that failed for want of
 * working credentials are queued again, so nothing waits on the seller to retry each one.
 */
export async function updateStoreCredentials(
  db: PrismaClient,
  tenantId: string,
  input: {
    storeId: string;
    credentials: CredentialsInput;
    apiBaseUrl?: string | null;
    tokenUrl?: string | null;
  },
  deps: ConnectionDeps,
): Promise<StoreResult> {
  const store = await db.store.findFirst({ where: { id: input.storeId, tenantId } });
  const found = store ? deps.marketplaces.site(store.marketplace, store.site) : undefined;
  if (!store || !found) {
    return {
      store: null,
      errors: [userError("NOT_FOUND", "no such store", "storeId")],
      warnings: [],
    };
  }
  const prepared = await prepareConnection(
    found.plugin,
    found.site,
    {
      ...input,
      marketplace: store.marketplace,
    },
    deps,
  );
  if (!("data" in prepared)) return { store: null, errors: prepared.errors, warnings: [] };
  const updated = await db.$transaction(async (tx) => {
    const saved = await tx.store.update({ where: { id: store.id }, data: prepared.data });
    await requeueForCredentials(tx, deps.jobs, store.id);
    return saved;
  });
  deps.jobs.wake("marketplace-sync");
  return { store: updated, errors: [], warnings: prepared.warnings };
}

interface Connection {
  warnings: UserError[];
  data: {
    credentials: string;
    credentialNames: string[];
    credentialsUpdatedAt: Date;
    credentialsLastUsedAt?: Date;
    accountId: string | null;
    apiBaseUrl: string | null;
    tokenUrl: string | null;
  };
}

async function prepareConnection(
  plugin: MarketplacePlugin,
  site: Site,
  input: {
    marketplace: string;
    credentials: CredentialsInput;
    apiBaseUrl?: string | null;
    tokenUrl?: string | null;
  },
  deps: ConnectionDeps,
): Promise<{ errors: UserError[] } | Connection> {
  const { api } = plugin;
  if (!api) {
    const message = `${plugin.name} has no API trackline pushes to; use createStore`;
    return { errors: [userError("MARKETPLACE_HAS_NO_API", message, "marketplace")] };
  }
  const errors: UserError[] = [];
  if (input.credentials.marketplace !== plugin.id) {
    const message = `credentials.${input.credentials.member} are not ${plugin.name} credentials`;
    errors.push(userError("CREDENTIALS_MISMATCH", message, "credentials"));
  }
  const apiBaseUrl = checkUrl(input.apiBaseUrl, "apiBaseUrl", errors);
  const tokenUrl = checkUrl(input.tokenUrl, "tokenUrl", errors);
  const credentials = readCredentials(api, input.credentials, errors);
  if (errors.length > 0 || !credentials) return { errors };

  const warnings: UserError[] = [];
  const check = await api
    .createClient(
      {
        site,
        baseUrl: apiBaseUrl ?? api.baseUrl(site),
        tokenUrl: tokenUrl ?? api.tokenUrl(site),
        credentials,
      },
      { fetch: deps.fetch, now: deps.now, saveCredentials: async () => {} },
    )
    .checkCredentials();
  if (!check.ok) {
    if (!check.retryable) return { errors: [credentialsRefused(check, input.credentials.member)] };
    const message = `${plugin.name} could not be reached to check the credentials (${check.message}); they are saved and used at the first push`;
    warnings.push(userError("CREDENTIALS_UNVERIFIED", message, "credentials"));
  }
  const now = deps.now();
  return {
    warnings,
    data: {
      credentials: deps.secretBox.seal(JSON.stringify(credentials)),
      credentialNames: Object.keys(credentials),
      credentialsUpdatedAt: now,
      ...(check.ok ? { credentialsLastUsedAt: now } : {}),
      accountId: credentials[api.accountField] ?? null,
      apiBaseUrl,
      tokenUrl,
    },
  };
}

function readCredentials(
  api: MarketplaceApi,
  input: CredentialsInput,
  errors: UserError[],
): Credentials | null {
  const values: Record<string, string> = {};
  const before = errors.length;
  for (const field of api.credentials) {
    const value = input.values[field.name]?.trim() ?? "";
    const path = `credentials.${input.member}.${field.name}`;
    if (!value) errors.push(userError("MISSING_CREDENTIALS", `${field.name} is required`, path));
    else if (value.length > MAX_CREDENTIAL_LENGTH) {
      errors.push(
        userError("TOO_LONG", `${field.name} is over ${MAX_CREDENTIAL_LENGTH} characters`, path),
      );
    } else values[field.name] = value;
  }
  return errors.length === before ? values : null;
}

function checkUrl(value: string | null | undefined, field: string, errors: UserError[]) {
  const text = value?.trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    if (url.protocol === "https:" || url.protocol === "http:") return text.replace(/\/+$/, "");
  } catch {}
  errors.push(userError("INVALID_URL", `${field} must be an absolute http(s) URL`, field));
  return null;
}

function credentialsRefused(failure: ApiFailure, member: string): UserError {
  // The client names the credential at fault as "credentials.<name>"; the input nests it by member.
  const field = failure.field?.startsWith("credentials.")
    ? `credentials.${member}.${failure.field.slice("credentials.".length)}`
    : "credentials";
  return userError(
    "INVALID_CREDENTIALS",
    `the marketplace refused the credentials: ${failure.message}`,
    field,
  );
}

/** A store's credentials, opened where a push needs them; null when it has none. */
export function openCredentials(
  store: Pick<Store, "credentials">,
  box: SecretBox,
): Credentials | null {
  return store.credentials ? (JSON.parse(box.open(store.credentials)) as Credentials) : null;
}

/** When a store pushes; shipments already confirmed keep the course they started on. */
export async function setStoreSyncPolicy(
  db: PrismaClient,
  tenantId: string,
  input: { storeId: string; syncPolicy: StoreSyncPolicy },
): Promise<StoreResult> {
  const { count } = await db.store.updateMany({
    where: { id: input.storeId, tenantId },
    data: { syncPolicy: input.syncPolicy },
  });
  if (count === 0) {
    return {
      store: null,
      errors: [userError("NOT_FOUND", "no such store", "storeId")],
      warnings: [],
    };
  }
  return {
    store: await db.store.findUnique({ where: { id: input.storeId } }),
    errors: [],
    warnings: [],
  };
}
