import type { CarrierAccount, PrismaClient } from "../../../generated/prisma/client.ts";
import type { CarrierRegistry } from "../../carriers/registry.ts";
import type { CarrierTracking } from "../../carriers/tracking-api.ts";
import type { JobQueue } from "../jobs.ts";
import { POLL_SCHEDULE, type PollSchedule, shipmentsPerJob } from "./schedule.ts";

export interface PollSweepDeps {
  now: Date;
  jobs: JobQueue;
  carriers: Pick<CarrierRegistry, "adapter">;
  schedule?: PollSchedule;
}

type Pollable = { account: CarrierAccount; tracking: CarrierTracking; aggregator: boolean };

/**
 * The carrier-poll-sweep job: every tenant with a working carrier account gets its due shipments
 * queued in carrier-poll jobs, a batch per account. A shipment goes to the account of its own
 * carrier, else to the tenant's aggregator account (17TRACK tracks any carrier). The lease on
 * each queued shipment is written in the transaction that queues its job. Returns how many
 * shipments were queued.
 */
export async function queueDuePolls(db: PrismaClient, deps: PollSweepDeps): Promise<number> {
  const schedule = deps.schedule ?? POLL_SCHEDULE;
  const { now } = deps;
  const accounts = await db.carrierAccount.findMany({
    where: { status: "ACTIVE", OR: [{ pausedUntil: null }, { pausedUntil: { lte: now } }] },
    orderBy: { createdAt: "asc" },
  });
  const byTenant = new Map<string, Pollable[]>();
  for (const account of accounts) {
    const adapter = deps.carriers.adapter(account.carrier);
    if (!adapter?.tracking) continue;
    const list = byTenant.get(account.tenantId) ?? [];
    list.push({ account, tracking: adapter.tracking, aggregator: adapter.aggregator === true });
    byTenant.set(account.tenantId, list);
  }
  let queued = 0;
  for (const [tenantId, pollables] of byTenant) {
    const direct = new Map(
      pollables.filter((p) => !p.aggregator).map((p) => [p.account.carrier, p]),
    );
    const aggregator = pollables.find((p) => p.aggregator);
    const due = await db.shipment.findMany({
      where: {
        tenantId,
        nextPollAt: { lte: now },
        status: { notIn: ["DELIVERED", "EXPIRED"] },
        ...(aggregator ? {} : { carrier: { in: [...direct.keys()] } }),
      },
      select: { id: true, carrier: true },
      orderBy: { nextPollAt: "asc" },
      take: schedule.sweepLimitPerTenant,
    });
    const byAccount = new Map<string, { pollable: Pollable; ids: string[] }>();
    for (const shipment of due) {
      const pollable = direct.get(shipment.carrier) ?? aggregator;
      if (!pollable) continue;
      const entry = byAccount.get(pollable.account.id) ?? { pollable, ids: [] };
      entry.ids.push(shipment.id);
      byAccount.set(pollable.account.id, entry);
    }
    const jobs = [...byAccount.values()].flatMap(({ pollable, ids }) =>
      chunks(ids, shipmentsPerJob(pollable.tracking.maxBatch, schedule)).map((shipmentIds) => ({
        data: { accountId: pollable.account.id, shipmentIds },
      })),
    );
    if (jobs.length === 0) continue;
    const ids = jobs.flatMap((job) => job.data.shipmentIds);
    await db.$transaction(async (tx) => {
      await tx.shipment.updateMany({
        where: { id: { in: ids } },
        data: { nextPollAt: new Date(now.getTime() + schedule.leaseMs) },
      });
      await deps.jobs.enqueueMany(tx, "carrier-poll", jobs);
    });
    queued += ids.length;
  }
  if (queued > 0) deps.jobs.wake("carrier-poll");
  return queued;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
