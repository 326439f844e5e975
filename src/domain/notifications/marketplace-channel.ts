import type { PrismaClient } from "../../../generated/prisma/client.ts";
import { buyerMessagingRefusal } from "../../plugins/buyer-messaging.ts";
import type { NotificationReason } from "../../vocabulary/index.ts";
import { openStoreClient, type StoreClientDeps } from "../store-client.ts";
import type { BuyerChannel } from "./channels.ts";

type Opened =
  | { channel: BuyerChannel; maxLength: number | undefined }
  | { reason: NotificationReason; detail: string };

/**
 * The store's marketplace chat as a channel: the message's `to` is the order's native id (the
 * client finds its buyer), its text goes as it is. Refused when the marketplace does not allow
 * it on the store's site, or the store has no credentials to call it with.
 */
export function openMarketplaceChannel(
  db: PrismaClient,
  store: Parameters<typeof openStoreClient>[1],
  deps: Partial<StoreClientDeps> & Pick<StoreClientDeps, "marketplaces" | "now">,
): Opened {
  const plugin = deps.marketplaces.find(store.marketplace);
  const refusal = buyerMessagingRefusal(plugin, store.site);
  if (refusal) return { reason: "MARKETPLACE_MESSAGING_NOT_SUPPORTED", detail: refusal };
  if (!deps.secretBox || !deps.fetch) {
    const detail = "this server calls no marketplace API for buyer messages";
    return { reason: "CHANNEL_NOT_CONFIGURED", detail };
  }
  const opened = openStoreClient(db, store, {
    ...deps,
    secretBox: deps.secretBox,
    fetch: deps.fetch,
  });
  if ("refusal" in opened) return { reason: "CHANNEL_NOT_CONFIGURED", detail: opened.refusal };
  const { client } = opened;
  const { messageBuyer } = client;
  if (!messageBuyer) {
    const detail = `trackline's ${opened.plugin.name} client cannot message buyers`;
    return { reason: "MARKETPLACE_MESSAGING_NOT_SUPPORTED", detail };
  }
  return {
    maxLength: opened.plugin.buyerMessages?.maxLength,
    channel: {
      async send(message) {
        const result = await messageBuyer.call(client, {
          nativeOrderId: message.to,
          text: message.text,
        });
        if (result.ok) return { ok: true };
        return {
          ok: false,
          retryable: result.retryable,
          error: `${result.code}: ${result.message}`,
          ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
        };
      },
    },
  };
}
