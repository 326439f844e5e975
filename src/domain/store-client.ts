import type { PrismaClient, Store } from "../../generated/prisma/client.ts";
import type { MarketplaceClient } from "../plugins/api-types.ts";
import type { MarketplaceRegistry } from "../plugins/registry.ts";
import type { MarketplacePlugin } from "../plugins/types.ts";
import type { SecretBox } from "./secret-box.ts";
import { openCredentials } from "./store-connections.ts";

export interface StoreClientDeps {
  marketplaces: MarketplaceRegistry;
  secretBox: SecretBox;
  fetch: typeof fetch;
  now: () => Date;
}

type StoreRow = Pick<
  Store,
  "id" | "marketplace" | "site" | "credentials" | "apiBaseUrl" | "tokenUrl"
>;

/**
 * One store's marketplace client for a single job, or why there is none. Tokens the marketplace
 * rotates (Shopee, TikTok Shop) are saved only over the credentials the client started from: a
 * seller who replaced them meanwhile wins, and the call fails retryably.
 */
export function openStoreClient(
  db: PrismaClient,
  store: StoreRow,
  deps: StoreClientDeps,
): { client: MarketplaceClient; plugin: MarketplacePlugin } | { refusal: string } {
  const found = deps.marketplaces.site(store.marketplace, store.site);
  const api = found?.plugin.api;
  if (!found || !api) return { refusal: `${store.marketplace} has no API client here` };
  const credentials = openCredentials(store, deps.secretBox);
  if (!credentials) return { refusal: "the store has no marketplace credentials (connectStore)" };
  let sealed = store.credentials;
  const client = api.createClient(
    {
      site: found.site,
      baseUrl: store.apiBaseUrl ?? api.baseUrl(found.site),
      tokenUrl: store.tokenUrl ?? api.tokenUrl(found.site),
      credentials,
    },
    {
      fetch: deps.fetch,
      now: deps.now,
      saveCredentials: async (next) => {
        const replaced = deps.secretBox.seal(JSON.stringify(next));
        const { count } = await db.store.updateMany({
          where: { id: store.id, credentials: sealed },
          data: { credentials: replaced },
        });
        if (count === 0) {
          throw new Error("the store's credentials changed while a token was being refreshed");
        }
        sealed = replaced;
      },
    },
  );
  return { client, plugin: found.plugin };
}
