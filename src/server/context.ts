import type { PrismaClient } from "../../generated/prisma/client.ts";
import type { Viewer } from "./api-keys.ts";
import type { TracklinePubSub } from "./pubsub.ts";

/** What every resolver gets. Time and I/O come in from buildApp so tests can inject them. */
export interface Context {
  db: PrismaClient;
  viewer: Viewer;
  pubsub: TracklinePubSub;
  now: () => Date;
}
