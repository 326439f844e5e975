import type { IncomingMessage, ServerResponse } from "node:http";
import {
  buildPublicView,
  findByPublicToken,
  type PublicShipment,
  type PublicTrackingView,
  publicLocale,
  reloadPublicShipment,
} from "../domain/public-tracking/view.ts";
import { parseAcceptLanguage } from "../domain/texts/index.ts";
import { json, masked, refusal, safeLocale } from "./public-answers.ts";
import { publicSubscriptionEvent } from "./public-graphql.ts";
import { PUBLIC_HEADERS } from "./public-tracking-page.ts";
import type { PublicTrackingDeps } from "./public-tracking-route.ts";

/** A stream's frames (graphql-sse "distinct connections"): an EventSource reads them as is. */
const sse = {
  next: (result: unknown) => `event: next\ndata: ${JSON.stringify(result)}\n\n`,
  complete: "event: complete\ndata:\n\n",
  keepAlive: ": keep-alive\n\n",
};
const KEEP_ALIVE_MS = 15_000;

/** The live page's event streams, counted per address (decision 044). */
export function createPublicStreams(deps: PublicTrackingDeps) {
  /** Open streams per address, and how to end each (server shutdown). */
  const streamsOf = new Map<string, number>();
  const openStreams = new Set<() => void>();

  /**
   * shipmentUpdated over Server-Sent Events. The token is looked up once, when the stream opens;
   * each change of that shipment then rebuilds the buyer's view and sends it. A token revoked
   * meanwhile ends the stream at the next change (a null page, then `complete`), as an unknown
   * token does at once.
   */
  const open = async (
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    variables: Record<string, unknown>,
    address: string,
  ) => {
    const checked = await publicSubscriptionEvent(id, variables, null);
    if (checked.errors) return json(res, 200, masked(checked));
    const held = streamsOf.get(address) ?? 0;
    if (held >= deps.maxStreamsPerAddress) {
      return json(res, 429, refusal("TOO_MANY_STREAMS"), {
        ...PUBLIC_HEADERS,
        "retry-after": "60",
      });
    }
    streamsOf.set(address, held + 1);
    let ended = false;
    let changes: AsyncIterator<unknown> | null = null;
    let keepAlive: NodeJS.Timeout | undefined;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(keepAlive);
      openStreams.delete(end);
      const left = (streamsOf.get(address) ?? 1) - 1;
      if (left > 0) streamsOf.set(address, left);
      else streamsOf.delete(address);
      changes?.return?.().catch(() => {});
      if (!res.writableEnded) res.end();
    };
    openStreams.add(end);
    req.once("close", end);
    try {
      res.writeHead(200, {
        ...PUBLIC_HEADERS,
        "content-type": "text/event-stream; charset=utf-8",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      const send = async (view: PublicTrackingView | null) => {
        const result = await publicSubscriptionEvent(id, variables, view);
        if (!ended) res.write(sse.next(masked(result)));
      };
      const token = String(variables.token);
      const shipment = await findByPublicToken(deps.db, token);
      if (!shipment?.publicTokenHash || ended) {
        await send(null);
        return;
      }
      const tokenHash = shipment.publicTokenHash;
      const locale = publicLocale(
        safeLocale(variables.locale),
        parseAcceptLanguage(req.headers["accept-language"]),
        shipment,
        deps.marketplaces,
      );
      // Listening starts before the first view is built, so no change after it is missed.
      const iterator = deps.feed.shipmentUpdated(shipment.id)[Symbol.asyncIterator]();
      changes = iterator;
      let next = iterator.next();
      keepAlive = setInterval(() => res.write(sse.keepAlive), deps.keepAliveMs ?? KEEP_ALIVE_MS);
      await send(await buildPublicView(shipment, locale, deps));
      while (!ended) {
        if ((await next).done || ended) return;
        next = iterator.next();
        const current: PublicShipment | null = await reloadPublicShipment(
          deps.db,
          shipment.id,
          tokenHash,
        );
        await send(current && (await buildPublicView(current, locale, deps)));
        if (!current) return;
      }
    } finally {
      if (!ended && !res.writableEnded) res.write(sse.complete);
      end();
    }
  };

  return {
    open,
    close() {
      for (const end of [...openStreams]) end();
    },
  };
}
